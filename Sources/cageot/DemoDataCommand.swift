import ArgumentParser
import CageotCore
import CageotDemoData
import Foundation

/// `cageot demo-data`: fills an empty CAMAP replica with a deterministic demo federation.
struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Fill an empty CAMAP replica with a realistic, deterministic demo federation (COPY).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The random seed: the same seed and sizes give the same rows.") var seed: UInt64 = 1
    @Option(help: "Number of AMAPs.") var groups = 3
    @Option(help: "Households per AMAP.") var households = 40
    @Option(help: "Weeks of distributions.") var weeks = 8
    @Option(help: "The Monday of the first week (YYYY-MM-DD). Default: so that --now falls in the middle of the season.") var start: String?

    func validate() throws {
        guard groups >= 1, households >= 1, weeks >= 1 else {
            throw ValidationError("--groups, --households and --weeks must be at least 1.")
        }
        if let start {
            guard let date = LocalDate(iso: start), start.count == 10 else { throw ValidationError("--start \(start) is not a date; write it as YYYY-MM-DD.") }
            guard date.weekdayIndex == 0 else { throw ValidationError("--start \(start) is not a Monday; give the Monday of the first week.") }
        }
    }

    func run() throws {
        try Failure.report {
            let environment = try global.environment()
            let monday = start.flatMap { LocalDate(iso: $0) }
                ?? environment.now.date.adding(days: -environment.now.date.weekdayIndex - 7 * (weeks / 2))
            let options = DemoOptions(seed: seed, groups: groups, households: households, weeks: weeks, start: monday)
            let summary = try DemoFederation.generate(into: try global.connect(), options: options, logger: environment.logger)
            print(summary.description)
        }
    }
}
