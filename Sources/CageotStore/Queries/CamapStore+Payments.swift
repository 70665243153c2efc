import CageotCore
import Foundation

extension CamapStore {
    /// Everything a contract's payments workbook shows: its subscriptions with their households and
    /// alternation partners, their confirmed (basket not OPEN), non-cancelled (quantity ≠ 0) order
    /// lines, and their payments (`"Operation"` type 2, refunds negative). `from`…`to` is the check
    /// deposit slip's range; nil means the contract's own start or end.
    /// Throws `NotFound` naming the id when there is no such `"Catalog"` row.
    public func paymentsData(catalog id: Int, from: LocalDate? = nil, to: LocalDate? = nil) throws -> PaymentsData {
        let scope = PaymentsScope(condition: "c.id = $1", parameters: [id])
        guard let data = try paymentsData(scope, from: from, to: to).first else {
            throw NotFound(entity: "contract (Catalog)", id: id)
        }
        return data
    }

    /// The same for several contracts in four queries whatever their number (a batch of
    /// workbooks reads a few dozen contracts at a time), by contract id; an id with no
    /// `"Catalog"` row is missing from the result.
    /// `unconfirmed`, read once for a run of batches, makes the order lines' query cheaper.
    public func paymentsData(catalogs ids: [Int], from: LocalDate? = nil, to: LocalDate? = nil,
                             unconfirmed: UnconfirmedBaskets? = nil) throws -> [Int: PaymentsData] {
        guard !ids.isEmpty else { return [:] }
        let scope = PaymentsScope(condition: "c.id = ANY ($1::int[])", parameters: [SQLIntegers(ids)])
        return Dictionary(uniqueKeysWithValues: try paymentsData(scope, from: from, to: to, unconfirmed: unconfirmed)
            .map { ($0.contract.id, $0) })
    }

    /// The same for every contract of farmer `vendor`, in any group, that starts in `season` (a
    /// calendar year), read in four queries whatever the number of contracts. No contract that
    /// season gives an empty list, not an error. Throws `NotFound` naming the id when there is no
    /// such `"Vendor"` row.
    public func vendorPaymentsData(vendor id: Int, season: Int, from: LocalDate? = nil,
                                   to: LocalDate? = nil) throws -> VendorPaymentsData {
        let vendors = try connection.query("payments vendor", """
            SELECT id, name, "peopleName" FROM "Vendor" WHERE id = $1
            """, [id]) { row in
            VendorInfo(id: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                       peopleName: try row.decodeIfPresent("peopleName", as: String.self)?.nonBlank)
        }
        guard let vendor = vendors.first else { throw NotFound(entity: "farmer (Vendor)", id: id) }
        let scope = PaymentsScope(
            condition: #"c."vendorId" = $1 AND c."startDate" >= $2::date AND c."startDate" < $3::date"#,
            parameters: [id, LocalDate(year: season, month: 1, day: 1), LocalDate(year: season + 1, month: 1, day: 1)])
        return VendorPaymentsData(vendor: vendor, season: season, from: from, to: to,
                                  contracts: try paymentsData(scope, from: from, to: to))
    }

    /// Which contracts to read: a condition on `"Catalog" c` whose values are only `$n` parameters.
    struct PaymentsScope {
        var condition: String
        var parameters: [(any SQLParameter)?]
    }

    /// One `PaymentsData` per contract of `scope`, by group name, start and id: one query per part,
    /// each contract's rows picked out of the results by id.
    func paymentsData(_ scope: PaymentsScope, from: LocalDate?, to: LocalDate?,
                      unconfirmed: UnconfirmedBaskets? = nil) throws -> [PaymentsData] {
        let contracts = try connection.query("payments contracts", """
            SELECT c.id, c.name, c."startDate"::date AS start, c."endDate"::date AS "end",
                   g.id AS "groupId", g.name AS "groupName", g."checkOrder", v.name AS "vendorName"
            FROM "Catalog" c
            JOIN "Group" g ON g.id = c."groupId"
            LEFT JOIN "Vendor" v ON v.id = c."vendorId"
            WHERE \(scope.condition)
            ORDER BY g.name, c."startDate", c.id
            """, scope.parameters) { row in
            PaymentsContract(
                id: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                groupId: try row.decode("groupId"), groupName: try row.decodeIfPresent("groupName") ?? "",
                vendorName: try row.decodeIfPresent("vendorName") ?? "",
                checkOrder: try row.decodeIfPresent("checkOrder", as: String.self)?.nonBlank,
                startDate: try row.decode("start"), endDate: try row.decode("end"))
        }
        guard !contracts.isEmpty else { return [] }
        let subscriptions = try connection.query("payments subscriptions", """
            SELECT s.id AS "subscriptionId", s."catalogId", s."startDate"::date AS start, s."endDate"::date AS "end",
                   \(memberColumns("u")), \(memberColumns("p", prefix: "p_"))
            FROM "Subscription" s
            JOIN "Catalog" c ON c.id = s."catalogId"
            JOIN "User" u ON u.id = s."userId"
            LEFT JOIN "User" p ON p.id = s."userId2"
            WHERE \(scope.condition)
            ORDER BY s.id
            """, scope.parameters) { row in
            let partnerId: Int? = try row.decodeIfPresent("p_id")
            return (catalog: try row.decode("catalogId", as: Int.self), subscription: PaymentsSubscription(
                id: try row.decode("subscriptionId"), member: try row.member(),
                partner: partnerId == nil ? nil : try row.member(prefix: "p_"),
                startDate: try row.decode("start"), endDate: try row.decode("end")))
        }
        // Each line's amount is round(quantity × productPrice, 2) in numeric, each double read
        // through its shortest text as the Swift decoders read it: the same cents as Money.lineAmount.
        let confirmed = Self.confirmedBaskets(unconfirmed, first: scope.parameters.count + 1)
        let orders = try connection.query("payments orders", """
            SELECT o."subscriptionId", count(*) AS lines, count(DISTINCT o."distributionId") AS distributions,
                   sum((round(o.quantity::text::numeric * o."productPrice"::text::numeric, 2) * 100)::bigint) AS cents
            FROM "UserOrder" o
            JOIN "Subscription" s ON s.id = o."subscriptionId"
            JOIN "Catalog" c ON c.id = s."catalogId"
            \(confirmed.join)
            WHERE \(scope.condition) AND \(confirmed.condition) AND o.quantity <> 0
            GROUP BY o."subscriptionId"
            ORDER BY o."subscriptionId"
            """, scope.parameters + confirmed.parameters, prepared: unconfirmed == nil) { row in
            PaymentsOrders(subscriptionId: try row.decode("subscriptionId"), lines: try row.decode("lines"),
                           distributions: try row.decode("distributions"), amount: Money(cents: try row.decode("cents")))
        }
        let payments = try connection.query("payments operations", """
            SELECT op.id, op."subscriptionId", op.date, op.name, op.amount, op.data
            FROM "Operation" op
            JOIN "Subscription" s ON s.id = op."subscriptionId"
            JOIN "Catalog" c ON c.id = s."catalogId"
            WHERE \(scope.condition) AND op.type = 2
            ORDER BY op.date, op.id
            """, scope.parameters) { row in
            PaymentsOperation(id: try row.decode("id"), subscriptionId: try row.decode("subscriptionId"),
                              date: try row.decode("date"), name: try row.decodeIfPresent("name") ?? "",
                              amount: Money(rounding: try row.money("amount")), data: try row.decodeIfPresent("data"))
        }
        let catalogOf = Dictionary(uniqueKeysWithValues: subscriptions.map { ($0.subscription.id, $0.catalog) })
        let subscriptionsBy = Dictionary(grouping: subscriptions, by: \.catalog)
        let ordersBy = Dictionary(grouping: orders) { catalogOf[$0.subscriptionId] }
        let paymentsBy = Dictionary(grouping: payments) { catalogOf[$0.subscriptionId] }
        return contracts.map { c in
            PaymentsData(contract: c, from: from ?? c.startDate, to: to ?? c.endDate,
                         subscriptions: (subscriptionsBy[c.id] ?? []).map(\.subscription),
                         orders: ordersBy[c.id] ?? [], payments: paymentsBy[c.id] ?? [])
        }
    }
}
