import Hummingbird
import Logging

/// The router of `cageot serve`: health and metrics without a token, the documents with one.
func buildRouter(pool: WorkerPool, configuration: ServerConfiguration, metrics: Metrics) -> Router<BasicRequestContext> {
    let router = Router()
    // One service for every route, so that they share the render cache and the fingerprint memo.
    let documents = DocumentService(configuration: configuration, pool: pool, metrics: metrics, cache: RenderCache(), memo: FingerprintMemo())
    router.middlewares.add(ProblemMiddleware(metrics: metrics, logger: configuration.environment.logger))
    HealthController(pool: pool, metrics: metrics).addRoutes(to: router)
    DocumentController(service: documents).addRoutes(to: router)
    GroupPageController(service: documents).addRoutes(to: router)
    RunController(service: RunService(configuration: configuration, metrics: metrics), access: documents).addRoutes(to: router)
    return router
}

/// The application of `cageot serve`; `onRunning` gets the port actually bound (port 0 picks a free one).
public func buildApplication(_ configuration: ServerConfiguration,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let pool = try WorkerPool(configuration: configuration)
    let router = buildRouter(pool: pool, configuration: configuration, metrics: Metrics())
    return Application(router: router,
                       configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                               serverName: "cageot"),
                       onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
                       logger: configuration.environment.logger)
}
