import CageotCore
import Foundation

extension CamapStore {
    /// Everything a farmer's orders workbook shows for `from`…`to` (both days included): every
    /// distribution of every contract of `vendor`, in every group, that has confirmed
    /// (basket not OPEN), non-cancelled (quantity ≠ 0) lines; those lines; their households.
    /// Throws `NotFound` naming the id when there is no such `"Vendor"` row.
    public func vendorOrdersData(vendor id: Int, from: LocalDate, to: LocalDate) throws -> VendorOrdersData {
        let vendors = try connection.query("vendor", """
            SELECT id, name, "peopleName" FROM "Vendor" WHERE id = $1
            """, [id]) { row in
            VendorInfo(id: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                       peopleName: try row.decodeIfPresent("peopleName", as: String.self)?.nonBlank)
        }
        guard let vendor = vendors.first else { throw NotFound(entity: "farmer (Vendor)", id: id) }
        let params: [(any SQLParameter)?] = [id, from, to]
        let distributions = try connection.query("vendor distributions", Self.vendorLinesCTE + """
            SELECT DISTINCT d.id, c.id AS "catalogId", c.name AS "catalogName", g.id AS "groupId", g.name AS "groupName",
                   g.flags, COALESCE(d.date, md."distribStartDate") AS start,
                   -- CAMAP's alternation count, as for the contract grid: the contract's
                   -- distributions from its start up to this one's date, included.
                   (SELECT count(*) FROM "Distribution" d2
                    LEFT JOIN "MultiDistrib" md2 ON md2.id = d2."multiDistribId"
                    WHERE d2."catalogId" = d."catalogId"
                      AND COALESCE(d2.date, md2."distribStartDate") >= c."startDate"
                      AND COALESCE(d2.date, md2."distribStartDate") <= COALESCE(d.date, md."distribStartDate")) AS ordinal
            FROM "Distribution" d
            JOIN lines l ON l."distributionId" = d.id
            JOIN "Catalog" c ON c.id = d."catalogId"
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Group" g ON g.id = md."groupId"
            ORDER BY start, d.id
            """, params) { row in
            let flags: Int = try row.decodeIfPresent("flags") ?? 0
            return VendorDistribution(
                id: try row.decode("id"), catalogId: try row.decode("catalogId"),
                catalogName: try row.decodeIfPresent("catalogName") ?? "", groupId: try row.decode("groupId"),
                groupName: try row.decodeIfPresent("groupName") ?? "", hidePhone: flags & (1 << 6) != 0,
                start: try row.decode("start"), ordinal: try row.decode("ordinal"))
        }
        let lines = try connection.query("vendor order lines", Self.vendorLinesCTE + """
            SELECT \(orderLineColumns), o."distributionId", o."userId2", o.flags AS "orderFlags"
            FROM lines l
            JOIN "UserOrder" o ON o.id = l.id
            JOIN "Basket" b ON b.id = o."basketId"
            JOIN "Product" p ON p.id = o."productId"
            JOIN "Catalog" c ON c.id = p."catalogId"
            ORDER BY o."distributionId", b.num, b.id, p.name, o.id
            """, params) { row in
            VendorOrderLine(distributionId: try row.decode("distributionId"), line: try row.orderLine(),
                            partnerId: try row.decodeIfPresent("userId2"),
                            startsWithPartner: (try row.decode("orderFlags", as: Int.self)) & 1 != 0)
        }
        let members = try connection.query("vendor households", Self.vendorLinesCTE + """
            SELECT \(memberColumns("u"))
            FROM "User" u
            WHERE u.id IN (SELECT household FROM lines UNION SELECT partner FROM lines)
            """, params) { try $0.member() }
        return VendorOrdersData(vendor: vendor, from: from, to: to, distributions: distributions,
                                members: members.sorted { $0.id < $1.id }, lines: lines)
    }

    /// The vendor's confirmed, non-cancelled lines of the range: `$1` vendor, `$2` first day,
    /// `$3` last day (the distribution's day, a Paris wall-clock date).
    static let vendorLinesCTE = """
        WITH lines AS (
            SELECT o.id, o."distributionId", COALESCE(b."userId", o."userId") AS household, o."userId2" AS partner
            FROM "UserOrder" o
            JOIN "Basket" b ON b.id = o."basketId"
            JOIN "Distribution" d ON d.id = o."distributionId"
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE c."vendorId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
              AND COALESCE(d.date, md."distribStartDate")::date BETWEEN $2 AND $3
        )

        """
}

extension CamapStore {
    /// The farmers with at least one confirmed, non-cancelled line at a distribution in the range.
    /// Asked per distribution of the range (each probes its own lines by index): joining the lines
    /// first made PostgreSQL hash every basket of the year (50 ms instead of 700 at 250 AMAPs).
    public func vendorsWithOrders(from: LocalDate, to: LocalDate) throws -> [Int] {
        try connection.query("vendors with orders", """
            SELECT DISTINCT c."vendorId"
            FROM "Distribution" d
            JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE d.date >= $1::date AND d.date < $2::date + 1
              AND EXISTS (SELECT 1 FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                          WHERE o."distributionId" = d.id AND b.status <> 'OPEN' AND o.quantity <> 0)
            ORDER BY 1
            """, [from, to]) { try $0.decode("vendorId", as: Int.self) }
    }
}
