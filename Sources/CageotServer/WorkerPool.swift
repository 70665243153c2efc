import NIOPosix

/// Runs blocking work (libpq, Cairo, libxlsxwriter) on a thread pool, never on the event loop,
/// at most one job per worker: a job waits for a free worker, then runs on a pool thread with it.
final class WorkerPool: Sendable {
    private let threads: NIOThreadPool
    private let lending: Lending

    init(configuration: ServerConfiguration) throws {
        let count = max(1, configuration.workers)
        lending = Lending(try (0..<count).map { _ in try Worker(configuration: configuration) })
        threads = NIOThreadPool(numberOfThreads: count)
        threads.start()
    }

    /// Runs `job` with a worker of its own on a pool thread. A request that gave up (timed out)
    /// while waiting for a worker is not run at all.
    func run<T: Sendable>(_ job: @escaping @Sendable (Worker) throws -> T) async throws -> T {
        let worker = await lending.borrow()
        let result: Result<T, Error>
        if Task.isCancelled {
            result = .failure(CancellationError())
        } else {
            do { result = .success(try await threads.runIfActive { try job(worker) }) } catch { result = .failure(error) }
        }
        await lending.giveBack(worker)
        return try result.get()
    }

    func shutdown() async throws { try await threads.shutdownGracefully() }

    /// The idle workers, and the jobs waiting for one in arrival order.
    private actor Lending {
        private var idle: [Worker]
        private var waiting: [CheckedContinuation<Worker, Never>] = []

        init(_ workers: [Worker]) { idle = workers }

        func borrow() async -> Worker {
            if let worker = idle.popLast() { return worker }
            return await withCheckedContinuation { waiting.append($0) }
        }

        func giveBack(_ worker: Worker) {
            if waiting.isEmpty { idle.append(worker) } else { waiting.removeFirst().resume(returning: worker) }
        }
    }
}
