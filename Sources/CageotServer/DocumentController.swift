import CageotApp
import CageotCore
import Foundation
import Hummingbird

/// The document routes: each reads its parameters, then asks `DocumentService`.
struct DocumentController {
    let service: DocumentService

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("sessions/:id/sheet.pdf") { request, context in
            let query = request.uri.queryParameters
            return try await respond(to: request, .sessionSheet(session: try Parameters.id(context)),
                                     layout: try Parameters.presetName(query.get("layout")),
                                     overrides: try Parameters.overrides(query.getAll("set")))
        }
        router.get("sessions/:id/preview.png") { request, context in
            try await respond(to: request, .sessionPreview(session: try Parameters.id(context), width: Self.previewWidth),
                              layout: try Parameters.presetName(request.uri.queryParameters.get("layout")),
                              overrides: try Parameters.overrides(request.uri.queryParameters.getAll("set")))
        }
        router.get("distributions/:id/sheet.pdf") { request, context in
            let kind = try Parameters.distributionKind(request.uri.queryParameters.get("layout"))
            return try await respond(to: request, .distributionSheet(distribution: try Parameters.id(context), kind: kind))
        }
        router.get("vendors/:id/orders.xlsx") { request, context in
            let week = try Parameters.week(request.uri.queryParameters.get("week"))
            return try await respond(to: request, .vendorOrders(vendor: try Parameters.id(context), week: week))
        }
        router.get("contracts/:id/payments.xlsx") { request, context in
            try await respond(to: request, .payments(catalog: try Parameters.id(context)))
        }
        router.get("federation/report.pdf") { request, _ in
            try await respond(to: request, .usageReport(year: try Parameters.year(request.uri.queryParameters.get("year"))))
        }
    }

    /// The preview's width in pixels: an A4 page at about 96 dpi.
    static let previewWidth = 800

    private func respond(to request: Request, _ document: DocumentRequest, layout: String? = nil,
                         overrides: [String] = []) async throws -> Response {
        let answer = try await service.answer(document, layout: layout, overrides: overrides,
                                              token: Parameters.token(request.headers),
                                              ifNoneMatch: Parameters.entityTags(request.headers[.ifNoneMatch]))
        switch answer {
        case .notModified(let etag):
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: "private, no-cache"])
        case let .document(file, folder, size, fileName, contentType, etag):
            let headers: HTTPFields = [
                .contentType: contentType,
                // The preview shows in the page's <img>; the documents are saved.
                .contentDisposition: "\(contentType.hasPrefix("image/") ? "inline" : "attachment"); filename=\"\(fileName)\"",
                .eTag: etag,
                .cacheControl: "private, no-cache",
            ]
            return Response(status: .ok, headers: headers, body: Self.stream(file, size: size, removing: folder))
        }
    }

    /// The file in chunks of 64 KiB, then its folder removed: a large workbook is never held whole in memory.
    static func stream(_ file: URL, size: Int, removing folder: URL) -> ResponseBody {
        ResponseBody(contentLength: size) { writer in
            defer { try? FileManager.default.removeItem(at: folder) }
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
    }
}
