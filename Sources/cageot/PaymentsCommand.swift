import ArgumentParser
import CageotApp
import CageotCore
import Foundation

/// `cageot payments --catalog ID [--from DATE --to DATE] [--slip] [-o FILE]`.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Write a contract's payments workbook (XLSX: contracts, payments, check deposit slip), or with --slip the check deposit slip as a PDF for the bank.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The contract's id (\"Catalog\".id).") var catalog: Int
    @Option(name: .long, help: "Checks received from this date (YYYY-MM-DD); default: the contract's start.") var from: String?
    @Option(name: .long, help: "Checks received until this date (YYYY-MM-DD); default: the contract's end.") var to: String?
    @Flag(name: .long, help: "Write the check deposit slip (bordereau de remise de chèques) as a PDF instead of the workbook.") var slip = false
    @Option(name: .shortAndLong, help: "The file to write (.xlsx, or .pdf with --slip). Default: output/<group>/paiements/….") var output: String?

    func validate() throws {
        guard catalog > 0 else { throw ValidationError("--catalog must be a positive id, not \(catalog).") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) \(value) is not a date; write it as YYYY-MM-DD.")
            }
        }
        if let from, let to, LocalDate(iso: from)! > LocalDate(iso: to)! { throw ValidationError("--from \(from) is after --to \(to).") }
        let ext = slip ? ".pdf" : ".xlsx"
        if let output, !output.lowercased().hasSuffix(ext) { throw ValidationError("-o \(output): give a file name ending in \(ext).") }
    }

    func run() throws {
        try Failure.report {
            let jobs = try SheetJobs(connection: try global.connect(), factory: try DocumentFactory(environment: try global.environment()),
                                     recordInLedger: !global.noLedger)
            let range = (from.flatMap { LocalDate(iso: $0) }, to.flatMap { LocalDate(iso: $0) })
            let url = output.map { URL(fileURLWithPath: $0) }
            let document = slip
                ? try jobs.checkDeposit(catalog: catalog, from: range.0, to: range.1, to: url)
                : try jobs.payments(catalog: catalog, from: range.0, to: range.1, to: url)
            print("\(document.path) (\(document.bytes) octets)")
        }
    }
}
