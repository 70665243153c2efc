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
            return try await respond(to: request, context: context, .sessionSheet(session: try Parameters.id(context)),
                                     layout: try Parameters.presetName(query.get("layout")),
                                     overrides: try Parameters.overrides(query.getAll("set")))
        }
        router.get("sessions/:id/preview.png") { request, context in
            try await respond(to: request, context: context, .sessionPreview(session: try Parameters.id(context), width: Self.previewWidth),
                              layout: try Parameters.presetName(request.uri.queryParameters.get("layout")),
                              overrides: try Parameters.overrides(request.uri.queryParameters.getAll("set")))
        }
        router.get("distributions/:id/sheet.pdf") { request, context in
            let kind = try Parameters.distributionKind(request.uri.queryParameters.get("layout"))
            return try await respond(to: request, context: context, .distributionSheet(distribution: try Parameters.id(context), kind: kind))
        }
        router.get("vendors/:id/orders.xlsx") { request, context in
            let week = try Parameters.week(request.uri.queryParameters.get("week"))
            return try await respond(to: request, context: context, .vendorOrders(vendor: try Parameters.id(context), week: week))
        }
        router.get("contracts/:id/payments.xlsx") { request, context in
            try await respond(to: request, context: context, .payments(catalog: try Parameters.id(context)))
        }
        router.get("federation/report.pdf") { request, context in
            try await respond(to: request, context: context, .usageReport(year: try Parameters.year(request.uri.queryParameters.get("year"))))
        }
    }

    /// The preview's width in pixels: an A4 page at about 96 dpi.
    static let previewWidth = 800

    private func respond(to request: Request, context: some RequestContext, _ document: DocumentRequest, layout: String? = nil,
                         overrides: [String] = []) async throws -> Response {
        let answer = try await service.answer(document, layout: layout, overrides: overrides,
                                              token: Parameters.token(request.headers),
                                              ifNoneMatch: Parameters.entityTags(request.headers[.ifNoneMatch]))
        switch answer {
        case .notModified(let etag):
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: "private, no-cache"])
        case let .document(file, folder, size, fileName, contentType, etag, _):
            let headers: HTTPFields = [
                .contentType: contentType,
                // The preview shows in the page's <img>; the documents are saved.
                .contentDisposition: "\(contentType.hasPrefix("image/") ? "inline" : "attachment"); filename=\"\(fileName)\"",
                .eTag: etag,
                .cacheControl: "private, no-cache",
            ]
            return Response(status: .ok, headers: headers, body: try await Self.stream(file, size: size, removing: folder, context: context))
        }
    }

    /// The file in chunks of 64 KiB read on NIO's thread pool (never on the event loop), then its
    /// folder removed: a large workbook is never held whole in memory.
    static func stream(_ file: URL, size: Int, removing folder: URL, context: some RequestContext) async throws -> ResponseBody {
        let body: ResponseBody
        do {
            body = try await FileIO().loadFile(path: file.path, context: context, chunkLength: 64 * 1024)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return ResponseBody(contentLength: size) { writer in
            defer { try? FileManager.default.removeItem(at: folder) }
            try await body.write(writer)
        }
    }
}
