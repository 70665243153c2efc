import CageotCore
import CageotStore
import Foundation

/// Writes many sheets on several threads: each worker opens its own connection and font context
/// (neither is shared across threads), and takes every n-th session.
public enum SheetBatch {
    public typealias Outcome = (session: SessionSummary, result: Result<GeneratedDocument, any Error>)

    /// Runs `makeJobs` once per worker, then writes each session's sheet with it. A failing session
    /// does not stop the others; outcomes come back in the order of `sessions`.
    public static func sessionSheets(_ sessions: [SessionSummary], workers: Int,
                                     makeJobs: @Sendable () throws -> SheetJobs,
                                     progress: @Sendable (Outcome) -> Void = { _ in }) -> [Outcome] {
        let count = max(1, min(workers, sessions.count))
        let results = Results(count: sessions.count)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let indices = Array(stride(from: worker, to: sessions.count, by: count))
            let jobs: SheetJobs
            do {
                jobs = try makeJobs()
            } catch {
                for index in indices {
                    let outcome = (sessions[index], Result<GeneratedDocument, any Error>.failure(error))
                    results.set(index, outcome)
                    progress(outcome)
                }
                return
            }
            for index in indices {
                let outcome = (sessions[index], Result { try jobs.sessionSheet(sessions[index].id) })
                results.set(index, outcome)
                progress(outcome)
            }
        }
        return results.all
    }
}

/// Outcomes written by several threads, each to its own slot.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SheetBatch.Outcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ outcome: SheetBatch.Outcome) { lock.withLock { slots[index] = outcome } }
    var all: [SheetBatch.Outcome] { lock.withLock { slots.compactMap { $0 } } }
}
