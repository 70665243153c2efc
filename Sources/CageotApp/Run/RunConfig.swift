import CageotCore
import CageotCosts
import Foundation
import TOMLKit

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
    /// Who gets which document by e-mail, and through which relay (`[mail]`, docs/mail.md).
    public var mail = MailConfig()

    public init() {}
}

extension RunConfig {
    /// Reads `path`; with no path, `./cageot.toml` when it exists, else the defaults.
    public static func load(path: String?) throws -> RunConfig {
        if let path { return try parse(URL(fileURLWithPath: path)) }
        let local = URL(fileURLWithPath: "cageot.toml")
        return FileManager.default.fileExists(atPath: local.path) ? try parse(local) : RunConfig()
    }

    /// Reads a configuration file; any unknown key or wrong value is a `RunConfigError` naming the
    /// file, the line and the key.
    public static func parse(_ url: URL) throws -> RunConfig {
        let text: String
        do {
            // Through a file handle, so that a device such as /dev/null reads as an empty file.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        } catch {
            throw RunConfigError(file: url.path, line: nil, key: nil,
                                 message: "cannot read the file (\(error.localizedDescription)); see docs/cageot.example.toml")
        }
        return try RunConfigReader(text: text, url: url).read()
    }
}

/// A configuration file that cannot be used: names the file, the line and the key.
public typealias RunConfigError = TOMLFileError

/// Checks every key and value of `cageot.toml` against docs/cageot.example.toml.
struct RunConfigReader {
    static let keys: [String: [String]] = [
        "sheets": ["horizon_hours"], "orders": ["weekly_day"], "payments": ["day_of_month"],
        "report": ["date", "federation", "costs"], "run": ["kinds"], "mail": RunConfigReader.mailKeys,
    ]
    static let weekdays = [["lundi", "monday"], ["mardi", "tuesday"], ["mercredi", "wednesday"], ["jeudi", "thursday"],
                           ["vendredi", "friday"], ["samedi", "saturday"], ["dimanche", "sunday"]]

    let url: URL
    let root: TOMLTable
    let source: TOMLSourceMap

    init(text: String, url: URL) throws {
        self.url = url
        root = try parseTOMLTable(text, path: url.path, example: "docs/cageot.example.toml")
        source = TOMLSourceMap(text)
    }

    func fail(_ key: String, _ message: String) -> RunConfigError {
        RunConfigError(file: url.path, line: source.line(of: key), key: key, message: message)
    }

    func read() throws -> RunConfig {
        for section in root.keys.sorted() {
            guard let allowed = Self.keys[section] else {
                throw fail(section, "unknown section; the sections are [\(Self.keys.keys.sorted().joined(separator: "], ["))]"
                    + suggestion(section, among: Array(Self.keys.keys)))
            }
            guard let table = root[section]?.table else { throw fail(section, "write [\(section)] on its own line, then its keys") }
            for key in table.keys.sorted() where !allowed.contains(key) {
                throw fail("\(section).\(key)", "unknown key; [\(section)] has: \(allowed.joined(separator: ", "))"
                    + suggestion(key, among: allowed))
            }
        }
        var config = RunConfig()
        if let value = root["sheets"]?.table?["horizon_hours"] {
            guard let hours = value.int, (1...24 * 31).contains(hours) else {
                throw fail("sheets.horizon_hours", "expected a whole number of hours between 1 and 744, e.g. horizon_hours = 48")
            }
            config.horizonHours = hours
        }
        if let value = root["orders"]?.table?["weekly_day"] {
            guard let text = value.string?.lowercased(), let day = Self.weekdays.firstIndex(where: { $0.contains(text) }) else {
                throw fail("orders.weekly_day", "expected a day of the week, e.g. weekly_day = \"lundi\" (or \"monday\")")
            }
            config.weeklyOrdersWeekday = day
        }
        if let value = root["payments"]?.table?["day_of_month"] {
            guard let day = value.int, (1...28).contains(day) else {
                throw fail("payments.day_of_month", "expected a day between 1 and 28 (every month has it), e.g. day_of_month = 1")
            }
            config.paymentsDay = day
        }
        if let report = root["report"]?.table {
            if let value = report["date"] {
                let parts = value.string?.split(separator: "-").compactMap { Int($0) } ?? []
                guard parts.count == 2, (1...12).contains(parts[0]), (1...28).contains(parts[1]) || (parts[1] <= 31 && parts[0] != 2) else {
                    throw fail("report.date", "expected a month and a day as \"MM-DD\", e.g. date = \"01-15\"")
                }
                config.reportMonth = parts[0]
                config.reportDay = parts[1]
            }
            if let value = report["federation"] {
                guard let name = value.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                    throw fail("report.federation", "expected the federation's name as text, e.g. federation = \"InterAMAP44\"")
                }
                config.federationName = name
            }
            if let value = report["costs"] {
                guard let path = value.string, !path.isEmpty else {
                    throw fail("report.costs", "expected the cost file's path as text, e.g. costs = \"costs.toml\"")
                }
                config.costs = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            }
        }
        if let value = root["run"]?.table?["kinds"] {
            guard let array = value.array else { throw fail("run.kinds", "expected a list, e.g. kinds = [\"session-sheet\", \"payments\"]") }
            var kinds = Set<DueDocument.Kind>()
            for index in array.indices {
                guard let name = array[index].string, let kind = DueDocument.Kind(rawValue: name) else {
                    throw fail("run.kinds", "unknown kind; the kinds are \(DueDocument.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kinds.insert(kind)
            }
            config.kinds = kinds
        }
        if let mail = root["mail"]?.table {
            config.mail = try readMail(mail, horizonHours: config.horizonHours)
        } else {
            config.mail.sheetsHoursBefore = min(config.mail.sheetsHoursBefore, config.horizonHours)
        }
        return config
    }

    func suggestion(_ key: String, among allowed: [String]) -> String {
        guard let guess = allowed.min(by: { editDistance($0, key) < editDistance($1, key) }), editDistance(guess, key) <= 2 else { return "" }
        return "; did you mean \(guess)?"
    }
}
