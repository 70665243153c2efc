import ArgumentParser
import CageotApp
import CageotCore
import CageotPresets
import CageotStore
import Foundation

/// `cageot sheet --session ID | --distribution ID | --catalog ID --from DATE --to DATE [-o FILE]`,
/// or `cageot sheet --week 2026-W49 [--group ID] [-o DIR]`.
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write sign-in sheets (feuilles d'émargement) as PDF: a session's, a distribution's, a classic contract's grid, or every session of an ISO week.",
        discussion: """
            The layout comes from a preset in layouts/ (--layout, --set; see docs/layouts.md). \
            --distribution makes the variable-contract sheet (preset `variable`), or the product × member \
            matrix with --layout matrix; --catalog makes the classic-contract grid (preset `grid`).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var presetOptions: PresetOptions

    @Option(name: .long, help: "The session's id (\"MultiDistrib\".id; `cageot sessions` lists them).")
    var session: Int?

    @Option(name: .long, help: "Every session of this ISO week, e.g. 2026-W49 (both cores are used).")
    var week: String?

    @Option(name: .long, help: "With --week: only this group (\"Group\".id).")
    var group: Int?

    @Option(name: .long, help: "A distribution's id (\"Distribution\".id: one contract at one session): its variable-contract sheet, or the matrix with --layout matrix.")
    var distribution: Int?

    @Option(name: .long, help: "A classic contract's id (\"Catalog\".id): its grid from --from to --to.")
    var catalog: Int?

    @Option(name: .long, help: "With --catalog: the first date (YYYY-MM-DD).")
    var from: String?

    @Option(name: .long, help: "With --catalog: the last date (YYYY-MM-DD).")
    var to: String?

    @Option(name: .shortAndLong, help: "The PDF to write (with --session), or the folder to write into (with --week). Default: output/<group>/<date>/….")
    var output: String?

    func validate() throws {
        let modes = [session.map { _ in "--session" }, week.map { _ in "--week" }, distribution.map { _ in "--distribution" },
                     catalog.map { _ in "--catalog" }].compactMap { $0 }
        guard modes.count == 1 else {
            throw ValidationError(modes.isEmpty
                ? "Say which sheet: --session ID, --distribution ID, --catalog ID --from DATE --to DATE, or --week 2026-W49."
                : "Give one of \(modes.joined(separator: ", ")), not several.")
        }
        for (name, id) in [("--session", session), ("--distribution", distribution), ("--catalog", catalog)] {
            if let id, id <= 0 { throw ValidationError("\(name) must be a positive id, not \(id).") }
        }
        if group != nil && week == nil { throw ValidationError("--group goes with --week.") }
        if (from != nil || to != nil) && catalog == nil { throw ValidationError("--from and --to go with --catalog.") }
        if catalog != nil {
            guard let from, let to else { throw ValidationError("--catalog needs --from and --to (YYYY-MM-DD).") }
            for (name, value) in [("--from", from), ("--to", to)] where LocalDate(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) \(value) is not a date; write it as YYYY-MM-DD.")
            }
            if LocalDate(iso: from)! > LocalDate(iso: to)! { throw ValidationError("--from \(from) is after --to \(to).") }
        }
        if let week {
            guard ISOWeek(week) != nil else { throw ValidationError("--week \(week) is not an ISO week; write it like 2026-W49.") }
            if let output, output.lowercased().hasSuffix(".pdf") {
                throw ValidationError("-o \(output): with --week, -o is a folder (one PDF per session is written in it).")
            }
        } else if let output, !output.lowercased().hasSuffix(".pdf") {
            throw ValidationError("-o \(output): the sign-in sheet is a PDF; give a file name ending in .pdf.")
        }
    }

    func run() throws {
        let document = session.map { "session \($0)" } ?? distribution.map { "distribution \($0)" } ?? catalog.map { "contract \($0)" }
        try Failure.report(document: document) {
            var environment = try global.environment()
            try presetOptions.check(layoutsDirectory: environment.layoutsDirectory)
            let file = output.map { URL(fileURLWithPath: $0) }
            var single: GeneratedDocument?
            if let session {
                single = try makeJobs(environment).sessionSheet(session, to: file)
            } else if let distribution {
                let kind = try presetOptions.layout.map {
                    try PresetLibrary(directory: environment.layoutsDirectory).load($0).distributionKind
                } ?? .variableSheet
                guard let kind else {
                    throw CLIError("--layout \(presetOptions.layout!) is not a distribution preset; use variable or matrix (or a preset of that kind).")
                }
                single = try makeJobs(environment).distributionSheet(distribution, kind: kind, to: file)
            } else if let catalog {
                single = try makeJobs(environment).contractGrid(catalog: catalog, from: LocalDate(iso: from!)!, to: LocalDate(iso: to!)!, to: file)
            }
            if let document = single {
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
