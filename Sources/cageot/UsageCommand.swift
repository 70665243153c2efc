import ArgumentParser
import CageotApp
import CageotCore
import Foundation

/// `cageot usage --year 2026 [--costs costs.toml] [-o DIR] [--csv]`: the federation's usage report.
struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Write the federation's usage report for a year (PDF with charts, XLSX with native charts), and with --costs the sharing of the hosting cost among the AMAPs.",
        discussion: "Every figure is defined in docs/usage-report.md; the cost file in docs/cost-sharing.md (example: docs/costs.example.toml).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The calendar year, e.g. 2026.") var year: Int?
    @Option(name: .long, help: "Instead of --year: the first day of the period (YYYY-MM-DD), e.g. a membership period.") var from: String?
    @Option(name: .long, help: "Instead of --year: the last day of the period (YYYY-MM-DD).") var to: String?
    @Option(name: .long, help: "The cost file (TOML) to share among the AMAPs; without it, the report has no cost sharing.") var costs: String?
    @Option(name: .long, help: "The federation's name on the report.") var federation: String = "Fédération des AMAP"
    @Flag(name: .long, help: "Also write the per-AMAP table as CSV (UTF-8 with BOM, ';', decimal comma).") var csv = false
    @Option(name: .shortAndLong, help: "The folder to write into (default: output/federation/).") var output: String?

    var period: UsagePeriod? {
        if let year { return .year(year) }
        guard let from, let to, let a = LocalDate(iso: from), let b = LocalDate(iso: to) else { return nil }
        return UsagePeriod(from: a, to: b, label: "\(a)-\(b)")
    }

    func validate() throws {
        if let year {
            guard (1900...2200).contains(year) else { throw ValidationError("--year \(year) is not a year; write it like 2026.") }
            if from != nil || to != nil { throw ValidationError("Give --year, or --from and --to, not both.") }
        } else {
            guard let from, let to else { throw ValidationError("Say which period: --year 2026, or --from DATE --to DATE.") }
            for (name, value) in [("--from", from), ("--to", to)] where LocalDate(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) \(value) is not a date; write it as YYYY-MM-DD.")
            }
            if LocalDate(iso: from)! > LocalDate(iso: to)! { throw ValidationError("--from \(from) is after --to \(to).") }
        }
        if let output, output.lowercased().hasSuffix(".pdf") || output.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("-o \(output): -o is a folder (the report is a PDF, a workbook and optionally a CSV file).")
        }
    }

    func run() throws {
        try Failure.report(document: "usage report " + (year.map { String($0) } ?? "\(from ?? "?")…\(to ?? "?")")) {
            // The cost file is checked before anything is read from the database.
            let costs = try self.costs.map { try CostInput(url: URL(fileURLWithPath: $0)) }
            let jobs = try SheetJobs(connection: try global.connect(), factory: try DocumentFactory(environment: try global.environment()),
                                     recordInLedger: !global.noLedger)
            let documents = try jobs.usageReport(period: period!, costs: costs, federationName: federation,
                                                 into: output.map { URL(fileURLWithPath: $0, isDirectory: true) }, csv: csv)
            for document in documents { print("\(document.path) (\(document.bytes) octets)") }
        }
    }
}
