import CageotCore
import Foundation

extension CamapStore {
    /// The account that owns the history of deleted accounts: its orders and payments count, but it
    /// is neither an active household nor a member.
    public static let deletedAccountEmail = "deleted@camap.tld"

    /// The figures of the federation's usage report over `period`, as defined in
    /// docs/usage-report.md: one row per group created by the end of the period (by name ignoring
    /// case and accents, then id), the federation's own figures, and every month of the period.
    /// Eight SELECTs, each aggregating in SQL (GROUP BY, with `GROUPING SETS` for the federation
    /// row), whatever the number of groups and order lines.
    public func usageReportData(period: UsagePeriod) throws -> UsageReportData {
        let range: [(any SQLParameter)?] = [period.from, period.to]
        let withDeleted = range + [Self.deletedAccountEmail]
        let listed = try connection.query("usage groups", """
            SELECT id, name, cdate::date AS created, disabled FROM "Group" WHERE cdate < $1::date + 1 ORDER BY id
            """, [period.to]) { row in
            GroupUsage(groupId: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                       createdOn: try row.decode("created"), disabled: try row.decodeIfPresent("disabled"),
                       figures: UsageFigures())
        }
        var figures = UsageFigureTable()
        _ = try connection.query("usage orders", """
            WITH lines AS (\(usageLines))
            SELECT "groupId", count(*) AS lines, count(DISTINCT "basketId") AS baskets,
                   count(DISTINCT household) FILTER (WHERE household IS DISTINCT FROM
                       (SELECT id FROM "User" WHERE email = $3)) AS households,
                   count(DISTINCT "catalogId") AS contracts, count(DISTINCT "vendorId") AS vendors,
                   COALESCE(sum(amount), 0) AS turnover
            FROM lines
            GROUP BY GROUPING SETS (("groupId"), ())
            """, withDeleted) { row in
            try figures.update(row) { f, row in
                f.orderLines = try row.decode("lines"); f.baskets = try row.decode("baskets")
                f.activeHouseholds = try row.decode("households"); f.activeContracts = try row.decode("contracts")
                f.vendors = try row.decode("vendors"); f.turnover = try row.cents("turnover")
            }
        }
        _ = try connection.query("usage VAT", """
            WITH lines AS (\(usageLines))
            SELECT "groupId", vat, sum(amount) AS amount
            FROM lines
            GROUP BY GROUPING SETS (("groupId", vat), (vat))
            ORDER BY vat
            """, range) { row in
            try figures.update(row) { f, row in
                f.turnoverByVAT.append(VATAmount(rate: try row.money("vat"), amount: try row.cents("amount")))
            }
        }
        _ = try connection.query("usage sessions", """
            WITH held AS (SELECT DISTINCT "groupId", "sessionId" FROM (\(usageLines)) lines)
            SELECT h."groupId", count(*) AS sessions, COALESCE(sum(filled.n), 0) AS filled, COALESCE(sum(needed.n), 0) AS needed
            FROM held h
            JOIN "MultiDistrib" md ON md.id = h."sessionId"
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM "Volunteer" v WHERE v."multiDistribId" = md.id) filled
            CROSS JOIN LATERAL (
                SELECT count(*) AS n FROM regexp_split_to_table(COALESCE(md."volunteerRolesIds", ''), ',') AS role(id)
                WHERE btrim(role.id) ~ '^[0-9]+$') needed
            GROUP BY GROUPING SETS ((h."groupId"), ())
            """, range) { row in
            try figures.update(row) { f, row in
                f.sessionsHeld = try row.decode("sessions")
                f.dutiesFilled = try row.decode("filled"); f.dutiesNeeded = try row.decode("needed")
            }
        }
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
            SELECT m."groupId", count(*) AS paid, COALESCE(sum(round(m.amount::text::numeric, 2)), 0) AS amount
            FROM "Membership" m
            JOIN "Group" g ON g.id = m."groupId"
            LEFT JOIN "MultiDistrib" md ON md.id = m."distributionId"
            WHERE g.cdate < $2::date + 1
              AND COALESCE(m.date, md."distribStartDate"::date, make_date(m.year, 1, 1)) BETWEEN $1::date AND $2::date
            GROUP BY GROUPING SETS ((m."groupId"), ())
            """, range) { row in
            try figures.update(row) { f, row in
                f.membershipsPaid = try row.decode("paid"); f.membershipAmount = try row.cents("amount")
            }
        }
        _ = try connection.query("usage payments", """
            WITH payments AS (
                SELECT op."groupId", round(op.amount::text::numeric, 2) AS amount,
                       substring(op.data FROM '^\\s*\\{.*"type"\\s*:\\s*"([a-z-]+)".*\\}\\s*$') AS type
                FROM "Operation" op
                JOIN "Group" g ON g.id = op."groupId"
                WHERE op.type = 2 AND NOT op.pending AND g.cdate < $2::date + 1
                  AND op.date >= $1::date AND op.date < $2::date + 1)
            SELECT "groupId", kind, count(*) AS count, sum(amount) AS amount
            FROM (SELECT "groupId", amount, CASE WHEN type = ANY ($3::text[]) THEN type ELSE 'other' END AS kind
                  FROM payments) typed
            GROUP BY GROUPING SETS (("groupId", kind), (kind))
            ORDER BY array_position($3::text[], kind)
            """, range + [Self.paymentTypesArray]) { row in
            try figures.update(row) { f, row in
                f.payments.append(PaymentTypeTotal(type: try row.decode("kind"), count: try row.decode("count"),
                                                   amount: try row.cents("amount")))
            }
        }
        let months = try connection.query("usage months", """
            WITH lines AS (\(usageLines)),
            totals AS (
                SELECT date_trunc('month', "at") AS month, COALESCE(sum(amount), 0) AS turnover, count(DISTINCT "sessionId") AS sessions
                FROM lines GROUP BY 1)
            SELECT m.month::date AS month, COALESCE(t.turnover, 0) AS turnover, COALESCE(t.sessions, 0) AS sessions
            FROM generate_series(date_trunc('month', $1::date::timestamp), $2::date::timestamp, interval '1 month') AS m(month)
            LEFT JOIN totals t ON t.month = m.month
            ORDER BY m.month
            """, range) { row in
            MonthUsage(month: try row.decode("month"), turnover: try row.cents("turnover"),
                       sessionsHeld: try row.decode("sessions"))
        }
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

/// The confirmed (basket not OPEN), non-cancelled (quantity ≠ 0) order lines of groups created by
/// the end of the period, placed in the period by their distribution's date: `$1` and `$2` are the
/// first and last days. Each line's amount is rounded to the cent, half away from zero, in numeric:
/// doubles go through their shortest text (`2.675`), as the Swift decoders read them.
private let usageLines = """
    SELECT md."groupId", md.id AS "sessionId", b.id AS "basketId", COALESCE(b."userId", o."userId") AS household,
           d."catalogId", c."vendorId", p.vat::text::numeric AS vat,
           round(o.quantity::text::numeric * o."productPrice"::text::numeric, 2) AS amount,
           COALESCE(d.date, md."distribStartDate") AS "at"
    FROM "UserOrder" o
    JOIN "Basket" b ON b.id = o."basketId"
    JOIN "Distribution" d ON d.id = o."distributionId"
    JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
    JOIN "Group" g ON g.id = md."groupId"
    JOIN "Catalog" c ON c.id = d."catalogId"
    JOIN "Product" p ON p.id = o."productId"
    WHERE b.status <> 'OPEN' AND o.quantity <> 0 AND g.cdate < $2::date + 1
      AND COALESCE(d.date, md."distribStartDate") >= $1::date
      AND COALESCE(d.date, md."distribStartDate") < $2::date + 1
    """

/// The figures read so far: one per group id, and the federation's (the row whose `"groupId"` is
/// NULL, from the empty grouping set).
private struct UsageFigureTable {
    var byGroup: [Int: UsageFigures] = [:]
    var federation = UsageFigures()

    mutating func update(_ row: Row, _ apply: (inout UsageFigures, Row) throws -> Void) throws {
        if let id: Int = try row.decodeIfPresent("groupId") {
            try apply(&byGroup[id, default: UsageFigures()], row)
        } else {
            try apply(&federation, row)
        }
    }
}

extension Row {
    /// An exact sum of cents computed in numeric, read without going through a double.
    fileprivate func cents(_ column: String) throws -> Money { Money(rounding: try money(column)) }
}
