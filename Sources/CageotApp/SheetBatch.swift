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
        let results = ConcurrentSlots<Outcome>(count: sessions.count)
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

/// Results written by several threads, each to its own slot, read once they are all done.
/// `@unchecked Sendable`: every access goes through the lock.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    public init(count: Int) { slots = Array(repeating: nil, count: count) }
    public func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    public var all: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
