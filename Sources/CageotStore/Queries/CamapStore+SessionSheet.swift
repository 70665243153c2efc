import CageotCore
import Foundation

/// The optional blocks of a session's sheet that take queries of their own.
public struct SessionSheetBlocks: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let contacts = SessionSheetBlocks(rawValue: 1)
    public static let planning = SessionSheetBlocks(rawValue: 2)
    public static let changes = SessionSheetBlocks(rawValue: 4)
    public static let all: SessionSheetBlocks = [.contacts, .planning, .changes]
}

/// A session in a listing: enough to name its file and pick it.
public struct SessionSummary: Sendable, Hashable {
    public init(id: Int, groupId: Int, groupName: String, start: LocalDateTime, baskets: Int) {
        self.id = id; self.groupId = groupId; self.groupName = groupName; self.start = start; self.baskets = baskets
    }
    public var id: Int
    public var groupId: Int
    public var groupName: String
    public var start: LocalDateTime
    /// Confirmed baskets with at least one non-cancelled line.
    public var baskets: Int
}

extension CamapStore {
    /// Everything the sign-in sheet of session `id` shows. Throws `NotFound` for an unknown id.
    ///
    /// `blocks` says, from the session's group id (a group may have its own preset), which optional
    /// blocks are read: those its preset leaves out are left empty, which spares their queries
    /// (the changes since the previous session cost more than the rest of the sheet's together).
    public func sessionSheetData(session id: Int, blocks: (_ groupId: Int) throws -> SessionSheetBlocks = { _ in .all })
        throws -> SessionSheetData {
        guard let session = try sessionInfo(id) else { throw NotFound(entity: "distribution session (MultiDistrib)", id: id) }
        let wanted = try blocks(session.info.groupId)
        let lines = try orderLines(session: id)
        let roleNames = try volunteerRoleNames(session: id, groupId: session.info.groupId)
        return SessionSheetData(session: session.info, volunteers: try volunteerSlots(session: id, rolesNeeded: session.roleIds,
                                                                                       roleNames: roleNames),
                                members: try basketMembers(session: id), lines: lines, logo: try logo(session.imageId),
                                contacts: wanted.contains(.contacts) ? try sessionContacts(session: id) : SessionContacts(),
                                planning: wanted.contains(.planning)
                                    ? try planning(after: id, limit: Self.planningLimit, roleNames: roleNames) : [],
                                changes: wanted.contains(.changes) ? try sessionChanges(session: id) : SessionChanges(),
                                balances: try balances(session: id))
    }

    /// The balance in the session's group of each household with a confirmed basket. The column is
    /// a cache CAMAP does not keep exact: a balance that is not a finite number (NaN, ±Infinity,
    /// 1e300) is left out, and the household's sheet says nothing of it, instead of failing the sheet.
    private func balances(session id: Int) throws -> [Int: Decimal] {
        let rows = try connection.query("household balances", """
            SELECT DISTINCT ug."userId", ug.balance
            FROM "MultiDistrib" md
            JOIN "Basket" b ON b."multiDistribId" = md.id AND b.status <> 'OPEN'
            JOIN "UserGroup" ug ON ug."groupId" = md."groupId" AND ug."userId" = b."userId"
            WHERE md.id = $1
            """, [id]) { row in (try row.decode("userId", as: Int.self), try? row.money("balance")) }
        return Dictionary(rows.compactMap { id, balance in balance.map { (id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Sessions, optionally of one group and within a date range (inclusive), by start time then id.
    public func sessions(group: Int? = nil, from: LocalDate? = nil, to: LocalDate? = nil) throws -> [SessionSummary] {
        let sql = """
            SELECT md.id, md."groupId", g.name AS "groupName", md."distribStartDate",
                   (SELECT count(*) FROM "Basket" b
                     WHERE b."multiDistribId" = md.id AND b.status <> 'OPEN'
                       AND EXISTS (SELECT 1 FROM "UserOrder" o WHERE o."basketId" = b.id AND o.quantity <> 0)) AS baskets
            FROM "MultiDistrib" md JOIN "Group" g ON g.id = md."groupId"
            WHERE ($1::integer IS NULL OR md."groupId" = $1)
              AND ($2::date IS NULL OR md."distribStartDate" >= $2::date)
              AND ($3::date IS NULL OR md."distribStartDate" < $3::date + 1)
            ORDER BY md."distribStartDate", md.id
            """
        return try connection.query("sessions", sql, [group, from, to]) { row in
            SessionSummary(id: try row.decode("id"), groupId: try row.decode("groupId"),
                           groupName: try row.decode("groupName"), start: try row.decode("distribStartDate"),
                           baskets: try row.decode("baskets"))
        }
    }

    private struct SessionRow { var info: SessionInfo; var roleIds: [Int]; var imageId: Int? }

    private func sessionInfo(_ id: Int) throws -> SessionRow? {
        let sql = """
            SELECT md.id, md."groupId", g.name AS "groupName", g.flags, g."txtDistrib", g.currency, g."imageId",
                   p.name AS "placeName", p.address1, p.address2, p."zipCode", p.city,
                   md."distribStartDate", md."distribEndDate", md."volunteerRolesIds"
            FROM "MultiDistrib" md
            JOIN "Group" g ON g.id = md."groupId"
            LEFT JOIN "Place" p ON p.id = md."placeId"
            WHERE md.id = $1
            """
        return try connection.query("session", sql, [id]) { row -> SessionRow in
            let street = try ["address1", "address2"].compactMap { try row.decodeIfPresent($0, as: String.self)?.nonBlank }
            let town = [try row.decodeIfPresent("zipCode", as: String.self), try row.decodeIfPresent("city", as: String.self)]
                .compactMap { $0?.nonBlank }.joined(separator: " ")
            let address = (street + [town]).compactMap(\.nonBlank).joined(separator: ", ")
            let flags: Int = try row.decode("flags")
            let info = SessionInfo(
                id: try row.decode("id"), groupId: try row.decode("groupId"), groupName: try row.decode("groupName"),
                hidePhone: flags & (1 << 6) != 0, txtDistrib: try row.decodeIfPresent("txtDistrib"),
                currency: try row.decodeIfPresent("currency", as: String.self)?.nonBlank ?? "€",
                placeName: try row.decodeIfPresent("placeName") ?? "", placeAddress: address,
                start: try row.decode("distribStartDate"), end: try row.decode("distribEndDate"))
            return SessionRow(info: info, roleIds: parseIds(try row.decodeIfPresent("volunteerRolesIds")),
                              imageId: try row.decodeIfPresent("imageId"))
        }.first
    }

    /// Confirmed, non-cancelled lines of the session's baskets (OPEN baskets are carts: ignored).
    private func orderLines(session id: Int) throws -> [OrderLine] {
        let sql = """
            SELECT \(orderLineColumns)
            FROM "Basket" b
            JOIN "UserOrder" o ON o."basketId" = b.id
            JOIN "Product" p ON p.id = o."productId"
            JOIN "Catalog" c ON c.id = p."catalogId"
            WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
            ORDER BY b.num, b.id, c.name, p.name, o.id
            """
        return try connection.query("session order lines", sql, [id]) { try $0.orderLine() }
    }

    /// The households of the session's confirmed baskets. The ids are gathered first (`= ANY
    /// (ARRAY(…))`), so that the planner probes the users' primary key for the few of them instead
    /// of hashing every user (17 ms → 0.8 ms per session on a 20,000-user federation).
    private func basketMembers(session id: Int) throws -> [Member] {
        let sql = """
            SELECT \(memberColumns("u"))
            FROM "User" u
            WHERE u.id = ANY (ARRAY(SELECT COALESCE(b."userId", o."userId")
                                    FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id
                                    WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN'))
            ORDER BY u.id
            """
        return try connection.query("session members", sql, [id]) { try $0.member() }
    }

    /// The names of the group's volunteer roles, and of any role a duty of the session names.
    private func volunteerRoleNames(session id: Int, groupId: Int) throws -> [Int: String] {
        let roles = try connection.query("volunteer roles", """
            SELECT id, name FROM "VolunteerRole" WHERE "groupId" = $1 OR id IN (SELECT "volunteerRoleId" FROM "Volunteer" WHERE "multiDistribId" = $2)
            """, [groupId, id]) { row in (try row.decode("id", as: Int.self), try row.decode("name", as: String.self)) }
        return Dictionary(roles, uniquingKeysWith: { a, _ in a })
    }

    /// The roles the session needs (`volunteerRolesIds`, a role may repeat), each with the member
    /// on duty or nil; duties for roles not listed are shown too.
    private func volunteerSlots(session id: Int, rolesNeeded: [Int], roleNames: [Int: String]) throws -> [VolunteerSlot] {
        let duties = try connection.query("volunteers", """
            SELECT v."volunteerRoleId", \(memberColumns("u"))
            FROM "Volunteer" v JOIN "User" u ON u.id = v."userId"
            WHERE v."multiDistribId" = $1 ORDER BY v."volunteerRoleId", u.id
            """, [id]) { row in (try row.decode("volunteerRoleId", as: Int.self), try row.member()) }
        return Self.slots(needed: rolesNeeded, duties: duties, roleNames: roleNames)
    }

    /// Pairs each needed role with a duty of that role (or nil: still to fill), then adds the
    /// duties for roles not listed.
    static func slots(needed: [Int], duties: [(Int, Member)], roleNames: [Int: String]) -> [VolunteerSlot] {
        var duties = duties
        var slots = [VolunteerSlot]()
        for roleId in needed {
            let name = roleNames[roleId] ?? "Rôle n°\(roleId)"
            if let index = duties.firstIndex(where: { $0.0 == roleId }) {
                slots.append(VolunteerSlot(role: name, member: duties.remove(at: index).1))
            } else {
                slots.append(VolunteerSlot(role: name, member: nil))
            }
        }
        slots += duties.map { VolunteerSlot(role: roleNames[$0.0] ?? "Rôle n°\($0.0)", member: $0.1) }
        return slots
    }

    private func logo(_ imageId: Int?) throws -> [UInt8]? {
        guard let imageId else { return nil }
        return try connection.query("group logo", #"SELECT data FROM "File" WHERE id = $1"#, [imageId]) { row in
            try row.decodeIfPresent("data", as: ByteA.self)?.bytes
        }.first ?? nil
    }
}

/// Reads CAMAP's comma-separated id lists (`"1,2,,x,3"`), skipping what is not a positive integer.
public func parseIds(_ text: String?) -> [Int] {
    (text ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
}
