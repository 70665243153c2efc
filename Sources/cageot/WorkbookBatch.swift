import ArgumentParser
import CageotApp
import Foundation

/// One workbook per item, on every core (`SheetBatch.perform`): prints each file's path as it is
/// written, or the error naming its item; then `N classeur(s) de …, F échec(s).`, and exits with 1
/// if any failed.
enum WorkbookBatch {
    static func write<Item: Sendable>(_ items: [Item], of what: String, naming name: @Sendable (Item) -> String,
                                      makeJobs: @Sendable () throws -> SheetJobs,
                                      write: @Sendable (SheetJobs, Item) throws -> GeneratedDocument) throws {
        let outcomes = SheetBatch.perform(
            items, workers: ProcessInfo.processInfo.activeProcessorCount, makeJobs: makeJobs,
            work: { jobs, item in (item, Result { try write(jobs, item) }) },
            failure: { item, error in (item, Result<GeneratedDocument, any Error>.failure(error)) }) { item, outcome in
            switch outcome {
            case .success(let document): print("\(document.path)")
            case .failure(let error): printError("\(name(item)): \(error)")
            }
        }
        let failed = outcomes.filter { if case .failure = $0.1 { return true } else { return false } }.count
        print("\(items.count - failed) classeur(s) de \(what), \(failed) échec(s).")
        if failed > 0 { throw ExitCode(1) }
    }
}
