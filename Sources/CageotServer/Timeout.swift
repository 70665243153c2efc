import NIOConcurrencyHelpers

/// Runs `body` and answers with its result, or throws `Problem.timeout` after `limit`, whichever
/// comes first. A blocking job cannot be interrupted: on timeout it is cancelled (so it does not
/// start if it was still waiting for a worker) and its result, when it comes, is dropped.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let answer = NIOLockedValueBox<CheckedContinuation<T, Error>?>(nil)
    let tasks = NIOLockedValueBox<[Task<Void, Never>]>([])
    @Sendable func finish(_ result: Result<T, Error>) {
        answer.withLockedValue { continuation in
            continuation?.resume(with: result)
            continuation = nil
        }
        tasks.withLockedValue { $0.forEach { $0.cancel() } }
    }
    return try await withCheckedThrowingContinuation { continuation in
        answer.withLockedValue { $0 = continuation }
        let work = Task {
            do { finish(.success(try await body())) } catch { finish(.failure(error)) }
        }
        let timer = Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            finish(.failure(Problem.timeout(limit)))
        }
        tasks.withLockedValue { $0 = [work, timer] }
        // The work may have finished before the timer was stored: stop the timer then.
        if answer.withLockedValue({ $0 == nil }) { timer.cancel() }
    }
}
