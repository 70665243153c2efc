import CageotApp
import Foundation
import Hummingbird

/// `POST /runs` and `GET /runs/{id}`, for admin tokens only: to any other token the routes do not
/// exist (the same 404 as an unknown route), without a valid one they answer 401.
struct RunController {
    let service: RunService
    /// Checks the tokens, as for the documents.
    let access: DocumentService

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("runs") { request, _ in
            try await requireAdmin(request)
            let dryRun = try await Self.dryRun(request)
            let record = try service.start(dryRun: dryRun)
            return Self.json(record, status: .accepted, headers: [.location: "/runs/\(record.id)"])
        }
        router.get("runs/:id") { request, context in
            try await requireAdmin(request)
            let id = context.parameters.get("id") ?? ""
            guard let record = service.record(id) else {
                throw Problem.notFound("There is no run with id '\(id.prefix(40))': this server keeps its last \(RunService.kept) runs, and forgets them when it restarts.")
            }
            return Self.json(record, status: .ok)
        }
    }

    /// The `Authorization` header only, never the page's cookie: no request from another site can start a run.
    private func requireAdmin(_ request: Request) async throws {
        var headers = request.headers
        headers[.cookie] = nil
        let scope = try await access.authorized(Parameters.token(headers)) { _, _, scope in scope }
        // What the router answers to a route it does not have: other tokens cannot tell the runs exist.
        guard scope == .admin else { throw HTTPError(.notFound) }
    }

    /// `?dryRun=true`, or a JSON body `{"dryRun": true}`; neither means a real run.
    private static func dryRun(_ request: Request) async throws -> Bool {
        struct Body: Decodable { var dryRun: Bool? }
        var dryRun = false
        if let text = request.uri.queryParameters.get("dryRun") {
            guard let value = Bool(text) else {
                throw Problem.badParameter("dryRun", "dryRun '\(text.prefix(40))' is not a boolean: write dryRun=true or dryRun=false.")
            }
            dryRun = value
        }
        let bytes = try await request.body.collect(upTo: 4096)
        guard bytes.readableBytes > 0 else { return dryRun }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(bytes.readableBytesView)).dryRun ?? dryRun
        } catch {
            throw Problem.badParameter("body", #"The body is not the JSON of a run: send nothing, or {"dryRun": true}."#)
        }
    }

    private static func json(_ record: RunRecord, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and numbers only: encoding cannot fail.
        let body = (try? encoder.encode(record)) ?? Data()
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Problem {
    /// One run at a time per server: the second `POST /runs` is told which one is going.
    static func runInProgress(id: String) -> Problem {
        Problem(kind: "run-in-progress", status: .conflict, title: "A run is in progress",
                detail: "The run \(id) is still going (GET /runs/\(id)); start another once it is done.")
    }
}
