import CageotCore
import Foundation

/// The optional blocks of a session's sheet (`contacts`, `planning`): one SELECT each.
/// The `changes` block has its own file.
extension CamapStore {
    /// How many sessions to come are read for the `planning` block: the most a preset may show.
    public static let planningLimit = 12

    /// The group's main contact, and the coordinator and farmer of each contract taking part.
    func sessionContacts(session id: Int) throws -> SessionContacts {
        let sql = """
            SELECT DISTINCT c.id AS "contractId", c.name AS "contractName",
                   \(memberColumns("m", prefix: "m_")), \(memberColumns("cu", prefix: "c_")),
                   v.id AS "vendorId", v.name AS "vendorName", v."peopleName", v.phone AS "vendorPhone", v.email AS "vendorEmail"
            FROM "MultiDistrib" md
            JOIN "Group" g ON g.id = md."groupId"
            LEFT JOIN "User" m ON m.id = g."userId"
            LEFT JOIN ("Distribution" d JOIN "Catalog" c ON c.id = d."catalogId"
                       LEFT JOIN "User" cu ON cu.id = c."userId"
                       LEFT JOIN "Vendor" v ON v.id = c."vendorId") ON d."multiDistribId" = md.id
            WHERE md.id = $1
            ORDER BY c.name, c.id
            """
        var contacts = SessionContacts()
        _ = try connection.query("session contacts", sql, [id]) { row in
            if contacts.mainContact == nil, try row.decodeIfPresent("m_id", as: Int.self) != nil {
                contacts.mainContact = try row.member(prefix: "m_")
            }
            guard let contractId: Int = try row.decodeIfPresent("contractId") else { return }
            let contractName: String = try row.decode("contractName")
            if try row.decodeIfPresent("c_id", as: Int.self) != nil {
                contacts.coordinators.append(.init(contractId: contractId, contractName: contractName, member: try row.member(prefix: "c_")))
            }
            if let vendorId: Int = try row.decodeIfPresent("vendorId") {
                contacts.farmers.append(.init(vendorId: vendorId, name: try row.decodeIfPresent("vendorName") ?? "",
                                              peopleName: try row.decodeIfPresent("peopleName"),
                                              phone: try row.decodeIfPresent("vendorPhone"), email: try row.decodeIfPresent("vendorEmail"),
                                              contractName: contractName))
            }
        }
        return contacts
    }

    /// The group's next `limit` sessions after session `id` (by start, then id), each with the
    /// roles it needs (`volunteerRolesIds`) paired with the members on duty.
    func planning(after id: Int, limit: Int, roleNames: [Int: String]) throws -> [PlannedSession] {
        let sql = """
            SELECT md.id AS "sessionId", md."distribStartDate", md."volunteerRolesIds",
                   v."volunteerRoleId", r.name AS "roleName", \(memberColumns("u", prefix: "u_"))
            FROM (SELECT n.id, n."distribStartDate", n."volunteerRolesIds"
                  FROM "MultiDistrib" n JOIN "MultiDistrib" this ON this.id = $1 AND n."groupId" = this."groupId"
                  WHERE (n."distribStartDate", n.id) > (this."distribStartDate", this.id)
                  ORDER BY n."distribStartDate", n.id LIMIT $2) md
            LEFT JOIN ("Volunteer" v JOIN "User" u ON u.id = v."userId") ON v."multiDistribId" = md.id
            LEFT JOIN "VolunteerRole" r ON r.id = v."volunteerRoleId"
            ORDER BY md."distribStartDate", md.id, v."volunteerRoleId", u.id
            """
        var sessions: [(id: Int, start: LocalDateTime, needed: [Int], duties: [(Int, Member)])] = []
        var names = roleNames
        _ = try connection.query("planning", sql, [id, limit]) { row in
            let sessionId: Int = try row.decode("sessionId")
            if sessions.last?.id != sessionId {
                sessions.append((sessionId, try row.decode("distribStartDate"), parseIds(try row.decodeIfPresent("volunteerRolesIds")), []))
            }
            guard let roleId: Int = try row.decodeIfPresent("volunteerRoleId") else { return }
            if names[roleId] == nil, let name: String = try row.decodeIfPresent("roleName") { names[roleId] = name }
            sessions[sessions.count - 1].duties.append((roleId, try row.member(prefix: "u_")))
        }
        return sessions.map { PlannedSession(id: $0.id, start: $0.start, slots: Self.slots(needed: $0.needed, duties: $0.duties, roleNames: names)) }
    }
}
