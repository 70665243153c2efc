import CageotCore
import Foundation

extension CamapStore {
    /// The account that owns the history of deleted accounts: its orders and payments count, but it
    /// is neither an active household nor a member.
    public static let deletedAccountEmail = "deleted@camap.tld"

    /// The figures of the federation's usage report over `period`, as defined in
    /// docs/usage-report.md: one row per group created by the end of the period (by name ignoring
    /// case and accents, then id), the federation's own figures, and every month of the period.
    /// Five SELECTs in one read-only transaction, each aggregating in SQL (GROUP BY, with
    /// `GROUPING SETS` for the federation's row), whatever the number of groups and order lines:
    /// the groups, every figure drawn from the order lines (joined once), members, memberships and
    /// payments. Swift only decodes the aggregated rows and sorts the groups.
    public func usageReportData(period: UsagePeriod) throws -> UsageReportData {
        try connection.transaction {
            // One snapshot for every query, so that the parts add up; memory enough to sort and
            // hash two million lines without spilling, and no JIT (it costs more than it saves
            // on a query run once).
            try connection.executeScript("usage settings", """
                SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
                SET LOCAL work_mem = '64MB';
                SET LOCAL jit = off
                """)
            return try readUsageReportData(period: period)
        }
    }

    private func readUsageReportData(period: UsagePeriod) throws -> UsageReportData {
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
        var months: [MonthUsage] = []
        _ = try connection.query("usage orders", usageOrders, withDeleted) { row in
            let part: String = try row.decode("part")
            if part == "month" {
                months.append(MonthUsage(month: try row.decode("month"), turnover: Money(cents: try row.decode("cents")),
                                         sessionsHeld: try row.decode("sessions")))
                return
            }
            try figures.update(row) { f, row in
                switch part {
                case "orders":
                    f.orderLines = try row.decode("lines"); f.baskets = try row.decode("baskets")
                    f.activeHouseholds = try row.decode("households"); f.turnover = Money(cents: try row.decode("cents"))
                case "contracts":
                    f.activeContracts = try row.decode("contracts"); f.vendors = try row.decode("vendors")
                case "sessions":
                    f.sessionsHeld = try row.decode("sessions")
                    f.dutiesFilled = try row.decode("filled"); f.dutiesNeeded = try row.decode("needed")
                default:
                    f.turnoverByVAT.append(VATAmount(rate: try row.money("vat"), amount: Money(cents: try row.decode("cents"))))
                }
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
                       substring(op.data FROM '^\\s*\\{.*"type"\\s*:\\s*"([a-z-]+)".*\\}\\s*$') AS type
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
/// the end of the period, placed in the period by their distribution's date (the session's when
/// null): `$1` and `$2` are the first and last days. The date test is spelled as two ranges rather
/// than one on a COALESCE so that the planner can estimate it from the columns' statistics (with
/// the COALESCE it expected 9 times fewer lines and chose 2 million index probes).
private let usageLines = """
    SELECT md."groupId", md.id AS "sessionId", b.id AS "basketId", COALESCE(b."userId", o."userId") AS household,
           d."catalogId", p.vat, o.quantity, o."productPrice",
           date_trunc('month', COALESCE(d.date, md."distribStartDate")) AS month
    FROM "UserOrder" o
    JOIN "Basket" b ON b.id = o."basketId"
    JOIN "Distribution" d ON d.id = o."distributionId"
    JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
    JOIN "Group" g ON g.id = md."groupId"
    JOIN "Product" p ON p.id = o."productId"
    WHERE b.status <> 'OPEN' AND o.quantity <> 0 AND g.cdate < $2::date + 1
      AND (d.date >= $1::date AND d.date < $2::date + 1
           OR d.date IS NULL AND md."distribStartDate" >= $1::date AND md."distribStartDate" < $2::date + 1)
    """

/// Every figure drawn from the order lines, in one statement that joins the lines once
/// (`MATERIALIZED`) and aggregates them several ways; `part` says which. Counts of things that
/// belong to one group (baskets, sessions, contracts) add up to the federation's; households and
/// farmers are counted once across groups. `$3` is the deleted account's e-mail.
///
/// A line's amount is `round(quantity × productPrice, 2)`, half away from zero, in numeric, each
/// double read through its shortest text (`2.675`) as the Swift decoders read it, kept in integer
/// cents. Computing it is half the cost of the whole statement, so `amounts` computes it once per
/// distinct (quantity, price) of each group, VAT rate and month, times the number of such lines:
/// the same sum of rounded lines, with 10 times fewer numeric operations.
private let usageOrders = """
    WITH lines AS MATERIALIZED (\(usageLines)),
    deleted AS (SELECT id FROM "User" WHERE email = $3),
    sets AS MATERIALIZED (
        SELECT CASE WHEN GROUPING(household) = 0 THEN 'household' WHEN GROUPING("catalogId") = 0 THEN 'contract'
                    WHEN GROUPING("sessionId") = 0 THEN 'session' ELSE 'amount' END AS kind,
               "groupId", vat, month, quantity, "productPrice", "sessionId", "catalogId", household, count(*) AS n
        FROM lines
        GROUP BY GROUPING SETS (("groupId", vat, month, quantity, "productPrice"), ("groupId", "sessionId", month),
                                ("groupId", "catalogId"), ("groupId", household))),
    amounts AS (
        SELECT "groupId", vat, month, sum(n) AS lines,
               sum(n * (round(quantity::text::numeric * "productPrice"::text::numeric, 2) * 100)::bigint) AS cents
        FROM sets WHERE kind = 'amount' GROUP BY "groupId", vat, month),
    households AS (SELECT "groupId", household FROM sets
                   WHERE kind = 'household' AND household NOT IN (SELECT id FROM deleted)),
    groups AS (
        SELECT a."groupId", a.lines, a.cents, b.baskets, COALESCE(h.households, 0) AS households
        FROM (SELECT "groupId", sum(lines) AS lines, sum(cents) AS cents FROM amounts GROUP BY "groupId") a
        JOIN (SELECT "groupId", count(*) AS baskets FROM (SELECT DISTINCT "groupId", "basketId" FROM lines) b
              GROUP BY "groupId") b ON b."groupId" = a."groupId"
        LEFT JOIN (SELECT "groupId", count(*) AS households FROM households GROUP BY "groupId") h
          ON h."groupId" = a."groupId"),
    held AS (SELECT "groupId", "sessionId", month FROM sets WHERE kind = 'session'),
    contracts AS (SELECT s."groupId", s."catalogId", c."vendorId"
                  FROM sets s JOIN "Catalog" c ON c.id = s."catalogId" WHERE s.kind = 'contract'),
    duties AS (
        SELECT h."groupId", h."sessionId",
               (SELECT count(*) FROM "Volunteer" v WHERE v."multiDistribId" = h."sessionId") AS filled,
               (SELECT count(*) FROM regexp_split_to_table(COALESCE(md."volunteerRolesIds", ''), ',') AS role(id)
                WHERE btrim(role.id) ~ '^[0-9]+$') AS needed
        FROM (SELECT DISTINCT "groupId", "sessionId" FROM held) h JOIN "MultiDistrib" md ON md.id = h."sessionId")
    SELECT 'orders' AS part, "groupId", lines, baskets, households, cents,
           NULL::bigint AS contracts, NULL::bigint AS vendors, NULL::bigint AS sessions, NULL::bigint AS filled,
           NULL::bigint AS needed, NULL::numeric AS vat, NULL::date AS month
    FROM groups
    UNION ALL
    SELECT 'orders', NULL, COALESCE(sum(lines), 0), COALESCE(sum(baskets), 0),
           (SELECT count(DISTINCT household) FROM households),
           COALESCE(sum(cents), 0), NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM groups
    UNION ALL
    SELECT 'contracts', "groupId", NULL, NULL, NULL, NULL, count(DISTINCT "catalogId"), count(DISTINCT "vendorId"),
           NULL, NULL, NULL, NULL, NULL
    FROM contracts GROUP BY GROUPING SETS (("groupId"), ())
    UNION ALL
    SELECT 'sessions', "groupId", NULL, NULL, NULL, NULL, NULL, NULL, count(*), COALESCE(sum(filled), 0),
           COALESCE(sum(needed), 0), NULL, NULL
    FROM duties GROUP BY GROUPING SETS (("groupId"), ())
    UNION ALL
    SELECT 'vat', "groupId", NULL, NULL, NULL, sum(cents), NULL, NULL, NULL, NULL, NULL, vat::text::numeric, NULL
    FROM amounts GROUP BY GROUPING SETS (("groupId", vat), (vat))
    UNION ALL
    SELECT 'month', NULL, NULL, NULL, NULL, COALESCE((SELECT sum(cents) FROM amounts a WHERE a.month = s.month), 0), NULL, NULL,
           (SELECT count(DISTINCT "sessionId") FROM held h WHERE h.month = s.month), NULL, NULL, NULL, s.month::date
    FROM generate_series(date_trunc('month', $1::date::timestamp), $2::date::timestamp, interval '1 month') AS s(month)
    ORDER BY vat, month
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
