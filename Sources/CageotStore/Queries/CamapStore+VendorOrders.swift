import CageotCore
import Foundation

extension CamapStore {
    /// Everything a farmer's orders workbook shows for `from`…`to` (both days included): every
    /// distribution of every contract of `vendor`, in every group, that has confirmed
    /// (basket not OPEN), non-cancelled (quantity ≠ 0) lines; those lines; their households.
    /// Throws `NotFound` naming the id when there is no such `"Vendor"` row.
    public func vendorOrdersData(vendor id: Int, from: LocalDate, to: LocalDate) throws -> VendorOrdersData {
        guard let data = try vendorOrdersData(vendors: [id], from: from, to: to)[id] else {
            throw NotFound(entity: "farmer (Vendor)", id: id)
        }
        return data
    }

    /// The same for several farmers in four queries whatever their number (a batch of the week's
    /// workbooks reads a few dozen farmers at a time instead of running four queries each), by
    /// farmer id; an id with no `"Vendor"` row is missing from the result.
    public func vendorOrdersData(vendors ids: [Int], from: LocalDate, to: LocalDate) throws -> [Int: VendorOrdersData] {
        guard !ids.isEmpty else { return [:] }
        let vendors = try connection.query("vendors", """
            SELECT id, name, "peopleName" FROM "Vendor" WHERE id = ANY ($1::int[])
            """, [SQLIntegers(ids)]) { row in
            VendorInfo(id: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "",
                       peopleName: try row.decodeIfPresent("peopleName", as: String.self)?.nonBlank)
        }
        guard !vendors.isEmpty else { return [:] }
        // The lines first: their distributions and households are then read by primary key
        // (`= ANY`), instead of running the lines' joins again in each query.
        let lines = try connection.query("vendor order lines", """
            SELECT \(orderLineColumns), o."distributionId", o."userId2", o.flags AS "orderFlags", dc."vendorId"
            FROM "Catalog" dc
            JOIN "Distribution" d ON d."catalogId" = dc.id
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "UserOrder" o ON o."distributionId" = d.id
            JOIN "Basket" b ON b.id = o."basketId"
            JOIN "Product" p ON p.id = o."productId"
            JOIN "Catalog" c ON c.id = p."catalogId"
            WHERE dc."vendorId" = ANY ($1::int[]) AND b.status <> 'OPEN' AND o.quantity <> 0
              AND COALESCE(d.date, md."distribStartDate")::date BETWEEN $2 AND $3
            ORDER BY o."distributionId", b.num, b.id, p.name, o.id
            """, [SQLIntegers(vendors.map(\.id)), from, to]) { row in
            (vendor: try row.decode("vendorId", as: Int.self),
             line: VendorOrderLine(distributionId: try row.decode("distributionId"), line: try row.orderLine(),
                                   partnerId: try row.decodeIfPresent("userId2"),
                                   startsWithPartner: (try row.decode("orderFlags", as: Int.self)) & 1 != 0))
        }
        var distributionIds = Set<Int>(), memberIds = Set<Int>()
        for (_, entry) in lines {
            distributionIds.insert(entry.distributionId)
            memberIds.insert(entry.line.householdId)
            if let partner = entry.partnerId { memberIds.insert(partner) }
        }
        let distributions: [(vendor: Int, distribution: VendorDistribution)] = distributionIds.isEmpty ? [] : try connection.query("vendor distributions", """
            SELECT d.id, c.id AS "catalogId", c."vendorId", c.name AS "catalogName", g.id AS "groupId",
                   g.name AS "groupName", g.flags, COALESCE(d.date, md."distribStartDate") AS start,
                   -- CAMAP's alternation count, as for the contract grid: the contract's
                   -- distributions from its start up to this one's date, included.
                   (SELECT count(*) FROM "Distribution" d2
                    LEFT JOIN "MultiDistrib" md2 ON md2.id = d2."multiDistribId"
                    WHERE d2."catalogId" = d."catalogId"
                      AND COALESCE(d2.date, md2."distribStartDate") >= c."startDate"
                      AND COALESCE(d2.date, md2."distribStartDate") <= COALESCE(d.date, md."distribStartDate")) AS ordinal
            FROM "Distribution" d
            JOIN "Catalog" c ON c.id = d."catalogId"
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Group" g ON g.id = md."groupId"
            WHERE d.id = ANY ($1::int[])
            ORDER BY start, d.id
            """, [SQLIntegers(distributionIds.sorted())]) { row in
            let flags: Int = try row.decodeIfPresent("flags") ?? 0
            return (vendor: try row.decode("vendorId", as: Int.self), distribution: VendorDistribution(
                id: try row.decode("id"), catalogId: try row.decode("catalogId"),
                catalogName: try row.decodeIfPresent("catalogName") ?? "", groupId: try row.decode("groupId"),
                groupName: try row.decodeIfPresent("groupName") ?? "", hidePhone: flags & (1 << 6) != 0,
                start: try row.decode("start"), ordinal: try row.decode("ordinal")))
        }
        let members: [Member] = memberIds.isEmpty ? [] : try connection.query("vendor households", """
            SELECT \(memberColumns("u")) FROM "User" u WHERE u.id = ANY ($1::int[]) ORDER BY u.id
            """, [SQLIntegers(memberIds.sorted())]) { try $0.member() }
        let memberById = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        let linesBy = Dictionary(grouping: lines, by: \.vendor)
        let distributionsBy = Dictionary(grouping: distributions, by: \.vendor)
        var result: [Int: VendorOrdersData] = [:]
        for vendor in vendors {
            let own = (linesBy[vendor.id] ?? []).map(\.line)
            var ids = Set<Int>()
            for entry in own {
                ids.insert(entry.line.householdId)
                if let partner = entry.partnerId { ids.insert(partner) }
            }
            result[vendor.id] = VendorOrdersData(
                vendor: vendor, from: from, to: to, distributions: (distributionsBy[vendor.id] ?? []).map(\.distribution),
                members: ids.sorted().compactMap { memberById[$0] }, lines: own)
        }
        return result
    }
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
