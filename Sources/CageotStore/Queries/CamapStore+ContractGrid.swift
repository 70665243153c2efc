import CageotCore
import Foundation

/// Why the grid of a contract cannot be made (the unknown catalog is a `NotFound`).
public enum ContractGridError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The range ends before it starts.
    case invalidRange(from: LocalDate, to: LocalDate)
    /// A variable contract (`"Catalog".type` 1): its orders change at each distribution.
    case variableContract(id: Int, name: String)

    public var description: String {
        switch self {
        case let .invalidRange(from, to):
            "the range starts on \(from) but ends on \(to), before it starts. Give --from on or before --to."
        case let .variableContract(id, name):
            "contract \(id) (\(name)) is a variable contract: its orders change at each distribution. This grid is for "
                + "classic contracts (the same basket every time); print its sheet for each distribution "
                + "(`cageot sheet --distribution ID`) or the session's sheet (`cageot sheet --session ID`)."
        }
    }
}

extension CamapStore {
    /// Everything the sign-in grid of classic contract `catalog` between `from` and `to` (both
    /// included) shows. Throws `ContractGridError.invalidRange` when `to` is before `from`, `NotFound`
    /// for an unknown catalog and `ContractGridError.variableContract` for a variable one.
    public func contractGridData(catalog id: Int, from: LocalDate, to: LocalDate) throws -> ContractGridData {
        guard from <= to else { throw ContractGridError.invalidRange(from: from, to: to) }
        guard let contract = try gridContract(id) else { throw NotFound(entity: "contract (Catalog)", id: id) }
        guard contract.type == 0 else { throw ContractGridError.variableContract(id: id, name: contract.name) }
        return ContractGridData(contract: contract, from: from, to: to,
                                distributions: try gridDistributions(catalog: id, from: from, to: to),
                                subscriptions: try gridSubscriptions(catalog: id, from: from, to: to),
                                lines: try gridLines(catalog: id, from: from, to: to),
                                products: try gridProducts(catalog: id))
    }

    private func gridContract(_ id: Int) throws -> ContractGridData.Contract? {
        let sql = """
            SELECT c.id, c.name, c.type, c."groupId", g.name AS "groupName", g.flags AS "groupFlags",
                   v.name AS "vendorName", c."startDate", c."endDate"
            FROM "Catalog" c JOIN "Group" g ON g.id = c."groupId" LEFT JOIN "Vendor" v ON v.id = c."vendorId"
            WHERE c.id = $1
            """
        return try connection.query("grid contract", sql, [id]) { row in
            let flags: Int = try row.decode("groupFlags")
            return ContractGridData.Contract(
                id: try row.decode("id"), name: try row.decode("name"), type: try row.decode("type"),
                groupId: try row.decode("groupId"), groupName: try row.decode("groupName"), hidePhone: flags & (1 << 6) != 0,
                vendorName: try row.decodeIfPresent("vendorName") ?? "",
                startDate: try row.decode("startDate"), endDate: try row.decode("endDate"))
        }.first
    }

    /// The distributions of the range, each with CAMAP's alternation count: the contract's
    /// distributions from its start up to this one, those of the same time included (CAMAP counts
    /// `date <= this date`), so the count runs over the whole contract, not just the range.
    private func gridDistributions(catalog id: Int, from: LocalDate, to: LocalDate) throws -> [ContractGridData.Distribution] {
        let sql = """
            SELECT id, "multiDistribId", day, quantities, ordinal FROM (
                SELECT d.id, d."multiDistribId", d.quantities, COALESCE(d.date, md."distribStartDate") AS day,
                       count(*) FILTER (WHERE COALESCE(d.date, md."distribStartDate") >= c."startDate")
                           OVER (ORDER BY COALESCE(d.date, md."distribStartDate")) AS ordinal
                FROM "Distribution" d
                JOIN "Catalog" c ON c.id = d."catalogId"
                LEFT JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
                WHERE d."catalogId" = $1
            ) counted
            WHERE day >= $2::date AND day < $3::date + 1
            ORDER BY day, id
            """
        return try connection.query("grid distributions", sql, [id, from, to]) { row in
            ContractGridData.Distribution(id: try row.decode("id"), sessionId: try row.decode("multiDistribId"),
                                          date: try row.decode("day"), quantities: try row.decode("quantities"),
                                          ordinal: try row.decode("ordinal"))
        }
    }

    /// Subscriptions whose period overlaps the range, with the holder and the alternation partner.
    private func gridSubscriptions(catalog id: Int, from: LocalDate, to: LocalDate) throws -> [ContractGridData.Subscription] {
        let sql = """
            SELECT s.id AS "subscriptionId", s."startDate", s."endDate", s."absentDistribIds", s."defaultOrders",
                   \(memberColumns("u")), \(memberColumns("p", prefix: "p_"))
            FROM "Subscription" s
            JOIN "User" u ON u.id = s."userId"
            LEFT JOIN "User" p ON p.id = s."userId2"
            WHERE s."catalogId" = $1 AND s."startDate" < $3::date + 1 AND s."endDate" >= $2::date
            ORDER BY s.id
            """
        return try connection.query("grid subscriptions", sql, [id, from, to]) { row in
            let partnerId: Int? = try row.decodeIfPresent("p_id")
            return ContractGridData.Subscription(
                id: try row.decode("subscriptionId"), member: try row.member(),
                partner: try partnerId.map { _ in try row.member(prefix: "p_") },
                startDate: try row.decode("startDate"), endDate: try row.decode("endDate"),
                absentDistributionIds: parseIds(try row.decodeIfPresent("absentDistribIds")),
                defaultOrders: parseDefaultOrders(try row.decodeIfPresent("defaultOrders")))
        }
    }

    /// Non-cancelled lines of the contract at the range's distributions; lines of OPEN baskets
    /// (carts never confirmed) are left out, lines without a basket (older CAMAP data) kept.
    private func gridLines(catalog id: Int, from: LocalDate, to: LocalDate) throws -> [ContractGridData.Line] {
        let sql = """
            SELECT o.id, o."subscriptionId", o."userId", o."userId2", o."distributionId", o.quantity, o.flags,
                   p.id AS "productId", p.name AS "productName", p.qt, p."unitType", p.vat,
                   p.bulk, p."variablePrice", p."multiWeight"
            FROM "UserOrder" o
            JOIN "Distribution" d ON d.id = o."distributionId"
            LEFT JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Product" p ON p.id = o."productId"
            LEFT JOIN "Basket" b ON b.id = o."basketId"
            WHERE d."catalogId" = $1 AND o.quantity <> 0 AND (b.id IS NULL OR b.status <> 'OPEN')
              AND COALESCE(d.date, md."distribStartDate") >= $2::date
              AND COALESCE(d.date, md."distribStartDate") < $3::date + 1
            ORDER BY o.id
            """
        return try connection.query("grid order lines", sql, [id, from, to]) { row in
            ContractGridData.Line(id: try row.decode("id"), subscriptionId: try row.decodeIfPresent("subscriptionId"),
                                  userId: try row.decode("userId"), userId2: try row.decodeIfPresent("userId2"),
                                  distributionId: try row.decode("distributionId"), product: try row.gridProduct(),
                                  quantity: try row.money("quantity"), flags: try row.decode("flags"))
        }
    }

    private func gridProducts(catalog id: Int) throws -> [ProductInfo] {
        let sql = """
            SELECT id AS "productId", name AS "productName", qt, "unitType", vat, bulk, "variablePrice", "multiWeight"
            FROM "Product" WHERE "catalogId" = $1 ORDER BY id
            """
        return try connection.query("grid products", sql, [id]) { try $0.gridProduct() }
    }
}

private extension Row {
    /// A `"Product"` row selected as `productId`, `productName`, `qt`, `unitType`, `vat`, `bulk`…
    func gridProduct() throws -> ProductInfo {
        let unitCode: Int? = try decodeIfPresent("unitType")
        let unit = try unitCode.map { code in
            guard let unit = UnitType(rawValue: code) else {
                throw failure("unitType", expected: "a unit type (0 to 5)", value: String(code))
            }
            return unit
        }
        return ProductInfo(id: try decode("productId"), name: try decode("productName"), qt: try decodeIfPresent("qt"),
                           unitType: unit, vat: try money("vat"), bulk: try decode("bulk"),
                           variablePrice: try decode("variablePrice"), multiWeight: try decode("multiWeight"))
    }
}

/// Reads a subscription's `defaultOrders` (`[{"productId":12,"quantity":1}, …]`), keeping the
/// entries with a product id and a positive quantity and ignoring what is not JSON.
func parseDefaultOrders(_ text: String?) -> [ContractGridData.DefaultOrder] {
    guard let data = text?.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
        return []
    }
    func number(_ value: Any?) -> Decimal? {
        if let n = value as? NSNumber { return Decimal(sqlText: n.stringValue) }
        if let s = value as? String { return Decimal(sqlText: s.trimmingCharacters(in: .whitespaces)) }
        return nil
    }
    return array.compactMap { entry in
        guard let object = entry as? [String: Any], let id = number(object["productId"]), id > 0, id < 1_000_000_000,
              id == id.rounded(), let quantity = number(object["quantity"]), quantity > 0 else { return nil }
        return ContractGridData.DefaultOrder(productId: NSDecimalNumber(decimal: id).intValue, quantity: quantity)
    }
}

private extension Decimal {
    func rounded() -> Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
