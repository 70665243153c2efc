/// What a generation loaded: the number of rows of each CAMAP table.
public struct DemoSummary: Sendable, Equatable, CustomStringConvertible {
    public var files = 0
    public var users = 0
    public var groups = 0
    public var places = 0
    public var vendors = 0
    public var catalogs = 0
    public var products = 0
    public var volunteerRoles = 0
    /// `"MultiDistrib"` rows: one distribution session of a group.
    public var sessions = 0
    /// `"Distribution"` rows: one contract taking part in a session.
    public var distributions = 0
    public var subscriptions = 0
    public var baskets = 0
    /// `"UserOrder"` rows.
    public var orderLines = 0
    public var operations = 0
    /// `"Membership"` rows (yearly fees).
    public var memberships = 0
    public var volunteers = 0
    /// `"UserGroup"` rows: members of groups.
    public var userGroups = 0

    public init() {}

    /// Each CAMAP table with its count, in load order.
    public var tables: [(table: String, rows: Int)] {
        [("File", files), ("User", users), ("Group", groups), ("Place", places), ("Vendor", vendors),
         ("Catalog", catalogs), ("Product", products), ("VolunteerRole", volunteerRoles),
         ("MultiDistrib", sessions), ("Distribution", distributions), ("Subscription", subscriptions),
         ("Basket", baskets), ("UserOrder", orderLines), ("Operation", operations),
         ("Membership", memberships), ("Volunteer", volunteers), ("UserGroup", userGroups)]
    }

    public var description: String {
        var lines = ["Demo federation: \(groups) groups, \(users) users, \(vendors) vendors, \(catalogs) contracts, \(products) products",
                     "  \(sessions) sessions, \(distributions) distributions, \(subscriptions) subscriptions",
                     "  \(baskets) baskets, \(orderLines) order lines, \(operations) operations",
                     "  \(memberships) memberships, \(volunteers) volunteer duties, \(userGroups) group members"]
        lines.append("  (also \(places) places, \(volunteerRoles) volunteer roles, \(files) file)")
        return lines.joined(separator: "\n")
    }
}
