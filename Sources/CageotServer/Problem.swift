import CageotCore
import CageotStore
import Foundation
import Hummingbird

/// An error answered as RFC 9457 problem details (`application/problem+json`): it decides its own
/// status, and its detail says what was wrong and how to ask again, never the server's internals.
public struct Problem: HTTPResponseError, Sendable {
    /// The short name of the problem: `bad-parameter`, `not-found`… (the last part of `type`, and
    /// the `kind` label of the errors metric).
    public var kind: String
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String
    /// The query or path parameter at fault, if any.
    public var parameter: String?
    /// Seconds after which to retry (503).
    public var retryAfter: Int?

    public static func badParameter(_ parameter: String, _ detail: String) -> Problem {
        Problem(kind: "bad-parameter", status: .badRequest, title: "Bad parameter", detail: detail, parameter: parameter)
    }

    /// Unknown ids and documents outside the token's scope answer the same, so ids cannot be probed.
    public static func notFound(_ detail: String) -> Problem {
        Problem(kind: "not-found", status: .notFound, title: "Not found", detail: detail)
    }

    public static let unauthorized = Problem(
        kind: "unauthorized", status: .unauthorized, title: "Unauthorized",
        detail: "This document needs a valid token: send the header Authorization: Bearer <token> (cageot token create), "
            + "or open a group's page once as /groups/ID?token=<token> in a browser.")

    public static let databaseUnavailable = Problem(
        kind: "unavailable", status: .serviceUnavailable, title: "Database unavailable",
        detail: "The database does not answer; retry in a few seconds.", retryAfter: 10)

    public static func timeout(_ limit: Duration) -> Problem {
        Problem(kind: "timeout", status: .serviceUnavailable, title: "Timed out",
                detail: "The document was not ready within \(limit.components.seconds) s; retry later.", retryAfter: 10)
    }

    public static let internalError = Problem(
        kind: "internal", status: .internalServerError, title: "Internal error",
        detail: "The document could not be made; the server's log says why.")

    /// The problem an error of the use cases stands for; nil for an unexpected one (a 500).
    public static func from(_ error: Error) -> Problem? {
        switch error {
        case let problem as Problem: return problem
        case let missing as NotFound: return .notFound("There is no \(missing.entity) with id \(missing.id).")
        case let database as DatabaseError: return database.isConnectionLost ? .databaseUnavailable : nil
        default: return nil
        }
    }

    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var parameter: String?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(Body(type: "urn:cageot:problem:\(kind)", title: title, status: Int(status.code),
                                           detail: detail, parameter: parameter))
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
