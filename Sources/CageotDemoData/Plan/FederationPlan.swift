import CageotCore

/// The skeleton of the federation, small enough to keep in memory whatever its size: groups,
/// contracts, products, sessions, distributions and subscriptions, with their ids.
///
/// The voluminous rows (baskets, order lines, operations) are not here: `GroupActivity` derives
/// them from one group's plan when a table is copied, and forgets them before the next group.
struct FederationPlan {
    let options: DemoOptions
    /// The scenario's "today": sessions before it are past (baskets validated, duties filled).
    let today: LocalDateTime
    let households: Int
    /// Households of the suspended group.
    let dormantHouseholds: Int
    let vendorsPerKind: Int
    /// Active groups, then the suspended one.
    var groups: [GroupPlan] = []

    static let deletedUserId = 1
    static let logoFileId = 1

    var activeGroupCount: Int { options.groups }
    var userCount: Int { 1 + options.groups * households + dormantHouseholds }
    var vendorCount: Int { ContractKind.allCases.count * vendorsPerKind }

    /// The user ids of the households of group `index` (the suspended group is the last index).
    func householdIds(ofGroup index: Int) -> Range<Int> {
        let first = 2 + index * households
        return first..<(first + (index < options.groups ? households : dormantHouseholds))
    }

    /// The group whose households include `userId` (nil for the deleted-account placeholder).
    func groupIndex(ofUser userId: Int) -> Int? {
        guard userId >= 2 else { return nil }
        return min((userId - 2) / households, options.groups)
    }

    /// The vendor supplying contract `kind` to group `index`: each farm supplies three neighbouring AMAPs.
    func vendorId(kind: ContractKind, group index: Int) -> Int {
        let local = index < options.groups ? min(index / 3, vendorsPerKind - 1) : 0
        return kind.rawValue * vendorsPerKind + local + 1
    }

    init(options: DemoOptions) {
        self.options = options
        today = LocalDateTime(date: options.today)
        households = options.households
        dormantHouseholds = min(4, options.households)
        vendorsPerKind = (options.groups + 2) / 3
        var ids = PlanIds()
        for index in 0...options.groups {
            groups.append(GroupPlan(index: index, federation: self, ids: &ids))
        }
    }
}

/// Running id counters while the plan is built: ids are dense and ascending in copy order.
struct PlanIds {
    var catalog = 1, product = 1, role = 1, session = 1, distribution = 1, subscription = 1
}
