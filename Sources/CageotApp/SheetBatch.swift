import CageotCore
import CageotStore
import Foundation

/// Writes many sheets on several threads: each worker opens its own connection and font context
/// (neither is shared across threads), and takes the next session when it is free.
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

    /// Shares `items` among `workers` threads, each taking the next item not yet taken when it is
    /// free (a sheet of 8 pages takes twice as long as one of 4, and PostgreSQL or another process
    /// may hold a core for a while, so fixed shares left one worker idle at the end). Each worker
    /// makes its own jobs (a connection and a font context, neither shared across threads) and runs
    /// `work`; a worker whose jobs cannot be made takes nothing, and the items no worker could take
    /// are answered by `failure` with the first such error. Outcomes come back in the order of
    /// `items`, and each is passed to `progress` as soon as it is known.
    public static func perform<Item: Sendable, Outcome>(_ items: [Item], workers: Int, makeJobs: @Sendable () throws -> SheetJobs,
                                                 work: @Sendable (SheetJobs, Item) -> Outcome,
                                                 failure: @Sendable (Item, any Error) -> Outcome,
                                                 progress: @Sendable (Outcome) -> Void) -> [Outcome] {
        let count = max(1, min(workers, items.count))
        let results = ConcurrentSlots<Outcome>(count: items.count)
        let queue = WorkQueue(count: items.count)
        // Takes every item left, answering each with `answer`.
        @Sendable func drain(_ answer: (Item) -> Outcome) {
            while let index = queue.next() {
                let outcome = answer(items[index])
                results.set(index, outcome)
                progress(outcome)
            }
        }
        DispatchQueue.concurrentPerform(iterations: count) { _ in
            let jobs: SheetJobs
            do {
                jobs = try makeJobs()
            } catch {
                queue.fail(error)
                return
            }
            drain { work(jobs, $0) }
        }
        if let error = queue.error { drain { failure($0, error) } }
        return results.all
    }
}

/// The next item to take, and the first error of a worker that could not start.
/// `@unchecked Sendable`: every access goes through the lock.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var taken = 0
    private var firstError: (any Error)?

    init(count: Int) { self.count = count }

    /// The index of the next item, or nil when all are taken.
    func next() -> Int? {
        lock.withLock {
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }

    func fail(_ error: any Error) { lock.withLock { if firstError == nil { firstError = error } } }

    var error: (any Error)? { lock.withLock { firstError } }
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
