import CageotCore
import Foundation

/// One figure drawn from the order lines, for `UsageLineTotals` to add up: `part` says which.
struct UsageLineRow: Sendable {
    enum Part: Sendable {
        /// Lines and cents of a group at one VAT rate in one month.
        case amount(vat: Decimal, month: LocalDate, lines: Int, cents: Int64)
        /// A contract (`"Catalog".id`) with lines in the group, and its farmer.
        case contract(id: Int, vendor: Int)
        /// A session with lines in the group, and the month of those lines' distribution.
        case session(id: Int, month: LocalDate)
        /// The group's baskets.
        case baskets(Int)
        /// An active household of the group (never the deleted account).
        case household(Int)
    }

    var groupId: Int
    var part: Part
}

/// The order lines of the usage report (docs/usage-report.md), read in basket ranges on two
/// connections (`UsageLinesReader`), streamed in binary and gathered in Swift:
/// - `usageDistributions` reads the period's counted distributions once (about 50,000 a year for
///   250 AMAPs), with their group, session, contract, farmer and month;
/// - `usageLineCursor` streams a range's lines (about a million) as six binary numbers each, with
///   no text to parse; PostgreSQL only filters them and joins them with their basket, by hashing
///   (a sequential read of both tables);
/// - `UsageLineScan` counts them: baskets per group in an array indexed by basket id, households
///   per group in a set, and lines per (distribution, product, quantity, price);
/// - the amounts are then computed by PostgreSQL, exactly as elsewhere (`round(quantity ×
///   productPrice, 2)` in numeric from each double's shortest text), once per distinct (quantity,
///   price), and the VAT rates read per distinct product.
/// The figures equal those of one SQL statement over every line (UsageReportTests checks them
/// against independent SQL); an aggregating statement took 6 to 14 s on the 250-AMAP year.
extension CamapStore {
    /// `$1`, `$2`: the period's first and last days.
    /// Read in binary (six numbers a row, about 50,000 rows a year at 250 AMAPs: decoding them as
    /// text took 0.2 s); the month as year × 12 + month − 1.
    static let usageDistributions = """
        SELECT d.id, md."groupId", md.id AS "sessionId", d."catalogId", c."vendorId" AS vendor,
               (extract(year FROM COALESCE(d.date, md."distribStartDate")) * 12
                + extract(month FROM COALESCE(d.date, md."distribStartDate")) - 1)::bigint AS month
        FROM "Distribution" d
        JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
        JOIN "Group" g ON g.id = md."groupId"
        LEFT JOIN "Catalog" c ON c.id = d."catalogId"
        WHERE g.cdate < $2::date + 1
          AND (d.date >= $1::date AND d.date < $2::date + 1
               OR d.date IS NULL AND md."distribStartDate" >= $1::date AND md."distribStartDate" < $2::date + 1)
        ORDER BY d.id
        """

    /// The lines of the baskets `$1 ≤ id < $2` (not open) whose distribution id lies between `$3`
    /// and `$4`, the lowest and highest of the period's: basket, distribution, product, quantity,
    /// price, household (the basket's account, else the line's). Those of other distributions in
    /// between (normally none: ids grow with time) are dropped by the scan, which is cheaper than
    /// a join with the distributions here. CAMAP's columns are read as they are (`integer`,
    /// `double precision`): a cast costs on each of the two million rows.
    static let usageLineCursor = """
        SELECT o."basketId", o."distributionId", o."productId", o.quantity, o."productPrice", COALESCE(b."userId", o."userId")
        FROM "UserOrder" o
        JOIN "Basket" b ON b.id = o."basketId"
        WHERE b.status <> 'OPEN' AND o.quantity <> 0
          AND o."basketId" >= $1::bigint AND o."basketId" < $2::bigint AND b.id >= $1::bigint AND b.id < $2::bigint
          AND o."distributionId" >= $3::bigint AND o."distributionId" <= $4::bigint
        """

    /// The product id of an amount key (its low 32 bits: `"Product".id` is an `integer`).
    static func product(_ key: UInt64) -> Int64 { Int64(Int32(truncatingIfNeeded: key)) }

    /// The period's counted distributions, and the deleted account's ids.
    static func readUsageDistributions(_ connection: Connection, period: UsagePeriod) throws -> UsageDistributions {
        var distributions = UsageDistributions()
        var groups = Positions<Int>(), months = Positions<LocalDate>()
        var ids: [Int64] = []
        try connection.fetchBinary("usage distributions", usageDistributions, [period.from, period.to],
                                   columns: [.bigint, .bigint, .bigint, .bigint, .bigint, .bigint]) { batch in
            for row in 0..<batch.count {
                // Ids, group and session are keys; a distribution has a date or its session's (the
                // WHERE clause).
                guard let id = batch.int64(row, 0), let group = batch.int64(row, 1), let session = batch.int64(row, 2),
                      let number = batch.int64(row, 5) else {
                    throw DatabaseError.protocolViolation(query: "usage distributions", message: "a NULL id, group, session or month")
                }
                let year = number >= 0 ? number / 12 : (number - 11) / 12  // rounded down
                let month = LocalDate(year: Int(year), month: Int(number - year * 12) + 1, day: 1)
                ids.append(id)
                distributions.list.append(.init(group: groups.position(Int(group)), sessionId: Int(session),
                                                catalogId: batch.int64(row, 3).map(Int.init), vendor: batch.int64(row, 4).map(Int.init),
                                                month: month, monthIndex: months.position(month)))
            }
        }
        distributions.groupIds = groups.keys
        distributions.months = months.keys
        distributions.index(ids: ids)
        distributions.deletedAccounts = try connection.query("usage deleted account", """
            SELECT id FROM "User" WHERE email = $1
            """, [deletedAccountEmail]) { row in Int64(try row.decode("id", as: Int.self)) }
        return distributions
    }

    /// Streams the counted lines of the baskets of `range` into a scan.
    static func scanUsageLines(_ connection: Connection, distributions: UsageDistributions,
                               range: Range<Int>, ids: ClosedRange<Int>?) throws -> UsageLineScan {
        var scan = UsageLineScan(distributions: distributions, range: range, ids: ids)
        guard let counted = distributions.idBounds else { return scan }
        let list = distributions.list, deleted = distributions.deletedAccounts
        try connection.fetchBinary("usage lines", usageLineCursor, [range.lowerBound, range.upperBound, counted.lowerBound, counted.upperBound],
                                   columns: [.bigint, .bigint, .bigint, .double, .double, .bigint]) { batch in
            for row in 0..<batch.count {
                // Lines of distributions not counted are skipped; a basket id and a quantity are
                // never NULL here (the join, `quantity <> 0`).
                guard let id = batch.int64(row, 1), let distribution = distributions.position(of: id),
                      let basket = batch.int64(row, 0), let quantity = batch.double(row, 3) else { continue }
                let counted = list[Int(distribution)]
                scan.add(basket: basket, distribution: distribution, group: counted.group, month: counted.monthIndex,
                         product: batch.int64(row, 2), quantity: quantity, price: batch.double(row, 4),
                         household: batch.int64(row, 5), deleted: deleted)
            }
        }
        return scan
    }

    /// The figures of every range's scan, as rows for `UsageLineTotals`: amounts per group,
    /// VAT rate and month (lines whose product is missing have none, as in every other document),
    /// contracts, sessions, baskets and households per group.
    static func usageLineRows(_ connection: Connection, scans: [UsageLineScan], distributions: UsageDistributions) throws -> [UsageLineRow] {
        let list = distributions.list, groupIds = distributions.groupIds
        guard var scan = scans.first else { return [] }
        for other in scans.dropFirst() { scan.merge(other) }
        // Cents of each distinct (quantity, price) of the scans, computed by PostgreSQL like every
        // line amount; `numbers[s][i]` is the number in `numbering` of scan s's pair i.
        var numbering = PairNumbering()
        let numbers = scans.map { scan in scan.prices.pairs.map { numbering.number($0.0, $0.1) } }
        let pairs = numbering.pairs
        var cents: [Int64] = []
        if !pairs.isEmpty {
            cents = try connection.query("usage line amounts", """
                SELECT (round(x.q::text::numeric * x.p::text::numeric, 2) * 100)::bigint AS cents
                FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS x(q, p, i)
                ORDER BY x.i
                """, ["{" + pairs.map { Double(bitPattern: $0.0).postgresText }.joined(separator: ",") + "}",
                      "{" + pairs.map { Double(bitPattern: $0.1).postgresText }.joined(separator: ",") + "}"]) { row in
                try row.decode("cents", as: Int64.self)
            }
            guard cents.count == pairs.count else {
                throw DatabaseError.protocolViolation(query: "usage line amounts", message: "\(cents.count) amounts for \(pairs.count) prices")
            }
        }
        // The VAT rate of each product with lines, as a position in `rates`.
        var products: Set<Int64> = []
        for scan in scans { scan.amounts.forEach { key, _, _ in products.insert(Self.product(key)) } }
        var rates = Positions<Decimal>(), rateOf: [Int64: Int32] = [:]
        if !products.isEmpty {
            _ = try connection.query("usage products", """
                SELECT id, vat::text::numeric AS vat FROM "Product" WHERE id = ANY ($1::bigint[])
                """, ["{" + products.sorted().map(String.init).joined(separator: ",") + "}"]) { row in
                rateOf[Int64(try row.decode("id", as: Int.self))] = rates.position(try row.money("vat"))
            }
        }

        struct AmountGroup: Hashable { var group: Int32; var rate: Int32; var month: LocalDate }
        var amounts: [AmountGroup: (lines: Int, cents: Int64)] = [:]
        let months = distributions.months
        for (number, scan) in zip(numbers, scans) { try scan.amounts.forEach { key, monthAndPair, lines in
            guard let rate = rateOf[Self.product(key)] else { return }
            let (amount, overflow) = cents[number[Int(monthAndPair & 0xFFFF_FFFF)]].multipliedReportingOverflow(by: Int64(lines))
            let group = AmountGroup(group: Int32(key >> 32), rate: rate, month: months[Int(monthAndPair >> 32)])
            let sum = amounts[group, default: (0, 0)]
            let (total, overflowTotal) = sum.cents.addingReportingOverflow(amount)
            guard !overflow && !overflowTotal else {
                throw DatabaseError.server(query: "usage line amounts", sqlstate: "22003", message: "bigint out of range",
                                           detail: "the order lines of group \(groupIds[Int(group.group)]) add up to more than 92,233,720,368,547,758.07 €",
                                           hint: "check \"UserOrder\".quantity and \"UserOrder\".\"productPrice\" of that group")
            }
            amounts[group] = (sum.lines + lines, total)
        } }
        var rows = amounts.map { key, value in
            UsageLineRow(groupId: groupIds[Int(key.group)], part: .amount(vat: rates.keys[Int(key.rate)], month: key.month, lines: value.lines, cents: value.cents))
        }
        struct Contract: Hashable { var group: Int32; var id: Int; var vendor: Int }
        struct Session: Hashable { var group: Int32; var id: Int; var month: LocalDate }
        var contracts: Set<Contract> = [], sessions: Set<Session> = []
        for (position, used) in scan.distributionsUsed.enumerated() where used {
            let distribution = list[position]
            if let catalog = distribution.catalogId, let vendor = distribution.vendor {
                contracts.insert(Contract(group: distribution.group, id: catalog, vendor: vendor))
            }
            sessions.insert(Session(group: distribution.group, id: distribution.sessionId, month: distribution.month))
        }
        rows += contracts.map { UsageLineRow(groupId: groupIds[Int($0.group)], part: .contract(id: $0.id, vendor: $0.vendor)) }
        rows += sessions.map { UsageLineRow(groupId: groupIds[Int($0.group)], part: .session(id: $0.id, month: $0.month)) }
        rows += scan.baskets.enumerated().filter { $0.element > 0 }.map { UsageLineRow(groupId: groupIds[$0.offset], part: .baskets($0.element)) }
        rows += scan.households.map { UsageLineRow(groupId: groupIds[Int($0.group)], part: .household(Int($0.id))) }
        return rows
    }
}
