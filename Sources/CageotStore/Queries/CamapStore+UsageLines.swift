import CageotCore
import Foundation

/// One row of `usageLines`: `part` says which columns are set.
struct UsageLineRow: Sendable {
    enum Part: Sendable {
        /// Lines and cents of a group at one VAT rate in one month.
        case amount(vat: Decimal, month: LocalDate, lines: Int, cents: Int64)
        /// A contract (`"Catalog".id`) with lines in the group, and its farmer.
        case contract(id: Int, vendor: Int)
        /// A session with lines in the group, and the month of those lines' distribution.
        case session(id: Int, month: LocalDate)
        /// The group's baskets among this statement's basket range.
        case baskets(Int)
        /// An active household of the group (never the deleted account).
        case household(Int)
    }

    var groupId: Int
    var part: Part

    init(_ row: Row) throws {
        groupId = try row.decode("groupId")
        let id: Int? = try row.decodeIfPresent("id")
        switch try row.decode("part", as: String.self) {
        case "amount":
            part = .amount(vat: try row.money("vat"), month: try row.decode("month"),
                           lines: try row.decode("lines"), cents: try row.decode("cents"))
        case "contract": part = .contract(id: id ?? 0, vendor: try row.decode("vendor"))
        case "session": part = .session(id: id ?? 0, month: try row.decode("month"))
        case "basket": part = .baskets(id ?? 0)
        default: part = .household(id ?? 0)
        }
    }
}

/// Every figure drawn from the order lines of the baskets whose id is in `$4 ≤ id < $5`, as rows to
/// add up (`UsageLineTotals`): the counted lines (docs/usage-report.md) are split by basket so that
/// two connections can each read a range on one of the two cores, every basket in exactly one
/// range. `$1`, `$2` are the period's first and last days, `$3` the deleted account's e-mail.
///
/// Per line the statement does as little as it can, because it runs two million times:
/// - the lines come from `"UserOrder_basketId"` and `"Basket_pkey"` in basket order, merge-joined;
/// - the line's distribution is looked up in an array indexed by distribution id (`ranks`), built
///   once from the period's distributions, from the lowest id to at most 4 × their count +
///   100,000 above it: 0 when the distribution is not counted (a group created later, an id in
///   between of another period), else the rank of its group. An id beyond the array reads NULL and
///   is looked up in `far`, the period's few distributions with ids far above the others (none in
///   CAMAP's auto-increment ids; a hostile database has some): an array of their span would be huge. Indexing an array keeps the
///   basket order, where a hash join with the distributions would not;
/// - one pass groups the lines two ways: per basket in that order (streaming, no hash table of a
///   million baskets), with the lowest and highest group rank and household of its lines; and per
///   (distribution, product, quantity, price) in a hash table of about 150,000 entries.
/// Everything else joins those much smaller results with the distributions, products and
/// contracts. A basket whose lines lie in two groups, or (with no `userId`) belong to two
/// households, is read again line by line (`odd`, by `"UserOrder_basketId"`): normally none.
/// A line's amount is `round(quantity × productPrice, 2)` in numeric, each double through its
/// shortest text, computed once per distinct (quantity, price), times the lines.
let usageLines = """
    WITH dists AS MATERIALIZED (
        SELECT d.id, md."groupId", dense_rank() OVER (ORDER BY md."groupId") AS rank, md.id AS "sessionId",
               d."catalogId", date_trunc('month', COALESCE(d.date, md."distribStartDate"))::date AS month
        FROM "Distribution" d
        JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
        JOIN "Group" g ON g.id = md."groupId"
        WHERE g.cdate < $2::date + 1
          AND (d.date >= $1::date AND d.date < $2::date + 1
               OR d.date IS NULL AND md."distribStartDate" >= $1::date AND md."distribStartDate" < $2::date + 1)),
    window_ AS (SELECT min(id) AS first, LEAST(max(id), min(id) + 4 * count(*) + 100000) AS last FROM dists),
    ranks AS (
        SELECT array_agg(COALESCE(d.rank, 0)::integer ORDER BY i.id) AS rank, min(i.id) AS first
        FROM generate_series((SELECT first FROM window_), (SELECT last FROM window_)) AS i(id)
        LEFT JOIN dists d ON d.id = i.id),
    far AS MATERIALIZED (SELECT id, rank FROM dists WHERE id > (SELECT last FROM window_)),
    lines AS (
        SELECT o."basketId", o."distributionId", o."productId", o.quantity, o."productPrice",
               COALESCE(b."userId", o."userId") AS household,
               COALESCE((SELECT rank FROM ranks)[o."distributionId" - (SELECT first FROM ranks) + 1],
                        (SELECT f.rank FROM far f WHERE f.id = o."distributionId")) AS rank
        FROM "UserOrder" o
        JOIN "Basket" b ON b.id = o."basketId"
        WHERE b.status <> 'OPEN' AND o.quantity <> 0
          AND o."basketId" >= $4::bigint AND o."basketId" < $5::bigint AND b.id >= $4::bigint AND b.id < $5::bigint),
    sets AS (
        SELECT GROUPING("basketId") AS kind, "basketId", "distributionId", "productId", quantity, "productPrice",
               min(rank) AS rank, max(rank) AS "lastRank", min(household) AS household,
               max(household) AS "lastHousehold", count(*) AS n
        FROM lines WHERE rank <> 0
        GROUP BY GROUPING SETS (("basketId"), ("distributionId", "productId", quantity, "productPrice"))),
    compact AS MATERIALIZED (
        SELECT kind, rank, household, odd, "distributionId", "productId", quantity, "productPrice", sum(n) AS n
        FROM (SELECT kind, CASE WHEN kind = 0 THEN rank END AS rank, CASE WHEN kind = 0 THEN household END AS household,
                     CASE WHEN kind = 0 AND (rank <> "lastRank" OR household <> "lastHousehold") THEN "basketId" END AS odd,
                     "distributionId", "productId", quantity, "productPrice", CASE WHEN kind = 0 THEN 1 ELSE n END AS n
              FROM sets) s
        GROUP BY kind, rank, household, odd, "distributionId", "productId", quantity, "productPrice"),
    groups AS (SELECT DISTINCT rank, "groupId" FROM dists),
    odd AS (
        SELECT DISTINCT l.rank, l."basketId", l.household
        FROM compact c
        CROSS JOIN LATERAL (
            SELECT o."basketId", COALESCE(b."userId", o."userId") AS household,
                   COALESCE((SELECT rank FROM ranks)[o."distributionId" - (SELECT first FROM ranks) + 1],
                        (SELECT f.rank FROM far f WHERE f.id = o."distributionId")) AS rank
            FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
            WHERE o."basketId" = c.odd AND b.status <> 'OPEN' AND o.quantity <> 0) l
        WHERE c.odd IS NOT NULL AND l.rank <> 0),
    households AS (
        SELECT rank, household, n AS baskets FROM compact WHERE kind = 0 AND odd IS NULL
        UNION ALL
        SELECT rank, household, 0 FROM odd),
    prices AS (
        SELECT quantity, "productPrice",
               (round(quantity::text::numeric * "productPrice"::text::numeric, 2) * 100)::bigint AS cents
        FROM (SELECT DISTINCT quantity, "productPrice" FROM compact WHERE kind = 1) q)
    SELECT 'amount' AS part, d."groupId", p.vat::text::numeric AS vat, d.month, sum(c.n)::bigint AS lines,
           sum(c.n * pr.cents)::bigint AS cents, NULL::bigint AS id, NULL::integer AS vendor
    FROM compact c
    JOIN dists d ON d.id = c."distributionId"
    JOIN "Product" p ON p.id = c."productId"
    JOIN prices pr ON pr.quantity = c.quantity AND pr."productPrice" = c."productPrice"
    WHERE c.kind = 1
    GROUP BY d."groupId", p.vat, d.month
    UNION ALL
    SELECT 'contract', d."groupId", NULL, NULL, NULL, NULL, d."catalogId", c."vendorId"
    FROM (SELECT DISTINCT "distributionId" FROM compact WHERE kind = 1) s JOIN dists d ON d.id = s."distributionId"
    JOIN "Catalog" c ON c.id = d."catalogId"
    GROUP BY d."groupId", d."catalogId", c."vendorId"
    UNION ALL
    SELECT 'session', d."groupId", NULL, d.month, NULL, NULL, d."sessionId", NULL
    FROM (SELECT DISTINCT "distributionId" FROM compact WHERE kind = 1) s JOIN dists d ON d.id = s."distributionId"
    GROUP BY d."groupId", d."sessionId", d.month
    UNION ALL
    SELECT 'basket', g."groupId", NULL, NULL, NULL, NULL, b.baskets::bigint, NULL
    FROM (SELECT rank, sum(baskets) AS baskets
          FROM (SELECT rank, baskets FROM households
                UNION ALL
                SELECT rank, count(DISTINCT "basketId") FROM odd GROUP BY rank) x
          GROUP BY rank) b
    JOIN groups g ON g.rank = b.rank
    UNION ALL
    SELECT 'household', g."groupId", NULL, NULL, NULL, NULL, h.household, NULL
    FROM (SELECT DISTINCT rank, household FROM households
          WHERE household NOT IN (SELECT id FROM "User" WHERE email = $3)) h
    JOIN groups g ON g.rank = h.rank
    """
