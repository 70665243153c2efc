/// The routes of `cageot serve` as its router holds them: what docs/openapi.yaml must describe,
/// and a test checks that it does.
public enum ServerRoutes {
    /// Every method and path template (`GET /sessions/{id}/sheet.pdf`) that `buildRouter` registers,
    /// read back from the router itself.
    public static func registered(_ configuration: ServerConfiguration) async throws -> [(method: String, path: String)] {
        let pool = try WorkerPool(configuration: configuration)
        let routes = buildRouter(pool: pool, configuration: configuration, metrics: Metrics()).routes
        try await pool.shutdown()
        return routes.map { (method: "\($0.method)", path: "\($0.path)") }
    }

    /// The query parameters each handler reads, by `METHOD /path`: change it with the handler.
    public static let queryParameters: [String: Set<String>] = [
        "GET /healthz": [],
        "GET /metrics": [],
        "GET /sessions/{id}/sheet.pdf": ["layout", "set"],
        "GET /sessions/{id}/preview.png": ["layout", "set"],
        "GET /groups/{id}": ["layout", "token"],
        "GET /distributions/{id}/sheet.pdf": ["layout"],
        "GET /vendors/{id}/orders.xlsx": ["week"],
        "GET /contracts/{id}/payments.xlsx": [],
        "GET /federation/report.pdf": ["year"],
        "POST /runs": ["dryRun"],
        "GET /runs/{id}": [],
    ]
}
