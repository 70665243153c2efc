import ArgumentParser
import CageotApp
import Foundation

/// One workbook per item, on every core: prints each file's path as it is written, or the error
/// naming its item; then `N classeur(s) de …, F échec(s).`, and exits with 1 if any failed.
///
/// The items go by batches of `batchSize` (`write` reads a batch's data in a few queries instead
/// of a few per item), each worker taking the next batch as soon as it is free, so that a slow
/// batch does not leave a core idle; each worker makes its own jobs (its own connection).
enum WorkbookBatch {
    static let batchSize = 24

    static func write<Item: Sendable>(_ items: [Item], of what: String, naming name: @Sendable (Item) -> String,
                                      makeJobs: @Sendable () throws -> SheetJobs,
                                      write: @Sendable (SheetJobs, [Item]) -> [Result<GeneratedDocument, any Error>]) throws {
        let batches = stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min($0 + batchSize, items.count)]) }
        let queue = BatchQueue(count: batches.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batches.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var jobs: Result<SheetJobs, any Error>?
            while let index = queue.next() {
                let batch = batches[index]
                if jobs == nil { jobs = Result { try makeJobs() } }
                let results: [Result<GeneratedDocument, any Error>] = switch jobs! {
                case .success(let jobs): write(jobs, batch)
                case .failure(let error): batch.map { _ in .failure(error) }
                }
                for (item, result) in zip(batch, results) {
                    queue.report(result) { result in
                        switch result {
                        case .success(let document): print("\(document.path)")
                        case .failure(let error): printError("\(name(item)): \(error)")
                        }
                    }
                }
            }
        }
        let failed = queue.failures
        print("\(items.count - failed) classeur(s) de \(what), \(failed) échec(s).")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Hands out batch indices to the workers and serialises their reports.
/// `@unchecked Sendable`: every access goes through the lock.
private final class BatchQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var taken = 0
    private(set) var failures = 0

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard taken < count else { return nil }
            taken += 1
            return taken - 1
        }
    }

    func report(_ result: Result<GeneratedDocument, any Error>, _ body: (Result<GeneratedDocument, any Error>) -> Void) {
        lock.withLock {
            if case .failure = result { failures += 1 }
            body(result)
        }
    }
}
