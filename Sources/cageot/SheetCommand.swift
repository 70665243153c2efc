import ArgumentParser
import CageotApp
import Foundation

/// `cageot sheet --session ID [-o FILE]`: the sign-in sheet of one distribution session.
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write the sign-in sheet (feuille d'émargement) of one distribution session as an A4 PDF.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var presetOptions: PresetOptions

    @Option(name: .long, help: "The session's id (\"MultiDistrib\".id; `cageot sessions` lists them).")
    var session: Int

    @Option(name: .shortAndLong, help: "The PDF to write (default: output/<group>/<date>/emargement-….pdf).")
    var output: String?

    func validate() throws {
        guard session > 0 else { throw ValidationError("--session must be a positive id, not \(session).") }
        if let output, !output.lowercased().hasSuffix(".pdf") {
            throw ValidationError("-o \(output): the sign-in sheet is a PDF; give a file name ending in .pdf.")
        }
    }

    func run() throws {
        try Failure.report {
            let connection = try global.connect()
            let jobs = try SheetJobs(connection: connection, factory: try DocumentFactory(environment: try global.environment()),
                                     recordInLedger: !global.noLedger, layout: presetOptions.layout, overrides: presetOptions.set)
            let document = try jobs.sessionSheet(session, to: output.map { URL(fileURLWithPath: $0) })
            print("\(document.path) (\(document.pages) page\(document.pages > 1 ? "s" : ""), \(document.bytes) octets)")
        }
    }
}
