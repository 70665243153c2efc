import Hummingbird

/// `/healthz` and `/metrics`: no token, for load balancers and Prometheus.
struct HealthController {
    let pool: WorkerPool
    let metrics: Metrics

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in
            do {
                try await withTimeout(.seconds(5)) { [pool] in
                    try await pool.run { worker in
                        _ = try worker.withConnection { try $0.query("health", "SELECT 1 AS one") { try $0.decode("one", as: Int.self) } }
                    }
                }
            } catch {
                throw Problem.databaseUnavailable
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("metrics") { [metrics] _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
