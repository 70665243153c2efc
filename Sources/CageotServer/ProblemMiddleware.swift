import Hummingbird
import Logging

/// Times every request, counts its errors by kind, logs one line (method, path, status, time:
/// never a header, so never a token), and turns unexpected errors into a 500 that shows no internals.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let metrics: Metrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = HTTPResponse.Status.internalServerError
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            metrics.request(route: context.endpointPath ?? "unmatched", seconds: seconds)
            logger.info("\(request.method) \(request.uri.path) \(status.code) \(Int(seconds * 1000)) ms")
        }
        do {
            let response = try await next(request, context)
            status = response.status
            return response
        } catch let error as HTTPResponseError {
            status = error.status
            metrics.error(kind: (error as? Problem)?.kind ?? "http-\(error.status.code)")
            throw error
        } catch {
            let problem = Problem.from(error) ?? .internalError
            if problem.kind == "internal" { logger.error("\(request.method) \(request.uri.path): \(error)") }
            status = problem.status
            metrics.error(kind: problem.kind)
            throw problem
        }
    }
}
