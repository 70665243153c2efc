import CageotCore
import Foundation

extension CamapStore {
    /// Everything a contract's payments workbook shows: its subscriptions with their households and
    /// alternation partners, their confirmed (basket not OPEN), non-cancelled (quantity ≠ 0) order
    /// lines, and their payments (`"Operation"` type 2, refunds negative). `from`…`to` is the check
    /// deposit slip's range; nil means the contract's own start or end.
    /// Throws `NotFound` naming the id when there is no such `"Catalog"` row.
    public func paymentsData(catalog id: Int, from: LocalDate? = nil, to: LocalDate? = nil) throws -> PaymentsData {
        let contracts = try connection.query("payments contract", """
            SELECT c.id, c.name, c."startDate"::date AS start, c."endDate"::date AS "end",
                   g.id AS "groupId", g.name AS "groupName", g."checkOrder", v.name AS "vendorName"
            FROM "Catalog" c
            JOIN "Group" g ON g.id = c."groupId"
            LEFT JOIN "Vendor" v ON v.id = c."vendorId"
            WHERE c.id = $1
            """, [id]) { row in
            PaymentsContract(
                id: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                groupId: try row.decode("groupId"), groupName: try row.decodeIfPresent("groupName") ?? "",
                vendorName: try row.decodeIfPresent("vendorName") ?? "",
                checkOrder: try row.decodeIfPresent("checkOrder", as: String.self)?.nonBlank,
                startDate: try row.decode("start"), endDate: try row.decode("end"))
        }
        guard let contract = contracts.first else { throw NotFound(entity: "contract (Catalog)", id: id) }
        let subscriptions = try connection.query("payments subscriptions", """
            SELECT s.id AS "subscriptionId", s."startDate"::date AS start, s."endDate"::date AS "end",
                   \(memberColumns("u")), \(memberColumns("p", prefix: "p_"))
            FROM "Subscription" s
            JOIN "User" u ON u.id = s."userId"
            LEFT JOIN "User" p ON p.id = s."userId2"
            WHERE s."catalogId" = $1
            ORDER BY s.id
            """, [id]) { row in
            let partnerId: Int? = try row.decodeIfPresent("p_id")
            return PaymentsSubscription(
                id: try row.decode("subscriptionId"), member: try row.member(),
                partner: partnerId == nil ? nil : try row.member(prefix: "p_"),
                startDate: try row.decode("start"), endDate: try row.decode("end"))
        }
        let lines = try connection.query("payments order lines", """
            SELECT o.id, o."subscriptionId", o."distributionId", o.quantity, o."productPrice"
            FROM "UserOrder" o
            JOIN "Subscription" s ON s.id = o."subscriptionId"
            JOIN "Basket" b ON b.id = o."basketId"
            WHERE s."catalogId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
            ORDER BY o."subscriptionId", o.id
            """, [id]) { row in
            PaymentsOrderLine(id: try row.decode("id"), subscriptionId: try row.decode("subscriptionId"),
                              distributionId: try row.decode("distributionId"),
                              quantity: try row.money("quantity"), unitPrice: try row.money("productPrice"))
        }
        let payments = try connection.query("payments operations", """
            SELECT op.id, op."subscriptionId", op.date, op.name, op.amount, op.data
            FROM "Operation" op
            JOIN "Subscription" s ON s.id = op."subscriptionId"
            WHERE s."catalogId" = $1 AND op.type = 2
            ORDER BY op.date, op.id
            """, [id]) { row in
            PaymentsOperation(id: try row.decode("id"), subscriptionId: try row.decode("subscriptionId"),
                              date: try row.decode("date"), name: try row.decodeIfPresent("name") ?? "",
                              amount: Money(rounding: try row.money("amount")), data: try row.decodeIfPresent("data"))
        }
        return PaymentsData(contract: contract, from: from ?? contract.startDate, to: to ?? contract.endDate,
                            subscriptions: subscriptions, lines: lines, payments: payments)
    }
}
