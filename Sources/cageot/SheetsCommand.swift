import ArgumentParser
import CageotApp
import CageotCore
import Foundation

/// `cageot sheets [--group ID] [--from DATE] [--to DATE]`: every session's sheet into the output folder.
struct SheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "Write the sign-in sheet of every session (optionally of one group, within dates) under the output folder.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var presetOptions: PresetOptions

    @Option(name: .long, help: "Only this group (\"Group\".id).")
    var group: Int?

    @Option(name: .long, help: "Only sessions on or after this date (YYYY-MM-DD).")
    var from: String?

    @Option(name: .long, help: "Only sessions on or before this date (YYYY-MM-DD).")
    var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) \(value) is not a date; write it as YYYY-MM-DD.")
            }
        }
    }

    func run() throws {
        try Failure.report {
            try presetOptions.check(layoutsDirectory: try global.environment().layoutsDirectory)
            let connection = try global.connect()
            let jobs = try SheetJobs(connection: connection, factory: try DocumentFactory(environment: try global.environment()),
                                     recordInLedger: !global.noLedger, layout: presetOptions.layout, overrides: presetOptions.set)
            let result = try jobs.allSessionSheets(group: group, from: from.flatMap { LocalDate(iso: $0) },
                                                   to: to.flatMap { LocalDate(iso: $0) }) { session, outcome in
                switch outcome {
                case .success(let document): print("\(document.path) (\(document.pages) p.)")
                case .failure(let error): printError("session \(session.id) (\(session.groupName)): \(error)")
                }
            }
            let pages = result.written.reduce(0) { $0 + $1.pages }
            print("\(result.written.count) feuille(s) d'émargement, \(pages) page(s); \(result.failed.count) échec(s).")
            if !result.failed.isEmpty { throw ExitCode(1) }
        }
    }
}
