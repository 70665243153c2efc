import CageotCore
import Foundation

/// The period's counted distributions (docs/usage-report.md: those of the period, in a group
/// created by its end), as the scan of the order lines needs them.
struct UsageDistributions: Sendable {
    struct Distribution: Sendable {
        /// Position of the group in `groupIds`.
        var group: Int32
        var sessionId: Int
        var catalogId: Int?
        /// The contract's farmer; nil when the contract row is missing (then it counts as no contract).
        var vendor: Int?
        /// The first day of the month of the distribution.
        var month: LocalDate
        /// The position of `month` in `months`.
        var monthIndex: Int32
    }

    var list: [Distribution] = []
    /// Position in `list` + 1 (0: not counted), by distribution id − `firstId`, for ids up to 4 ×
    /// their number + 100,000 above the lowest; the few beyond (none in CAMAP's auto-increment
    /// ids, a hostile database's near 2^31) are in `farPositions`.
    private var positions: [Int32] = []
    private var farPositions: [Int64: Int32] = [:]
    private var firstId: Int64 = 0
    /// The lowest and highest ids: the statement reads only lines in between.
    private(set) var idBounds: ClosedRange<Int64>?
    /// Group ids, by the positions that `Distribution.group` holds.
    var groupIds: [Int] = []
    /// Months, by the positions that `Distribution.monthIndex` holds.
    var months: [LocalDate] = []
    /// The deleted account's ids: its lines count, it is never an active household.
    var deletedAccounts: [Int64] = []

    /// Indexes `list` by id; `ids` are its distributions' ids, in the same order, ascending.
    mutating func index(ids: [Int64]) {
        guard let lowest = ids.first, let highest = ids.last else { return }
        firstId = lowest
        idBounds = lowest...highest
        let window = min(highest - lowest + 1, 4 * Int64(ids.count) + 100_000)
        positions = Array(repeating: 0, count: Int(window))
        for (position, id) in ids.enumerated() {
            if id - lowest < window { positions[Int(id - lowest)] = Int32(position + 1) } else { farPositions[id] = Int32(position) }
        }
    }

    /// The position in `list` of distribution `id`, nil when it is not counted.
    @inline(__always)
    func position(of id: Int64) -> Int32? {
        let slot = id &- firstId
        if slot >= 0 && slot < Int64(positions.count) {
            let position = positions[Int(slot)]
            return position == 0 ? nil : position - 1
        }
        return farPositions[id]
    }
}

/// What the order lines of one basket range add to the report, gathered as the lines stream in
/// (`CamapStore.scanUsageLines`): no line is kept.
struct UsageLineScan: Sendable {
    struct GroupMember: Hashable, Sendable {
        var group: Int32
        var id: Int64
    }

    /// Lines that have an amount, counted by (group position << 32 | product id, month position
    /// << 32 | pair): the amount of a line depends only on its quantity and price (the pair), its
    /// VAT on its product, so amounts are computed per distinct key (about 80,000 a year for 250
    /// AMAPs, where lines are two million).
    private(set) var amounts = PairTable(capacity: 1 << 17)
    /// The distinct (quantity bits, price bits), numbered in order of appearance.
    private(set) var prices = PairNumbering()
    /// Whether each distribution of `UsageDistributions.list` has a counted line.
    private(set) var distributionsUsed: [Bool]
    /// Distinct (group, household) with a counted line, the deleted account excepted.
    private(set) var households: Set<GroupMember> = []
    /// The last household inserted: a basket's lines come together, so most lines repeat it.
    private var lastHousehold = GroupMember(group: -1, id: 0)
    /// Distinct baskets per group position.
    private(set) var baskets: [Int]

    /// The group (position + 1) of each basket seen, indexed by basket id − `basketBase`, for the
    /// usual dense ids of the range; 0 not seen yet. Ids beyond the window (a hostile database's
    /// near 2^31) go to `farBaskets`. A basket with lines in a second group is in `otherGroups`.
    private var basketGroup: [Int32]
    private let basketBase: Int64
    private var farBaskets: [Int64: Int32] = [:]
    private var otherGroups: Set<GroupMember> = []

    /// At most this many window slots (16 MB of `Int32`).
    static let maxWindow: Int64 = 4 << 20

    /// A scan of the baskets `range` when basket ids lie in `ids` (the table's lowest and highest).
    init(distributions: UsageDistributions, range: Range<Int>, ids: ClosedRange<Int>?) {
        distributionsUsed = Array(repeating: false, count: distributions.list.count)
        baskets = Array(repeating: 0, count: distributions.groupIds.count)
        let start = Int64(max(range.lowerBound, ids?.lowerBound ?? range.lowerBound))
        let end = Int64(min(range.upperBound, (ids?.upperBound ?? range.lowerBound) + 1))
        basketBase = start
        basketGroup = Array(repeating: 0, count: Int(max(0, min(end - start, Self.maxWindow))))
    }

    /// Counts one line: its basket and household in its group, its amount key.
    @inline(__always)
    mutating func add(basket: Int64, distribution: Int32, group: Int32, month: Int32, product: Int64?, quantity: Double,
                      price: Double?, household: Int64?, deleted: [Int64]) {
        distributionsUsed[Int(distribution)] = true
        let slot = basket &- basketBase
        let seen: Int32
        if slot >= 0 && slot < Int64(basketGroup.count) {
            seen = basketGroup[Int(slot)]
            if seen == 0 { basketGroup[Int(slot)] = group + 1 }
        } else {
            seen = farBaskets[basket] ?? 0
            if seen == 0 { farBaskets[basket] = group + 1 }
        }
        if seen == 0 || (seen != group + 1 && otherGroups.insert(GroupMember(group: group, id: basket)).inserted) {
            baskets[Int(group)] += 1
        }
        if let household, !deleted.contains(household) {
            let member = GroupMember(group: group, id: household)
            if member != lastHousehold {
                households.insert(member)
                lastHousehold = member
            }
        }
        if let product, let price {
            // A product id is an `integer`: its 32 bits and the group's position make one key.
            amounts.add(UInt64(UInt32(bitPattern: group)) << 32 | UInt64(UInt32(truncatingIfNeeded: product)),
                        UInt64(UInt32(bitPattern: month)) << 32 | UInt64(prices.number(quantity.bitPattern, price.bitPattern)))
        }
    }

    /// Adds another range's distributions, baskets and households (baskets are in one range
    /// only, so their counts add up). The amounts stay in each scan: merging the two tables would
    /// double their memory for no gain (`CamapStore.usageLineRows` reads each).
    mutating func merge(_ other: UsageLineScan) {
        for (i, used) in other.distributionsUsed.enumerated() where used { distributionsUsed[i] = true }
        for (i, count) in other.baskets.enumerated() { baskets[i] += count }
        households.formUnion(other.households)
    }
}

/// Doubles as PostgreSQL reads them back exactly: the shortest text that round-trips, with
/// PostgreSQL's spellings of the non-finite values.
extension Double {
    var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}
