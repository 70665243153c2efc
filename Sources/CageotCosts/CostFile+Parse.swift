import CageotCore
import Foundation
import TOMLKit

extension CostFile {
    /// Reads a cost file (`docs/cost-sharing.md`); errors name the file as `url` was written.
    public static func load(_ url: URL) throws(CostFileError) -> CostFile {
        let path = url.relativePath
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CostFileError(file: path, line: nil, key: nil,
                                message: "cannot read the file (\(error.localizedDescription)); copy docs/costs.example.toml to start one")
        }
        return try parse(text, path: path)
    }

    /// Reads the text of a cost file; `path` only names it in errors.
    public static func parse(_ text: String, path: String) throws(CostFileError) -> CostFile {
        return try CostFileReader(text: text, path: path).read()
    }
}

/// Checks every key and value of a cost file against the format of `docs/cost-sharing.md`.
struct CostFileReader {
    static let rootKeys = ["year", "item", "allocation"]
    static let itemKeys = ["name", "amount"]
    static let weightKeys = ["fixed", "households", "sessions", "turnover"]
    static let allocationKeys = weightKeys + ["floor", "cap", "exempt_disabled", "first_year_free", "exempt"]
    /// Beyond these, the allocation's products would not stay exact within `Decimal`'s 38 digits.
    static let maxAmount = Decimal(1_000_000_000)
    static let maxWeight = Decimal(1_000_000)

    let path: String
    let root: TOMLTable
    let source: TOMLSourceMap

    init(text: String, path: String) throws(CostFileError) {
        self.path = path
        root = try parseTOMLTable(text, path: path, example: "docs/costs.example.toml")
        source = TOMLSourceMap(text)
    }

    func fail(_ key: String?, _ message: String) -> CostFileError {
        CostFileError(file: path, line: key.flatMap(source.line(of:)), key: key, message: message)
    }

    func read() throws(CostFileError) -> CostFile {
        try checkKeys()
        let itemTables = try items()
        let allocation = try table(root["allocation"], at: "allocation")

        let year = try root["year"].map { (value) throws(CostFileError) in try self.year(value) }
        var items: [CostFile.Item] = []
        for (index, table) in itemTables.enumerated() {
            let at = "item[\(index + 1)]"
            guard let nameValue = table["name"] else {
                throw fail(at, "each [[item]] needs a name, e.g. name = \"Serveur\"")
            }
            guard let name = nameValue.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("\(at).name", "expected the cost line's name as text, e.g. name = \"Serveur\"")
            }
            guard let amountValue = table["amount"] else {
                throw fail(at, "each [[item]] needs an amount in euros, e.g. amount = 1200.00")
            }
            items.append(CostFile.Item(name: name, amount: try amount(amountValue, at: "\(at).amount")))
        }

        let weights = try self.weights(allocation)
        let floor = try allocation?["floor"].map { (value) throws(CostFileError) in
            try self.amount(value, at: "allocation.floor")
        }
        let cap = try allocation?["cap"].map { (value) throws(CostFileError) in
            try self.amount(value, at: "allocation.cap")
        }
        if let floor, let cap, floor > cap {
            throw fail("allocation.floor", "the floor (\(FrenchFormat.money(floor))) is above the cap "
                + "(\(FrenchFormat.money(cap))); lower the floor or raise the cap")
        }
        return CostFile(path: path, year: year, items: items, weights: weights, floor: floor, cap: cap,
                        exemptDisabled: try bool(allocation?["exempt_disabled"], at: "allocation.exempt_disabled",
                                                 default: true),
                        firstYearFree: try bool(allocation?["first_year_free"], at: "allocation.first_year_free",
                                                default: false),
                        exempt: try exempt(allocation?["exempt"]))
    }

    // MARK: Tables and keys

    func items() throws(CostFileError) -> [TOMLTable] {
        guard let value = root["item"] else {
            throw fail(nil, "no cost line; add at least one [[item]] with a name and an amount, e.g. "
                + "[[item]] name = \"Serveur\" amount = 1200.00 (see docs/costs.example.toml)")
        }
        guard let array = value.array, !array.isEmpty else {
            throw fail("item", "write each cost line as an [[item]] table with a name and an amount, e.g. "
                + "[[item]] name = \"Serveur\" amount = 1200.00")
        }
        var tables: [TOMLTable] = []
        for index in array.indices {
            guard let table = array[index].table else {
                throw fail("item", "write each cost line as an [[item]] table with a name and an amount")
            }
            tables.append(table)
        }
        return tables
    }

    func table(_ value: TOMLValueConvertible?, at key: String) throws(CostFileError) -> TOMLTable? {
        guard let value else { return nil }
        guard let table = value.table else {
            throw fail(key, "expected a table: write [\(key)] on its own line, then its keys")
        }
        return table
    }

    /// Every key must be one of the format's; the first unknown one in the file is reported.
    func checkKeys() throws(CostFileError) {
        var unknown: [(key: String, allowed: [String])] = []
        func collect(_ table: TOMLTable, prefix: String, allowed: [String]) {
            for key in table.keys where !allowed.contains(key) {
                unknown.append((prefix + key, allowed))
            }
        }
        collect(root, prefix: "", allowed: Self.rootKeys)
        if let items = root["item"]?.array {
            for index in items.indices {
                if let table = items[index].table {
                    collect(table, prefix: "item[\(index + 1)].", allowed: Self.itemKeys)
                }
            }
        }
        if let allocation = root["allocation"]?.table {
            collect(allocation, prefix: "allocation.", allowed: Self.allocationKeys)
        }
        let first = unknown.min { (source.line(of: $0.key) ?? .max, $0.key) < (source.line(of: $1.key) ?? .max, $1.key) }
        if let first {
            let name = String(first.key.split(separator: ".").last ?? "")
            var message = "unknown key"
            if let guess = first.allowed.min(by: { editDistance($0, name) < editDistance($1, name) }),
               editDistance(guess, name) <= 2 {
                message += "; did you mean \(guess)?"
            }
            message += " The keys here are: \(first.allowed.joined(separator: ", "))"
            throw fail(first.key, message)
        }
    }

    // MARK: Values

    func year(_ value: TOMLValueConvertible) throws(CostFileError) -> Int {
        guard let year = value.int, (2000...2999).contains(year) else {
            throw fail("year", "expected the year the costs are for, e.g. year = 2026")
        }
        return year
    }

    /// Euros to the cent: a number (`1200.50`, read from its digits) or text (`"1200,50"`).
    func amount(_ value: TOMLValueConvertible, at key: String) throws(CostFileError) -> Money {
        let example = "e.g. \(key.split(separator: ".").last ?? "amount") = 1200.50 or \"1200,50\""
        guard let euros = number(value, at: key, allowText: true) else {
            throw fail(key, "expected an amount in euros, \(example)")
        }
        guard euros >= 0 else { throw fail(key, "an amount cannot be negative; write it in euros, \(example)") }
        guard euros <= Self.maxAmount else { throw fail(key, "too large; write it in euros, \(example)") }
        guard ExactDecimal.isCents(euros) else {
            throw fail(key, "more than 2 decimals (\(euros)); write euros to the cent, \(example)")
        }
        return Money(rounding: euros)
    }

    func weights(_ allocation: TOMLTable?) throws(CostFileError) -> CostFile.Weights {
        var values: [Decimal] = []
        for name in Self.weightKeys {
            let key = "allocation.\(name)"
            guard let value = allocation?[name] else { values.append(0); continue }
            guard let weight = number(value, at: key, allowText: false) else {
                throw fail(key, "expected a number, e.g. \(name) = 40 (write 0 to leave this part out)")
            }
            guard weight >= 0 else { throw fail(key, "a weight cannot be negative; write 0 to leave this part out") }
            guard weight <= Self.maxWeight, Self.hasAtMostSixDecimals(weight) else {
                throw fail(key, "write a weight of at most 1000000 with at most 6 decimals, e.g. \(name) = 40")
            }
            values.append(weight)
        }
        guard values.contains(where: { $0 > 0 }) else {
            throw fail("allocation", "the weights fixed, households, sessions and turnover are all 0 or missing; "
                + "give at least one a positive weight, e.g. fixed = 1")
        }
        return CostFile.Weights(fixed: values[0], households: values[1], sessions: values[2], turnover: values[3])
    }

    func bool(_ value: TOMLValueConvertible?, at key: String, default fallback: Bool) throws(CostFileError) -> Bool {
        guard let value else { return fallback }
        guard let bool = value.bool else {
            throw fail(key, "expected true or false, e.g. \(key.split(separator: ".").last ?? "") = \(fallback)")
        }
        return bool
    }

    func exempt(_ value: TOMLValueConvertible?) throws(CostFileError) -> [Int] {
        guard let value else { return [] }
        guard let array = value.array else {
            throw fail("allocation.exempt", "expected a list of group ids, e.g. exempt = [12, 15]")
        }
        var ids: [Int] = []
        for index in array.indices {
            guard let id = array[index].int, id > 0 else {
                throw fail("allocation.exempt[\(index + 1)]", "expected a group id (\"Group\".id), e.g. exempt = [12, 15]")
            }
            ids.append(id)
        }
        return ids
    }

    /// An integer, a float read from its source text (never through `Double`), or, when allowed, text.
    func number(_ value: TOMLValueConvertible, at key: String, allowText: Bool) -> Decimal? {
        switch value.type {
        case .int:
            return value.int.map { Decimal($0) }
        case .double:
            guard let double = value.double, double.isFinite else { return nil }
            // The scanner finds every key TOMLKit accepts; Double's shortest round-trip text is a
            // fallback that is exact for up to 15 significant digits.
            return ExactDecimal.parse(source.scalars[key] ?? "\(double)")
        case .string:
            return allowText ? value.string.flatMap(ExactDecimal.parse) : nil
        default:
            return nil
        }
    }

    static func hasAtMostSixDecimals(_ value: Decimal) -> Bool {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 6, .plain)
        return rounded == value
    }
}

/// Levenshtein distance, to suggest the key a typo meant.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var row = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[b.count]
}
