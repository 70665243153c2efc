import CageotCore
import Foundation

/// The order figures gathered from the rows of every basket range: sums for what belongs to one
/// group, sets for what is counted once (households and farmers across the federation, sessions
/// per month), so that ranges read on different connections add up exactly.
struct UsageLineTotals {
    private var lines: [Int: Int] = [:]
    private var cents: [Int: Int64] = [:]
    private var vat: [Int: [Decimal: Int64]] = [:]
    private var monthCents: [LocalDate: Int64] = [:]
    private var contracts: [Int: Set<Int>] = [:]
    private var vendors: [Int: Set<Int>] = [:]
    private var sessions: [Int: Set<Int>] = [:]
    private var monthSessions: [LocalDate: Set<Int>] = [:]
    private var baskets: [Int: Int] = [:]
    private var households: [Int: Set<Int>] = [:]

    mutating func add(_ rows: [UsageLineRow]) {
        for row in rows {
            let group = row.groupId
            switch row.part {
            case let .amount(rate, month, count, amount):
                lines[group, default: 0] += count
                cents[group, default: 0] += amount
                vat[group, default: [:]][rate, default: 0] += amount
                monthCents[month, default: 0] += amount
            case let .contract(id, vendor):
                contracts[group, default: []].insert(id)
                vendors[group, default: []].insert(vendor)
            case let .session(id, month):
                sessions[group, default: []].insert(id)
                monthSessions[month, default: []].insert(id)
            case let .baskets(count):
                baskets[group, default: 0] += count
            case let .household(id):
                households[group, default: []].insert(id)
            }
        }
    }

    /// Every session held, for the duties.
    var heldSessions: [Int] { sessions.values.flatMap { $0 }.sorted() }

    /// The groups with at least one counted line.
    var groupIds: [Int] { lines.keys.sorted() }

    /// Writes the order figures of `group` into `figures` (nil: the federation's).
    func fill(_ figures: inout UsageFigures, group: Int?) {
        func one<T>(_ table: [Int: T], _ empty: T, _ sum: ([T]) -> T) -> T {
            guard let group else { return sum(Array(table.values)) }
            return table[group] ?? empty
        }
        figures.orderLines = one(lines, 0) { $0.reduce(0, +) }
        figures.turnover = Money(cents: one(cents, 0) { $0.reduce(0, +) })
        figures.baskets = one(baskets, 0) { $0.reduce(0, +) }
        figures.activeHouseholds = one(households, []) { $0.reduce(into: Set()) { $0.formUnion($1) } }.count
        figures.activeContracts = one(contracts, []) { $0.reduce(into: Set()) { $0.formUnion($1) } }.count
        figures.vendors = one(vendors, []) { $0.reduce(into: Set()) { $0.formUnion($1) } }.count
        // A session belongs to one group: the federation's sessions are the groups' sum.
        figures.sessionsHeld = one(sessions.mapValues(\.count), 0) { $0.reduce(0, +) }
        let rates = one(vat, [:]) { $0.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) } }
        figures.turnoverByVAT = rates.sorted { $0.key < $1.key }.map { VATAmount(rate: $0.key, amount: Money(cents: $0.value)) }
    }

    /// The turnover and the distinct sessions of `month` (its first day).
    func month(_ month: LocalDate) -> MonthUsage {
        MonthUsage(month: month, turnover: Money(cents: monthCents[month] ?? 0), sessionsHeld: monthSessions[month]?.count ?? 0)
    }
}
