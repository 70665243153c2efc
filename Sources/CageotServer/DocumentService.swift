import CageotApp
import CageotCore
import CageotPresets
import CageotStore
import Foundation

/// What the document routes do, without HTTP: check the token, read the data, check the scope,
/// compare the fingerprint with the client's, and only then render, on a worker thread.
struct DocumentService: Sendable {
    let configuration: ServerConfiguration
    let pool: WorkerPool
    let metrics: Metrics
    /// Shared by every route: a document rendered once from the same data is not rendered again.
    let cache: RenderCache
    /// The fingerprints read at each database position: while nothing is written, a request
    /// already answered is answered again without reading its data.
    let memo: FingerprintMemo

    enum Answer: Sendable {
        case notModified(etag: String)
        /// The document's file, alone in `folder`, which the response removes once it has streamed
        /// it: rendered for this request, or `cached`, a link to a file rendered earlier from the
        /// same data (`RenderCache`).
        case document(file: URL, folder: URL, size: Int, fileName: String, contentType: String, etag: String, cached: Bool)
    }

    /// `layout` and `overrides` are a sheet's preset (`?layout=`, `?set=`); `ifNoneMatch` the
    /// client's ETags.
    func answer(_ request: DocumentRequest, layout: String? = nil, overrides: [String] = [], token: String?,
                ifNoneMatch: [String]) async throws -> Answer {
        let configuration = configuration
        let cache = cache
        let memo = memo
        let metrics = metrics
        let answer = try await authorized(token) { worker, connection, scope in
            // Where the database stands before anything is read, and what this request read last
            // time if it has not moved since (FingerprintMemo).
            let position = try QuietDatabase.position(connection)
            let memoKey = FingerprintMemo.key(request, layout: layout, overrides: overrides,
                                              layouts: worker.factory.environment.layoutsDirectory,
                                              day: worker.factory.environment.now.date)
            if let known = memo.entry(memoKey, at: position) {
                metrics.fingerprintReused(kind: request.kind)
                if let answer = try Self.answerWithoutRendering(known, request, scope: scope, ifNoneMatch: ifNoneMatch, cache: cache) {
                    return answer
                }
            }
            let jobs = try Self.jobs(worker, connection, layout: layout, overrides: overrides)
            let prepared: PreparedDocument
            do {
                prepared = try jobs.prepare(request, costs: configuration.costs, federationName: configuration.federationName)
            } catch is NotFound {
                throw Problem.notFound(request.missing)
            }
            let known = memo.remember(memoKey, at: position, prepared)
            if let answer = try Self.answerWithoutRendering(known, request, scope: scope, ifNoneMatch: ifNoneMatch, cache: cache) {
                return answer
            }
            let answer = try Self.render(prepared, etag: "\"\(prepared.fingerprint)\"")
            if case let .document(file, _, _, _, _, _, _) = answer { cache.store(Self.cacheKey(request, known), file: file) }
            return answer
        }
        switch answer {
        case .notModified: metrics.documentNotModified(kind: request.kind)
        case .document(_, _, _, _, _, _, cached: false): metrics.documentGenerated(kind: request.kind)
        case .document(_, _, _, _, _, _, cached: true): metrics.documentCached(kind: request.kind)
        }
        return answer
    }

    /// Runs `body` on a worker, within the request timeout, with the scope of `token` and the
    /// request's time in the worker's factory; 401 without a live token.
    func authorized<T: Sendable>(_ token: String?,
                                 _ body: @escaping @Sendable (Worker, Connection, AccessScope) throws -> T) async throws -> T {
        guard let token else { throw Problem.unauthorized }
        let configuration = configuration
        return try await withTimeout(configuration.requestTimeout) { [pool] in
            try await pool.run { worker in
                try worker.withConnection { connection in
                    guard let scope = try AccessTokens(migrated: connection).scope(of: token) else { throw Problem.unauthorized }
                    worker.factory.environment = configuration.environmentNow()
                    return try body(worker, connection, scope)
                }
            }
        }
    }

    /// The use cases with a sheet's preset; a wrong preset is a 400 naming `layout` or `set`.
    static func jobs(_ worker: Worker, _ connection: Connection, layout: String?, overrides: [String] = []) throws -> SheetJobs {
        do {
            return try SheetJobs(connection: connection, factory: worker.factory, recordInLedger: false,
                                 layout: layout, overrides: overrides)
        } catch let error as PresetError {
            throw Problem.badParameter(error.file == "--set" ? "set" : "layout", error.description)
        }
    }

    /// What can be answered from the document's fingerprint alone: 404 outside the token's scope,
    /// 304 when the client has it, else the file rendered earlier from the same request and
    /// fingerprint (linked into a folder of its own for this response) if the render cache still
    /// has it; nil when it must be rendered.
    private static func answerWithoutRendering(_ known: FingerprintMemo.Entry, _ request: DocumentRequest, scope: AccessScope,
                                               ifNoneMatch: [String], cache: RenderCache) throws -> Answer? {
        guard scope.covers(known.owner) else { throw Problem.notFound(request.missing) }
        let etag = "\"\(known.fingerprint)\""
        if ifNoneMatch.contains(etag) || ifNoneMatch.contains("*") { return .notModified(etag: etag) }
        let folder = responseFolder()
        guard let file = cache.link(cacheKey(request, known), into: folder, named: known.fileName),
              let size = try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int else { return nil }
        return .document(file: file, folder: folder, size: size, fileName: known.fileName, contentType: known.contentType,
                         etag: etag, cached: true)
    }

    /// The render cache's key of a document: what was asked, its type and its input fingerprint.
    private static func cacheKey(_ request: DocumentRequest, _ known: FingerprintMemo.Entry) -> String {
        RenderCache.key(String(describing: request), known.contentType, known.fingerprint)
    }

    /// A folder of its own under the temp folder for one response, which removes it once streamed.
    private static func responseFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cageot-serve-\(UUID().uuidString)", isDirectory: true)
    }

    /// Writes the document into a folder of its own; the response streams it from there and
    /// removes the folder (here, on any error).
    private static func render(_ prepared: PreparedDocument, etag: String) throws -> Answer {
        let folder = responseFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            let document = try prepared.write(folder)
            return .document(file: URL(fileURLWithPath: document.path), folder: folder, size: document.bytes,
                             fileName: prepared.fileName, contentType: prepared.contentType, etag: etag, cached: false)
        } catch let error as DistributionSheetError {
            try? FileManager.default.removeItem(at: folder)
            throw Problem.badParameter("layout", error.description)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }
}

extension DocumentRequest {
    /// The 404's detail, the same whether the id is unknown or outside the token's scope.
    var missing: String {
        switch self {
        case .sessionSheet(let id), .sessionPreview(let id, _): "There is no session with id \(id)."
        case .distributionSheet(let id, _): "There is no distribution with id \(id)."
        case .vendorOrders(let id, _): "There is no vendor with id \(id)."
        case .payments(let id): "There is no contract with id \(id)."
        case .usageReport: "There is no such report."
        }
    }
}
