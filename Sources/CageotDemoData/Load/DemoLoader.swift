import CageotCore
import CageotStore
import Logging

/// Copies the federation table by table, in foreign-key order, and counts what it loaded.
struct DemoLoader {
    let connection: Connection
    let federation: FederationPlan
    let logger: Logger
    var summary = DemoSummary()
    /// Memberships and balances come out of the Operation pass (they need its ids and amounts):
    /// one small array per group, written later by the Membership and UserGroup passes.
    var memberships: [[MembershipRow]] = []
    var balances: [[Int]] = []

    /// A new COPY statement starts after this many rows, at a group boundary: each statement
    /// queues one foreign-key check per row and constraint on the server until it ends.
    static let rowsPerStatement = 400_000

    static let identityTables = ["File", "User", "Group", "Place", "Vendor", "Catalog", "Product", "VolunteerRole",
                                 "MultiDistrib", "Distribution", "Subscription", "Basket", "UserOrder", "Operation"]

    init(connection: Connection, federation: FederationPlan, logger: Logger) {
        self.connection = connection
        self.federation = federation
        self.logger = logger
    }

    mutating func loadAll() throws {
        summary.files = try copyFiles()
        summary.users = try copyUsers()
        summary.groups = try copyGroups()
        summary.places = try copyPlaces()
        try connection.execute("demo: group places", #"UPDATE "Group" g SET "placeId" = p.id FROM "Place" p WHERE p."groupId" = g.id"#)
        summary.vendors = try copyVendors()
        summary.catalogs = try copyCatalogs()
        summary.products = try copyProducts()
        summary.volunteerRoles = try copyVolunteerRoles()
        summary.sessions = try copySessions()
        summary.distributions = try copyDistributions()
        summary.subscriptions = try copySubscriptions()
        summary.baskets = try copyBaskets()
        summary.orderLines = try copyOrderLines()
        summary.operations = try copyOperations()
        summary.memberships = try copyMemberships()
        summary.volunteers = try copyVolunteers()
        summary.userGroups = try copyUserGroups()
        for table in DemoLoader.identityTables {
            _ = try connection.query("demo: setval \(table)",
                                     "SELECT setval(pg_get_serial_sequence($1, 'id'), max(id)) AS v FROM \(connection.quoteIdentifier(table))",
                                     [connection.quoteIdentifier(table)]) { _ in () }
        }
        try connection.executeScript("demo: analyze", "ANALYZE")
    }

    /// One COPY per table for small tables; for large ones, `copyByGroup`.
    func copy(_ table: String, _ columns: [String], _ body: (CopyWriter) throws -> Void) throws -> Int {
        let rows = try connection.copy(into: table, columns: columns, body)
        logger.debug("demo: loaded \(table)", metadata: ["rows": "\(rows)"])
        return rows
    }

    /// Copies what `write` produces for each group, in group order, in as many COPY statements as
    /// `rowsPerStatement` asks for.
    func copyByGroup(_ table: String, _ columns: [String], _ write: (GroupPlan, CopyWriter) throws -> Void) throws -> Int {
        var next = 0
        var rows = 0
        let groups = federation.groups
        while next < groups.count {
            rows += try connection.copy(into: table, columns: columns) { writer in
                while next < groups.count, writer.rowCount < DemoLoader.rowsPerStatement {
                    try write(groups[next], writer)
                    next += 1
                }
            }
        }
        logger.debug("demo: loaded \(table)", metadata: ["rows": "\(rows)"])
        return rows
    }
}
