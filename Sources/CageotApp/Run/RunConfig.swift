import CageotCore
import Foundation

/// What `cageot run` generates and when, from `cageot.toml` (`docs/run.md`); every value has a
/// default that works, so no file at all is a valid configuration.
public struct RunConfig: Sendable, Hashable {
    /// Session sign-in sheets for sessions starting within this many hours.
    public var horizonHours: Int = 48
    /// The weekday (0 Monday … 6 Sunday) on which every farmer with orders in the current ISO week
    /// gets the week's workbook, even before the order windows close.
    public var weeklyOrdersWeekday: Int = 0
    /// The day of the month from which each running contract's payments workbook is due (once a month).
    public var paymentsDay: Int = 1
    /// The day (month, day) from which the previous year's federation report is due.
    public var reportMonth: Int = 1
    public var reportDay: Int = 15
    /// The federation's name on its report.
    public var federationName: String = "Fédération des AMAP"
    /// The cost file shared in the report (relative paths are relative to the configuration file).
    public var costs: URL?
    /// Which kinds `cageot run` generates.
    public var kinds: Set<DueDocument.Kind> = Set(DueDocument.Kind.allCases)

    public init() {}
}

extension RunConfig {
    /// Reads `path`; with no path, `./cageot.toml` when it exists, else the defaults.
    public static func load(path: String?) throws -> RunConfig {
        if let path { return try parse(URL(fileURLWithPath: path)) }
        let local = URL(fileURLWithPath: "cageot.toml")
        return FileManager.default.fileExists(atPath: local.path) ? try parse(local) : RunConfig()
    }

    static func parse(_ url: URL) throws -> RunConfig {
        RunConfig() // TODO: parse with the cost file's TOML reader once it lands
    }
}
