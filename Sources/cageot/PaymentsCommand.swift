import ArgumentParser
import CageotApp
import CageotCore
import CageotStore
import Foundation

/// `cageot payments --catalog ID [--from DATE --to DATE] [--slip] [--format csv] [-o FILE]`, or a
/// farmer's season: `cageot payments --vendor ID --season YEAR [--format csv] [-o FILE]`, or every
/// contract running on a date: `cageot payments --running DATE [-o DIR]`.
struct PaymentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Write a contract's payments workbook (XLSX: contracts, payments, check deposit slip), or with --slip the check deposit slip as a PDF for the bank.",
        discussion: """
            With --vendor and --season, writes one workbook for a farmer covering every contract of the \
            season in every group: a summary (one row per contract), then the contracts, payments and \
            checks of all of them. The season YEAR holds the contracts whose start date falls in YEAR \
            (a contract from September 2026 to June 2027 belongs to season 2026).
            With --running DATE, writes the workbook of every contract running on that date (with \
            subscriptions), one file each, on every core: what `cageot run` writes each month.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The contract's id (\"Catalog\".id).") var catalog: Int?
    @Option(name: .long, help: "Instead of --catalog: the farmer's id (\"Vendor\".id); needs --season.") var vendor: Int?
    @Option(name: .long, help: "With --vendor: the year the contracts start in, e.g. 2026.") var season: Int?
    @Option(name: .long, help: "Instead of --catalog: every contract running on this date (YYYY-MM-DD), one workbook each; -o is then a folder.")
    var running: String?
    @Option(name: .long, help: "Checks received from this date (YYYY-MM-DD); default: the contract's start.") var from: String?
    @Option(name: .long, help: "Checks received until this date (YYYY-MM-DD); default: the contract's end.") var to: String?
    @Flag(name: .long, help: "Write the check deposit slip (bordereau de remise de chèques) as a PDF instead of the workbook (--catalog only).") var slip = false
    @Option(name: .long, help: "xlsx (default), or csv: every table as a CSV file French Excel opens (UTF-8 with BOM, ';', decimal comma).")
    var format: String = "xlsx"
    @Option(name: .shortAndLong, help: "The file to write (.xlsx, or .pdf with --slip), or the folder with --format csv. Default: output/<group>/paiements/…, with --vendor output/producteurs/<farm>/….")
    var output: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) \(value) is not a date; write it as YYYY-MM-DD.")
            }
        }
        if let from, let to, LocalDate(iso: from)! > LocalDate(iso: to)! { throw ValidationError("--from \(from) is after --to \(to).") }
        if let running {
            guard catalog == nil, vendor == nil, season == nil else { throw ValidationError("Give --running DATE, or --catalog, or --vendor --season: not several.") }
            guard LocalDate(iso: running) != nil, running.count == 10 else { throw ValidationError("--running \(running) is not a date; write it as YYYY-MM-DD.") }
            guard !slip, format == "xlsx" else { throw ValidationError("--running writes the XLSX workbooks; leave out --slip and --format.") }
            if let output, output.lowercased().hasSuffix(".xlsx") {
                throw ValidationError("-o \(output): with --running, -o is a folder (one workbook per contract).")
            }
            return
        }
        switch (catalog, vendor) {
        case (nil, nil): throw ValidationError("Say whose payments: --catalog ID, --vendor ID --season YEAR, or --running DATE.")
        case (.some, .some): throw ValidationError("Give --catalog or --vendor, not both.")
        case (let catalog?, nil):
            guard catalog > 0 else { throw ValidationError("--catalog must be a positive id, not \(catalog).") }
            if season != nil { throw ValidationError("--season goes with --vendor (a farmer's contracts of a year), not --catalog.") }
        case (nil, let vendor?):
            guard vendor > 0 else { throw ValidationError("--vendor must be a positive id, not \(vendor).") }
            guard let season else { throw ValidationError("--vendor needs --season YEAR: the year the contracts start in.") }
            guard (1900...2999).contains(season) else { throw ValidationError("--season \(season) is not a year; write it like 2026.") }
            if slip { throw ValidationError("--slip is for one contract: give --catalog ID; the farmer's workbook has a \"Remise de chèques\" sheet.") }
        }
        guard ["xlsx", "csv"].contains(format) else { throw ValidationError("--format \(format): write xlsx or csv.") }
        if format == "csv" {
            if slip { throw ValidationError("--slip writes a PDF; leave out --format csv.") }
            if let output, [".csv", ".xlsx", ".pdf"].contains(where: output.lowercased().hasSuffix) {
                throw ValidationError("-o \(output): with --format csv, -o is a folder (one CSV file per table).")
            }
            return
        }
        let ext = slip ? ".pdf" : ".xlsx"
        if let output, !output.lowercased().hasSuffix(ext) { throw ValidationError("-o \(output): give a file name ending in \(ext).") }
    }

    func run() throws {
        if let running { return try runAll(on: LocalDate(iso: running)!) }
        let document = if let vendor, let season { "farmer \(vendor), season \(season)" } else { catalog.map { "contract \($0)" } }
        try Failure.report(document: document) {
            let jobs = try SheetJobs(connection: try global.connect(), factory: try DocumentFactory(environment: try global.environment()),
                                     recordInLedger: !global.noLedger)
            let (start, end) = (from.flatMap { LocalDate(iso: $0) }, to.flatMap { LocalDate(iso: $0) })
            if format == "csv" {
                let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
                let files = if let vendor, let season {
                    try jobs.vendorPaymentsCSV(vendor: vendor, season: season, from: start, to: end, into: folder)
                } else {
                    try jobs.paymentsCSV(catalog: catalog!, from: start, to: end, into: folder)
                }
                files.forEach { print($0.path) }
                return
            }
            let url = output.map { URL(fileURLWithPath: $0) }
            let document = if let vendor, let season {
                try jobs.vendorPayments(vendor: vendor, season: season, from: start, to: end, to: url)
            } else if slip {
                try jobs.checkDeposit(catalog: catalog!, from: start, to: end, to: url)
            } else {
                try jobs.payments(catalog: catalog!, from: start, to: end, to: url)
            }
            print("\(document.path) (\(document.bytes) octets)")
        }
    }

    /// Every contract running on `day`, one workbook each, shared among the cores.
    func runAll(on day: LocalDate) throws {
        try Failure.report {
            var environment = try global.environment()
            if let output { environment.outputDirectory = URL(fileURLWithPath: output, isDirectory: true) }
            let store = CamapStore(try global.connect())
            let contracts = try store.runningContracts(on: day)
            let unconfirmed = try store.unconfirmedBaskets()
            let (start, end) = (from.flatMap { LocalDate(iso: $0) }, to.flatMap { LocalDate(iso: $0) })
            let fixed = environment
            let makeJobs: @Sendable () throws -> SheetJobs = { [self] in
                try SheetJobs(connection: try global.connect(), factory: try DocumentFactory(environment: fixed),
                              recordInLedger: !global.noLedger)
            }
            try WorkbookBatch.write(contracts, of: "paiements", naming: { "contract \($0)" }, makeJobs: makeJobs) {
                jobs, catalogs in jobs.payments(catalogs: catalogs, from: start, to: end, unconfirmed: unconfirmed)
            }
        }
    }
}
