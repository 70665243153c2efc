import ArgumentParser
import CageotApp
import CageotCore
import CageotStore
import Foundation

/// `cageot sheet --session ID [-o FILE]` or `cageot sheet --week 2026-W49 [--group ID] [-o DIR]`.
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write sign-in sheets (feuilles d'émargement) as PDF: one session's, or every session of an ISO week.",
        discussion: "The layout comes from a preset in layouts/ (--layout, --set; see docs/layouts.md).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var presetOptions: PresetOptions

    @Option(name: .long, help: "The session's id (\"MultiDistrib\".id; `cageot sessions` lists them).")
    var session: Int?

    @Option(name: .long, help: "Every session of this ISO week, e.g. 2026-W49 (both cores are used).")
    var week: String?

    @Option(name: .long, help: "With --week: only this group (\"Group\".id).")
    var group: Int?

    @Option(name: .shortAndLong, help: "The PDF to write (with --session), or the folder to write into (with --week). Default: output/<group>/<date>/….")
    var output: String?

    func validate() throws {
        switch (session, week) {
        case (nil, nil): throw ValidationError("Say which sheet: --session ID, or --week 2026-W49.")
        case (.some, .some): throw ValidationError("Give --session or --week, not both.")
        case (.some(let id), nil):
            guard id > 0 else { throw ValidationError("--session must be a positive id, not \(id).") }
            if let output, !output.lowercased().hasSuffix(".pdf") {
                throw ValidationError("-o \(output): the sign-in sheet is a PDF; give a file name ending in .pdf.")
            }
            if group != nil { throw ValidationError("--group goes with --week, not with --session.") }
        case (nil, .some(let week)):
            guard ISOWeek(week) != nil else { throw ValidationError("--week \(week) is not an ISO week; write it like 2026-W49.") }
            if let output, output.lowercased().hasSuffix(".pdf") {
                throw ValidationError("-o \(output): with --week, -o is a folder (one PDF per session is written in it).")
            }
        }
    }

    func run() throws {
        try Failure.report {
            var environment = try global.environment()
            try presetOptions.check(layoutsDirectory: environment.layoutsDirectory)
            if let session {
                let jobs = try makeJobs(environment)
                let document = try jobs.sessionSheet(session, to: output.map { URL(fileURLWithPath: $0) })
                print("\(document.path) (\(document.pages) page\(document.pages > 1 ? "s" : ""), \(document.bytes) octets)")
                return
            }
            let week = ISOWeek(self.week!)!
            if let output { environment.outputDirectory = URL(fileURLWithPath: output, isDirectory: true) }
            let sessions = try CamapStore(try global.connect()).sessions(group: group, from: week.monday, to: week.sunday)
            let fixed = environment
            let outcomes = SheetBatch.sessionSheets(sessions, workers: ProcessInfo.processInfo.activeProcessorCount,
                                                    makeJobs: { try makeJobs(fixed) }) { outcome in
                switch outcome.result {
                case .success(let document): print("\(document.path) (\(document.pages) p.)")
                case .failure(let error): printError("session \(outcome.session.id) (\(outcome.session.groupName)): \(error)")
                }
            }
            let written = outcomes.compactMap { try? $0.result.get() }
            print("\(week): \(written.count) feuille(s) d'émargement, \(written.reduce(0) { $0 + $1.pages }) page(s); \(outcomes.count - written.count) échec(s).")
            if written.count < outcomes.count { throw ExitCode(1) }
        }
    }

    func makeJobs(_ environment: CageotEnvironment) throws -> SheetJobs {
        try SheetJobs(connection: try global.connect(), factory: try DocumentFactory(environment: environment),
                      recordInLedger: !global.noLedger, layout: presetOptions.layout, overrides: presetOptions.set)
    }
}
