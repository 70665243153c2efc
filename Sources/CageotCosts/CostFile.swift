import CageotCore
import Foundation
import TOMLKit

/// A federation's hosting cost for a year and how to share it among its AMAPs, read from a TOML
/// file (`docs/cost-sharing.md`, example `docs/costs.example.toml`).
public struct CostFile: Sendable, Hashable {
    /// One line of the cost: `Serveur`, `Sauvegardes`, `Nom de domaine`, `Maintenance`…
    public struct Item: Sendable, Hashable {
        public var name: String
        public var amount: Money
        public init(name: String, amount: Money) { self.name = name; self.amount = amount }
    }

    /// The allocation key: relative weights (any non-negative numbers, not all zero) of the part
    /// shared equally among the AMAPs that pay, and of the parts proportional to active households,
    /// sessions held and turnover.
    public struct Weights: Sendable, Hashable {
        public var fixed: Decimal
        public var households: Decimal
        public var sessions: Decimal
        public var turnover: Decimal
        public init(fixed: Decimal, households: Decimal, sessions: Decimal, turnover: Decimal) {
            self.fixed = fixed; self.households = households; self.sessions = sessions; self.turnover = turnover
        }
    }

    /// The file it was read from, for messages.
    public var path: String
    /// The year the file is for, if it says; the report refuses a file for another year.
    public var year: Int?
    public var items: [Item]
    public var weights: Weights
    /// Optional minimum and maximum share per AMAP that pays.
    public var floor: Money?
    public var cap: Money?
    /// Disabled groups (`"Group".disabled` not null) pay nothing.
    public var exemptDisabled: Bool
    /// Groups created during the year pay nothing.
    public var firstYearFree: Bool
    /// Groups (`"Group".id`) that pay nothing, whatever their activity.
    public var exempt: [Int]

    public init(path: String, year: Int?, items: [Item], weights: Weights, floor: Money?, cap: Money?,
                exemptDisabled: Bool, firstYearFree: Bool, exempt: [Int]) {
        self.path = path; self.year = year; self.items = items; self.weights = weights; self.floor = floor
        self.cap = cap; self.exemptDisabled = exemptDisabled; self.firstYearFree = firstYearFree; self.exempt = exempt
    }

    /// Σ items.
    public var total: Money { items.map(\.amount).sum() }
}

/// A cost file that cannot be used: names the file, the line and the key, and says what to write.
public typealias CostFileError = TOMLFileError

/// A TOML file (a cost file, `cageot.toml`) that cannot be used: names the file, the line and the
/// key, and says what to write.
public struct TOMLFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file; self.line = line; self.key = key; self.message = message
    }

    /// `costs.toml:12: allocation.floor: …`
    public var description: String {
        var where_ = file
        if let line { where_ += ":\(line)" }
        if let key { where_ += ": \(key)" }
        return "\(where_): \(message)"
    }
}

/// Parses a TOML file's text with TOMLKit, after refusing what would make toml++ abort the process
/// (`TOMLHeaderGuard`). Errors name `path` and the line, and point to `example` for the format.
public func parseTOMLTable(_ text: String, path: String, example: String) throws(TOMLFileError) -> TOMLTable {
    try TOMLHeaderGuard.check(text, path: path, example: example)
    do {
        return try TOMLTable(string: text)
    } catch let error as TOMLParseError {
        throw TOMLFileError(file: path, line: error.source.begin.line, key: nil,
                            message: "not valid TOML (\(error.description)); see \(example) for the format")
    } catch {
        throw TOMLFileError(file: path, line: nil, key: nil, message: "not valid TOML (\(error)); see \(example) for the format")
    }
}
