import CageotCore
import Foundation

extension CamapStore {
    /// Everything the two sheets of distribution `id` (one contract at one session) show: the
    /// contract, farm, group and place; today's confirmed lines; their households; and each
    /// household's balance on the contract. Throws `NotFound` naming the id when there is no such
    /// `"Distribution"` row.
    public func distributionSheetData(distribution id: Int) throws -> DistributionSheetData {
        guard let info = try distributionInfo(id) else { throw NotFound(entity: "distribution (Distribution)", id: id) }
        return DistributionSheetData(distribution: info, members: try distributionMembers(id), lines: try distributionLines(id),
                                     balances: try contractBalances(info))
    }

    private func distributionInfo(_ id: Int) throws -> DistributionInfo? {
        let sql = """
            SELECT d.id, d."multiDistribId", c.id AS "catalogId", c.name AS "catalogName", c.type AS "catalogType",
                   v.name AS "vendorName", g.id AS "groupId", g.name AS "groupName", g.flags, g.currency,
                   p.name AS "placeName", p.address1, p.address2, p."zipCode", p.city,
                   COALESCE(d.date, md."distribStartDate") AS start, COALESCE(d."end", md."distribEndDate") AS "end"
            FROM "Distribution" d
            JOIN "Catalog" c ON c.id = d."catalogId"
            JOIN "Vendor" v ON v.id = c."vendorId"
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Group" g ON g.id = md."groupId"
            LEFT JOIN "Place" p ON p.id = COALESCE(d."placeId", md."placeId")
            WHERE d.id = $1
            """
        return try connection.query("distribution", sql, [id]) { row in
            let street = try ["address1", "address2"].compactMap { try row.decodeIfPresent($0, as: String.self)?.nonBlank }
            let town = [try row.decodeIfPresent("zipCode", as: String.self), try row.decodeIfPresent("city", as: String.self)]
                .compactMap { $0?.nonBlank }.joined(separator: " ")
            let flags: Int = try row.decode("flags")
            return DistributionInfo(
                id: try row.decode("id"), sessionId: try row.decode("multiDistribId"), catalogId: try row.decode("catalogId"),
                catalogName: try row.decodeIfPresent("catalogName") ?? "", catalogType: try row.decode("catalogType"),
                vendorName: try row.decodeIfPresent("vendorName") ?? "", groupId: try row.decode("groupId"),
                groupName: try row.decodeIfPresent("groupName") ?? "", hidePhone: flags & (1 << 6) != 0,
                currency: try row.decodeIfPresent("currency", as: String.self)?.nonBlank ?? "€",
                placeName: try row.decodeIfPresent("placeName") ?? "",
                placeAddress: (street + [town]).compactMap(\.nonBlank).joined(separator: ", "),
                start: try row.decode("start"), end: try row.decode("end"))
        }.first
    }

    /// Today's confirmed, non-cancelled lines of the contract (OPEN baskets are carts: ignored).
    private func distributionLines(_ id: Int) throws -> [OrderLine] {
        let sql = """
            SELECT \(orderLineColumns)
            FROM "UserOrder" o
            JOIN "Basket" b ON b.id = o."basketId"
            JOIN "Product" p ON p.id = o."productId"
            JOIN "Catalog" c ON c.id = p."catalogId"
            WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
            ORDER BY b.num, b.id, p.name, o.id
            """
        return try connection.query("distribution order lines", sql, [id]) { try $0.orderLine() }
    }

    private func distributionMembers(_ id: Int) throws -> [Member] {
        let sql = """
            SELECT \(memberColumns("u"))
            FROM "User" u
            WHERE u.id = ANY (ARRAY(SELECT COALESCE(b."userId", o."userId")
                                    FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                                    WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0))
            ORDER BY u.id
            """
        return try connection.query("distribution members", sql, [id]) { try $0.member() }
    }

    /// The subscriptions a household's balance covers: those its lines of today name
    /// (`"UserOrder"."subscriptionId"`). A household whose lines name none has no balance: guessing
    /// a subscription would leave its unnamed lines out of the sum and print a wrong figure.
    /// `$1` is the distribution.
    static let balanceSubscriptionsCTE = """
        WITH subs AS (
            SELECT DISTINCT COALESCE(b."userId", o."userId") AS household, o."subscriptionId" AS id
            FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
            WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0 AND o."subscriptionId" IS NOT NULL
        )

        """

    /// Σ payments − Σ order line amounts of each household's subscriptions, over every
    /// distribution: payments are `"Operation"` rows of type 2 naming the subscription (a refund is
    /// negative; pending ones count too: a check handed over is money the AMAP holds); lines are rounded one by one to the
    /// cent, cancelled lines and OPEN carts left out.
    private func contractBalances(_ info: DistributionInfo) throws -> [ContractBalance] {
        let params: [(any SQLParameter)?] = [info.id]
        let subscriptions = try connection.query("balance subscriptions", Self.balanceSubscriptionsCTE + """
            SELECT household, id FROM subs ORDER BY household, id
            """, params) { (try $0.decode("household", as: Int.self), try $0.decode("id", as: Int.self)) }
        var balances: [Int: ContractBalance] = [:]
        var order: [Int] = []
        for (household, subscription) in subscriptions {
            if balances[household] == nil {
                order.append(household)
                balances[household] = ContractBalance(householdId: household, subscriptionIds: [], paid: .zero, ordered: .zero)
            }
            balances[household]!.subscriptionIds.append(subscription)
        }
        guard !order.isEmpty else { return [] }

        try connection.forEach("balance payments", Self.balanceSubscriptionsCTE + """
            SELECT subs.household, op.amount
            FROM subs JOIN "Operation" op ON op."subscriptionId" = subs.id
            WHERE op.type = 2
            """, params) { row in
            balances[try row.decode("household", as: Int.self)]?.paid += Money(rounding: try row.money("amount"))
        }
        try connection.forEach("balance order lines", Self.balanceSubscriptionsCTE + """
            SELECT subs.household, o.quantity, o."productPrice"
            FROM subs JOIN "UserOrder" o ON o."subscriptionId" = subs.id
            LEFT JOIN "Basket" b ON b.id = o."basketId"
            WHERE o.quantity <> 0 AND (b.id IS NULL OR b.status <> 'OPEN')
            """, params) { row in
            balances[try row.decode("household", as: Int.self)]?.ordered +=
                try row.lineAmount(quantity: try row.money("quantity"), unitPrice: try row.money("productPrice"))
        }
        return order.compactMap { balances[$0] }
    }
}
