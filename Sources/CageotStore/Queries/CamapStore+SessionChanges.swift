import CageotCore
import Foundation

extension CamapStore {
    /// What changed since the group's previous session (the latest one starting before this
    /// one), for the contracts taking part in this session. Days, not times, decide whether a
    /// subscription has started or ended: CAMAP stores its dates at midnight while sessions start
    /// in the evening. Absences are filtered here with `parseIds`, the lists being loose text.
    func sessionChanges(session id: Int) throws -> SessionChanges {
        var changes = SessionChanges()
        _ = try connection.query("session changes", Self.changesSQL, [id]) { row in
            if changes.previous == nil {
                changes.previous = .init(id: try row.decode("previousId"), start: try row.decode("previousStart"))
            }
            guard let code: String = try row.decodeIfPresent("kind") else { return }
            guard let kind = SessionChanges.Item.Kind(rawValue: code) else {
                throw row.failure("kind", expected: "a kind of change", value: code)
            }
            if kind == .absence {
                let distribution: Int = try row.decode("distributionId")
                guard parseIds(try row.decodeIfPresent("absentDistribIds")).contains(distribution) else { return }
            }
            let productId: Int? = try row.decodeIfPresent("productId")
            let product = try productId.map { id in
                ProductInfo(id: id, name: try row.decode("productName"), qt: try row.decodeIfPresent("qt"),
                            unitType: try row.decodeIfPresent("unitType", as: Int.self).flatMap(UnitType.init(rawValue:)),
                            bulk: try row.decode("bulk"), variablePrice: try row.decode("variablePrice"),
                            multiWeight: try row.decode("multiWeight"))
            }
            let date: LocalDateTime? = try row.decodeIfPresent("date")
            changes.items.append(.init(kind: kind, member: try row.member(), contractName: try row.decode("contractName"),
                                       product: product, before: try row.decodeIfPresent("before"),
                                       after: try row.decodeIfPresent("after"), date: date?.date))
        }
        return changes
    }

    /// One row per change, tagged by `kind`, each kind a branch of `items`; `prev` holds at most
    /// one session, so no previous session gives no row at all, and a previous session with no
    /// change gives one row whose kind is null.
    static let changesSQL = """
        WITH this AS (SELECT id, "groupId", "distribStartDate" AS start FROM "MultiDistrib" WHERE id = $1),
        prev AS (
            SELECT md.id, md."distribStartDate" AS start FROM "MultiDistrib" md JOIN this ON md."groupId" = this."groupId"
            WHERE md."distribStartDate" < this.start
            ORDER BY md."distribStartDate" DESC, md.id DESC LIMIT 1),
        contracts AS (SELECT d.id AS "distributionId", d."catalogId" FROM "Distribution" d WHERE d."multiDistribId" = $1),
        totals AS (
            SELECT b."multiDistribId" AS session, COALESCE(b."userId", o."userId") AS "userId", p."catalogId", o."productId",
                   sum(o.quantity::numeric) AS quantity
            FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id
            JOIN "Product" p ON p.id = o."productId" JOIN "Catalog" c ON c.id = p."catalogId"
            WHERE b."multiDistribId" IN ($1, (SELECT id FROM prev)) AND b.status <> 'OPEN' AND o.quantity <> 0
              AND c.type = 1 AND c.id IN (SELECT "catalogId" FROM contracts)
            GROUP BY 1, 2, 3, 4),
        items AS (
            SELECT 'newSubscription' AS kind, s."userId", s."catalogId", NULL::integer AS "productId",
                   NULL::numeric AS before, NULL::numeric AS after, s."startDate" AS date,
                   NULL::text AS "absentDistribIds", NULL::integer AS "distributionId"
            FROM "Subscription" s, this, prev
            WHERE s."catalogId" IN (SELECT "catalogId" FROM contracts)
              AND s."startDate" >= prev.start::date + 1 AND s."startDate" < this.start::date + 1
            UNION ALL
            SELECT 'endedSubscription', s."userId", s."catalogId", NULL, NULL, NULL, s."endDate", NULL, NULL
            FROM "Subscription" s, this, prev
            WHERE s."catalogId" IN (SELECT "catalogId" FROM contracts)
              AND s."endDate" >= prev.start::date AND s."endDate" < this.start::date
            UNION ALL
            SELECT 'absence', s."userId", s."catalogId", NULL, NULL, NULL, NULL, s."absentDistribIds", ct."distributionId"
            FROM "Subscription" s JOIN contracts ct ON ct."catalogId" = s."catalogId", prev
            WHERE s."absentDistribIds" LIKE '%' || ct."distributionId" || '%'
            UNION ALL
            SELECT 'cancelledLine', COALESCE(b."userId", o."userId"), p."catalogId", o."productId", NULL, 0, NULL, NULL, NULL
            FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id JOIN "Product" p ON p.id = o."productId", prev
            WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN' AND o.quantity = 0
            UNION ALL
            SELECT 'changedQuantity', COALESCE(a."userId", b."userId"), COALESCE(a."catalogId", b."catalogId"),
                   COALESCE(a."productId", b."productId"), b.quantity, a.quantity, NULL, NULL, NULL
            FROM (SELECT * FROM totals WHERE session = $1) a
            FULL JOIN (SELECT * FROM totals WHERE session <> $1) b ON b."userId" = a."userId" AND b."productId" = a."productId"
            WHERE a.quantity IS DISTINCT FROM b.quantity)
        SELECT prev.id AS "previousId", prev.start AS "previousStart", i.kind, i.before, i.after, i.date,
               i."absentDistribIds", i."distributionId", c.name AS "contractName",
               p.id AS "productId", p.name AS "productName", p.qt, p."unitType", p.bulk, p."variablePrice", p."multiWeight",
               \(memberColumns("u"))
        FROM prev
        LEFT JOIN (items i JOIN "Catalog" c ON c.id = i."catalogId" JOIN "User" u ON u.id = i."userId"
                   LEFT JOIN "Product" p ON p.id = i."productId") ON true
        ORDER BY i.kind, u.id, c.name, p.name, i.date
        """
}
