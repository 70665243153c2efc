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
        perform(sessions, workers: workers, makeJobs: makeJobs,
                work: { jobs, session in (session, Result { try jobs.sessionSheet(session.id) }) },
                failure: { session, error in (session, .failure(error)) }, progress: progress)
    }

    /// Shares `items` among `workers` threads (each takes every n-th item): each worker makes its
    /// own jobs (a connection and a font context, neither shared across threads) and runs `work` on
    /// its items; a worker whose jobs cannot be made answers `failure` for each of them. Outcomes
    /// come back in the order of `items`, and each is passed to `progress` as soon as it is known.
    public static func perform<Item: Sendable, Outcome>(_ items: [Item], workers: Int, makeJobs: @Sendable () throws -> SheetJobs,
                                                 work: @Sendable (SheetJobs, Item) -> Outcome,
                                                 failure: @Sendable (Item, any Error) -> Outcome,
                                                 progress: @Sendable (Outcome) -> Void) -> [Outcome] {
        let count = max(1, min(workers, items.count))
        let results = ConcurrentSlots<Outcome>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let indices = Array(stride(from: worker, to: items.count, by: count))
            let jobs: SheetJobs
            do {
                jobs = try makeJobs()
            } catch {
                for index in indices {
                    let outcome = failure(items[index], error)
                    results.set(index, outcome)
                    progress(outcome)
                }
                return
            }
            for index in indices {
                let outcome = work(jobs, items[index])
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
