import CageotCore
import Foundation

extension CamapStore {
    /// Group `id`'s name and its first `limit` sessions not over at `now` (ending at or after it),
    /// with their distributions. Throws `NotFound` when there is no such `"Group"`.
    public func groupPageData(group id: Int, now: LocalDateTime, limit: Int) throws -> GroupPageData {
        let names = try connection.query("group", #"SELECT name FROM "Group" WHERE id = $1"#, [id]) {
            try $0.decodeIfPresent("name", as: String.self) ?? ""
        }
        guard let name = names.first else { throw NotFound(entity: "group (Group)", id: id) }
        let coming = """
            SELECT md.id FROM "MultiDistrib" md
            WHERE md."groupId" = $1 AND md."distribEndDate" >= $2
            ORDER BY md."distribStartDate", md.id LIMIT $3
            """
        var distributions: [Int: [ComingDistribution]] = [:]
        try connection.query("coming distributions", """
            SELECT d.id, d."multiDistribId", c.name AS "contractName", c.type, v.name AS "vendorName"
            FROM "Distribution" d
            JOIN "Catalog" c ON c.id = d."catalogId"
            JOIN "Vendor" v ON v.id = c."vendorId"
            WHERE d."multiDistribId" IN (\(coming))
            ORDER BY d.id
            """, [id, now, limit]) { row in
            (try row.decode("multiDistribId", as: Int.self),
             ComingDistribution(id: try row.decode("id"), contractName: try row.decodeIfPresent("contractName") ?? "",
                                vendorName: try row.decodeIfPresent("vendorName") ?? "",
                                isVariableContract: try row.decode("type", as: Int.self) == 1))
        }.forEach { distributions[$0.0, default: []].append($0.1) }
        let sessions = try connection.query("coming sessions", """
            SELECT md.id, md."distribStartDate", p.name AS "placeName",
                   (SELECT count(*) FROM "Basket" b
                     WHERE b."multiDistribId" = md.id AND b.status <> 'OPEN'
                       AND EXISTS (SELECT 1 FROM "UserOrder" o WHERE o."basketId" = b.id AND o.quantity <> 0)) AS baskets
            FROM "MultiDistrib" md LEFT JOIN "Place" p ON p.id = md."placeId"
            WHERE md.id IN (\(coming))
            ORDER BY md."distribStartDate", md.id
            """, [id, now, limit]) { row in
            let session: Int = try row.decode("id")
            return ComingSession(id: session, start: try row.decode("distribStartDate"),
                                 placeName: try row.decodeIfPresent("placeName") ?? "", baskets: try row.decode("baskets"),
                                 distributions: Collation.sorted(distributions[session] ?? []) { [$0.contractName] })
        }
        return GroupPageData(groupId: id, groupName: name, sessions: sessions)
    }
}
