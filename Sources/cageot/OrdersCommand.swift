import ArgumentParser
import CageotApp
import CageotCore
import CageotStore
import Foundation

/// `cageot orders --vendor ID --week 2026-W49 [-o FILE]`, or every farmer of the week into a folder.
struct OrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Write a farmer's weekly orders workbook (XLSX): what to prepare, then who gets what at each distribution.",
        discussion: "Without --vendor, writes the workbook of every farmer with orders in the period, one file each, on every core.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The farmer's id (\"Vendor\".id).") var vendor: Int?
    @Option(name: .long, help: "An ISO week, e.g. 2026-W49.") var week: String?
    @Option(name: .long, help: "Instead of --week: the first date (YYYY-MM-DD).") var from: String?
    @Option(name: .long, help: "Instead of --week: the last date (YYYY-MM-DD).") var to: String?
    @Option(name: .shortAndLong, help: "The .xlsx to write (with --vendor) or the folder (without, or with --format csv). Default: output/producteurs/<farm>/….")
    var output: String?

    @Option(name: .long, help: "xlsx (default), or csv: every table as a CSV file French Excel opens (UTF-8 with BOM, ';', decimal comma).")
    var format: String = "xlsx"

    var range: (LocalDate, LocalDate)? {
        if let week, let iso = ISOWeek(week) { return (iso.monday, iso.sunday) }
        if let from, let to, let a = LocalDate(iso: from), let b = LocalDate(iso: to) { return (a, b) }
        return nil
    }

    func validate() throws {
        if let week {
            guard ISOWeek(week) != nil else { throw ValidationError("--week \(week) is not an ISO week; write it like 2026-W49.") }
            if from != nil || to != nil { throw ValidationError("Give --week, or --from and --to, not both.") }
        } else {
            guard let from, let to else { throw ValidationError("Say which period: --week 2026-W49, or --from DATE --to DATE.") }
            for (name, value) in [("--from", from), ("--to", to)] where LocalDate(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) \(value) is not a date; write it as YYYY-MM-DD.")
            }
            if LocalDate(iso: from)! > LocalDate(iso: to)! { throw ValidationError("--from \(from) is after --to \(to).") }
        }
        if let vendor, vendor <= 0 { throw ValidationError("--vendor must be a positive id, not \(vendor).") }
        guard ["xlsx", "csv"].contains(format) else { throw ValidationError("--format \(format): write xlsx or csv.") }
        if format == "csv" {
            guard vendor != nil else { throw ValidationError("--format csv needs --vendor (one farmer's tables, one CSV file each).") }
            if let output, output.lowercased().hasSuffix(".csv") || output.lowercased().hasSuffix(".xlsx") {
                throw ValidationError("-o \(output): with --format csv, -o is a folder (one CSV file per table).")
            }
        } else if vendor != nil, let output, !output.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("-o \(output): the workbook is an XLSX file; give a name ending in .xlsx.")
        }
        if vendor == nil, let output, output.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("-o \(output): without --vendor, -o is a folder (one workbook per farmer).")
        }
    }

    func run() throws {
        try Failure.report(document: vendor.map { "farmer \($0)" }) {
            var environment = try global.environment()
            let (from, to) = range!
            if let vendor, format == "csv" {
                let files = try makeJobs(environment).vendorOrdersCSV(vendor: vendor, from: from, to: to,
                                                                      into: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
                files.forEach { print($0.path) }
                return
            }
            if let vendor {
                let jobs = try makeJobs(environment)
                let document = try jobs.vendorOrders(vendor: vendor, from: from, to: to, to: output.map { URL(fileURLWithPath: $0) })
                print("\(document.path) (\(document.pages) feuille(s), \(document.bytes) octets)")
                return
            }
            if let output { environment.outputDirectory = URL(fileURLWithPath: output, isDirectory: true) }
            let vendors = try CamapStore(try global.connect()).vendorsWithOrders(from: from, to: to)
            let fixed = environment
            try WorkbookBatch.write(vendors, of: "commandes", naming: { "farmer \($0)" }, makeJobs: { [self] in try makeJobs(fixed) }) {
                jobs, vendors in jobs.vendorOrders(vendors: vendors, from: from, to: to)
            }
        }
    }

    func makeJobs(_ environment: CageotEnvironment) throws -> SheetJobs {
        try SheetJobs(connection: try global.connect(), factory: try DocumentFactory(environment: environment),
                      recordInLedger: !global.noLedger)
    }
}
