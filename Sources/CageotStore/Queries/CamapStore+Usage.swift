import CageotCore
import Foundation

extension CamapStore {
    /// The account that owns the history of deleted accounts: its orders and payments count, but it
    /// is neither an active household nor a member.
    public static let deletedAccountEmail = "deleted@camap.tld"

    /// The figures of the federation's usage report over `period`, as defined in
    /// docs/usage-report.md: one row per group created by the end of the period (by name ignoring
    /// case and accents, then id), the federation's own figures, and every month of the period.
    /// The order lines, most of the cost, are streamed in two basket ranges on two connections at
    /// once (one per core), both on one snapshot exported by the first, and counted as they come
    /// (`CamapStore+UsageLines.swift`); every other figure is aggregated in SQL.
    public func usageReportData(period: UsagePeriod) throws -> UsageReportData {
        let second = Handoff(try connection.reopen())
        return try connection.transaction {
            // One snapshot for every query; memory enough to hash the baskets without spilling, and
            // no JIT (it costs more than it saves on a query run once).
            try connection.executeScript("usage settings", Self.usageSettings)
            let snapshot = try connection.query("usage snapshot", "SELECT pg_export_snapshot() AS id") { row in
                try row.decode("id", as: String.self)
            }.first ?? ""
            let bounds = try connection.query("usage baskets range", """
                SELECT min(id) AS first, max(id) AS last FROM "Basket"
                """) { row in (try row.decodeIfPresent("first", as: Int.self), try row.decodeIfPresent("last", as: Int.self)) }.first
            let ids = bounds.flatMap { first, last in first.flatMap { a in last.map { b in a...b } } }
            // Every basket id is an integer: the two ranges cover them all. This thread's is 45 % of
            // the ids: it then reads the other figures while the second thread ends its range.
            let middle = ids.map { $0.lowerBound + ($0.upperBound - $0.lowerBound) * 45 / 100 + 1 } ?? 0
            let low = Int(Int32.min), high = Int(Int32.max) + 1
            let distributions = try Self.readUsageDistributions(connection, period: period)
            let other = UsageLinesReader(connection: second, snapshot: snapshot, distributions: distributions,
                                         range: middle..<high, ids: ids).start()
            // This thread's range, then the figures not drawn from the lines, while the other runs.
            let mine = Result { () throws -> (scan: UsageLineScan, listed: [GroupUsage], figures: UsageFigureTable) in
                let started = ContinuousClock.now
                let scan = try Self.scanUsageLines(connection, distributions: distributions, range: low..<middle, ids: ids)
                connection.logger.debug("usage lines", metadata: ["first range": "\(ContinuousClock.now - started)"])
                let (listed, figures) = try readOtherFigures(period: period, sessions: distributions.list.map(\.sessionId))
                return (scan, listed, figures)
            }
            let waited = ContinuousClock.now
            let theirs = try other.wait().get()
            let (scan, listed, figures) = try mine.get()
            connection.logger.debug("usage lines", metadata: ["waited for the second range": "\(ContinuousClock.now - waited)"])
            var lines = UsageLineTotals()
            lines.add(try Self.usageLineRows(connection, scans: [scan, theirs], distributions: distributions))
            return try finish(period: period, listed: listed, figures: figures, lines: lines)
        }
    }

    /// `SET`s of the report's transaction: repeatable read (one snapshot), read only, `work_mem` for
    /// the baskets' hash table, no JIT.
    static let usageSettings = """
        SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
        SET LOCAL work_mem = '64MB';
        SET LOCAL jit = off
        """

    /// The groups, and the figures not drawn from the order lines: members, memberships, payments.
    /// A payment's type is the pattern's capture (docs/usage-report.md); CAMAP writes almost every
    /// `data` as exactly `{"type":"check"}`, for which the pattern captures what lies between the
    /// quotes, so those rows take a `LIKE` and a capture-free check instead (the capturing pattern
    /// cost 20 µs a row, two thirds of the query).
    private func readOtherFigures(period: UsagePeriod, sessions: [Int]) throws -> (listed: [GroupUsage], figures: UsageFigureTable) {
        let range: [(any SQLParameter)?] = [period.from, period.to]
        let listed = try connection.query("usage groups", """
            SELECT id, name, cdate::date AS created, disabled FROM "Group" WHERE cdate < $1::date + 1 ORDER BY id
            """, [period.to]) { row in
            GroupUsage(groupId: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                       createdOn: try row.decode("created"), disabled: try row.decodeIfPresent("disabled"),
                       figures: UsageFigures())
        }
        var figures = UsageFigureTable()
        _ = try connection.query("usage members", """
            SELECT ug."groupId", count(DISTINCT ug."userId") AS members
            FROM "UserGroup" ug
            JOIN "User" u ON u.id = ug."userId"
            JOIN "Group" g ON g.id = ug."groupId"
            WHERE g.cdate < $1::date + 1 AND u.cdate < $1::date + 1 AND u.email <> $2
            GROUP BY GROUPING SETS ((ug."groupId"), ())
            """, [period.to, Self.deletedAccountEmail]) { row in
            try figures.update(row) { f, row in f.members = try row.decode("members") }
        }
        _ = try connection.query("usage memberships", """
            SELECT m."groupId", count(*) AS paid, COALESCE(sum((round(m.amount::text::numeric, 2) * 100)::bigint), 0) AS cents
            FROM "Membership" m
            JOIN "Group" g ON g.id = m."groupId"
            LEFT JOIN "MultiDistrib" md ON md.id = m."distributionId"
            WHERE g.cdate < $2::date + 1
              AND COALESCE(m.date, md."distribStartDate"::date, make_date(m.year, 1, 1)) BETWEEN $1::date AND $2::date
            GROUP BY GROUPING SETS ((m."groupId"), ())
            """, range) { row in
            try figures.update(row) { f, row in
                f.membershipsPaid = try row.decode("paid"); f.membershipAmount = Money(cents: try row.decode("cents"))
            }
        }
        _ = try connection.query("usage payments", """
            WITH payments AS (
                SELECT op."groupId", (round(op.amount::text::numeric, 2) * 100)::bigint AS cents,
                       CASE WHEN op.data LIKE '{"type":"%"}' AND substr(op.data, 10, length(op.data) - 11) ~ '^[a-z-]+$'
                            THEN substr(op.data, 10, length(op.data) - 11)
                            ELSE substring(op.data FROM '^\\s*\\{.*"type"\\s*:\\s*"([a-z-]+)".*\\}\\s*$') END AS type
                FROM "Operation" op
                JOIN "Group" g ON g.id = op."groupId"
                WHERE op.type = 2 AND NOT op.pending AND g.cdate < $2::date + 1
                  AND op.date >= $1::date AND op.date < $2::date + 1)
            SELECT "groupId", kind, count(*) AS count, sum(cents) AS cents
            FROM (SELECT "groupId", cents, CASE WHEN type = ANY ($3::text[]) THEN type ELSE 'other' END AS kind
                  FROM payments) typed
            GROUP BY GROUPING SETS (("groupId", kind), (kind))
            ORDER BY array_position($3::text[], kind)
            """, range + [Self.paymentTypesArray]) { row in
            try figures.update(row) { f, row in
                f.payments.append(PaymentTypeTotal(type: try row.decode("kind"), count: try row.decode("count"),
                                                   amount: Money(cents: try row.decode("cents"))))
            }
        }
        // Per session of the period: its "Volunteer" rows (an index-only count) and the integers of
        // volunteerRolesIds; `finish` adds up those of the sessions held (read here, while the
        // other connection still reads its lines).
        figures.duties = try connection.query("usage duties", """
            SELECT md.id, md."groupId",
                   (SELECT count(*) FROM "Volunteer" v WHERE v."multiDistribId" = md.id) AS filled,
                   (SELECT count(*) FROM regexp_split_to_table(COALESCE(md."volunteerRolesIds", ''), ',') AS role(id)
                    WHERE btrim(role.id) ~ '^[0-9]+$') AS needed
            FROM "MultiDistrib" md
            WHERE md.id = ANY ($1::integer[])
            """, ["{" + Set(sessions).sorted().map(String.init).joined(separator: ",") + "}"]) { row in
            (id: try row.decode("id", as: Int.self),
             duties: (group: try row.decode("groupId", as: Int.self), filled: try row.decode("filled", as: Int.self),
                      needed: try row.decode("needed", as: Int.self)))
        }.reduce(into: [:]) { table, session in table[session.id] = session.duties }
        return (listed, figures)
    }

    /// Adds the order figures to `figures`, reads the duties of the sessions held and the months,
    /// and sorts the groups.
    private func finish(period: UsagePeriod, listed: [GroupUsage], figures: UsageFigureTable,
                        lines: UsageLineTotals) throws -> UsageReportData {
        var figures = figures
        for group in lines.groupIds { lines.fill(&figures.byGroup[group, default: UsageFigures()], group: group) }
        lines.fill(&figures.federation, group: nil)
        // The duties of the sessions held.
        for session in lines.heldSessions {
            guard let duties = figures.duties[session] else { continue }
            figures.byGroup[duties.group, default: UsageFigures()].dutiesFilled += duties.filled
            figures.byGroup[duties.group, default: UsageFigures()].dutiesNeeded += duties.needed
            figures.federation.dutiesFilled += duties.filled
            figures.federation.dutiesNeeded += duties.needed
        }
        // Every month of the period, with or without activity.
        let months = try connection.query("usage months", """
            SELECT s.month::date AS month
            FROM generate_series(date_trunc('month', $1::date::timestamp), $2::date::timestamp, interval '1 month') AS s(month)
            ORDER BY 1
            """, [period.from, period.to]) { row in lines.month(try row.decode("month")) }
        // Read by id, and the sort is stable: groups of the same name stay in id order.
        let groups = Collation.sorted(listed.map { (group: GroupUsage) -> GroupUsage in
            var group = group
            group.figures = figures.byGroup[group.groupId] ?? UsageFigures()
            return group
        }) { (group: GroupUsage) in [group.name] }
        return UsageReportData(
            period: period, groups: groups, federation: figures.federation,
            newGroups: groups.count(where: { $0.createdOn >= period.from }),
            disabledGroups: groups.count(where: { $0.disabled != nil }), months: months)
    }

    /// The payment types of `{"type": …}` in `"Operation".data`, in the report's order; any other
    /// value, unreadable or missing data is `other`.
    public static let paymentTypes = ["check", "cash", "transfer", "card-terminal", "onthespot", "moneypot", "other"]

    /// `paymentTypes` as a PostgreSQL array literal, sent as a `$n` parameter.
    static var paymentTypesArray: String { "{" + paymentTypes.joined(separator: ",") + "}" }
}

/// The figures read so far: one per group id, and the federation's (the row whose `"groupId"` is
/// NULL, from the empty grouping set).
private struct UsageFigureTable {
    var byGroup: [Int: UsageFigures] = [:]
    var federation = UsageFigures()
    /// Volunteer duties filled and needed, by session of the period.
    var duties: [Int: (group: Int, filled: Int, needed: Int)] = [:]

    mutating func update(_ row: Row, _ apply: (inout UsageFigures, Row) throws -> Void) throws {
        if let id: Int = try row.decodeIfPresent("groupId") {
            try apply(&byGroup[id, default: UsageFigures()], row)
        } else {
            try apply(&federation, row)
        }
    }
}
