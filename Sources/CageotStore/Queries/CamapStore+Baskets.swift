import CageotCore

/// The baskets a batch of workbooks must leave out, read once for the batch: the carts not yet
/// confirmed (`"Basket".status` `OPEN`, or none) at the time of reading, and the last basket id
/// then. The baskets made later (a higher id) are read again, those confirmed hashed once per query.
///
/// Checking each order line's basket by its primary key cost about half of PostgreSQL's time for a
/// batch of payments workbooks (a probe per line, 32,000 a batch); carts are few (a few hundred in
/// the 250-AMAP federation), so excluding them by a list PostgreSQL hashes is cheaper.
public struct UnconfirmedBaskets: Sendable, Equatable {
    public var ids: [Int]
    public var lastId: Int

    public init(ids: [Int], lastId: Int) {
        self.ids = ids
        self.lastId = lastId
    }
}

extension CamapStore {
    /// The carts not yet confirmed now, and the last basket id (one statement, one snapshot: a
    /// row per cart, or one row with no id when there is none).
    public func unconfirmedBaskets() throws -> UnconfirmedBaskets {
        let rows = try connection.query("unconfirmed baskets", """
            SELECT b.id, m."lastId"
            FROM (SELECT coalesce(max(id), 0) AS "lastId" FROM "Basket") m
            LEFT JOIN "Basket" b ON (b.status <> 'OPEN') IS NOT TRUE
            ORDER BY b.id
            """) { row in
            (id: try row.decodeIfPresent("id", as: Int.self), lastId: try row.decode("lastId", as: Int.self))
        }
        return UnconfirmedBaskets(ids: rows.compactMap(\.id), lastId: rows.first?.lastId ?? 0)
    }

    /// What keeps only order lines (`o`) of confirmed baskets: a join and a condition, and the
    /// condition's parameters numbered from `$first`. With `unconfirmed`, the carts read for the
    /// batch are excluded by their list (the query must then run unprepared, so that PostgreSQL
    /// hashes it) and only baskets made since are looked up, in one hashed read of those newer
    /// baskets (a correlated `EXISTS` there cost a quarter of the payments' order-line query);
    /// without, every line's basket is.
    static func confirmedBaskets(_ unconfirmed: UnconfirmedBaskets?, first: Int)
        -> (join: String, condition: String, parameters: [(any SQLParameter)?]) {
        guard let unconfirmed else {
            return (#"JOIN "Basket" b ON b.id = o."basketId""#, "b.status <> 'OPEN'", [])
        }
        return ("", """
            o."basketId" <> ALL ($\(first)::int[]) AND (o."basketId" <= $\(first + 1)
                OR o."basketId" IN (SELECT b.id FROM "Basket" b WHERE b.id > $\(first + 1) AND b.status <> 'OPEN'))
            """, [SQLIntegers(unconfirmed.ids), unconfirmed.lastId])
    }
}
