import CageotCore

/// One AMAP of the federation: its identity, contracts, sessions and subscriptions, with ids.
struct GroupPlan {
    let index: Int
    let id: Int
    let name: String
    let town: Town
    let isSuspended: Bool
    let seasonStart: LocalDate
    let weeks: Int
    /// Member households (and, from the second group on, one household of the previous group).
    let members: [Int]
    let mainContact: Int
    /// The yearly membership fee in euros; nil for the suspended group (no membership).
    let membershipFee: Int?
    var placeId: Int { id }
    var catalogs: [CatalogPlan] = []
    var roles: [RolePlan] = []
    var sessions: [SessionPlan] = []
    var subscriptions: [SubscriptionPlan] = []
    /// Subscription indexes of each participant: `members`, then the deleted-account placeholder.
    var subscriptionsByParticipant: [[Int]] = []

    var participants: [Int] { members + [FederationPlan.deletedUserId] }
    /// The member (index in `members`) who joined lately: no subscription yet, only a cart never confirmed.
    var newcomer: Int? { !isSuspended && members.count >= 4 ? members.count - 2 : nil }
    var seasonYear: Int { seasonStart.year }
    var seasonEnd: LocalDateTime { LocalDateTime(date: seasonStart.adding(days: 7 * weeks - 1), hour: 23, minute: 59, second: 59) }

    init(index: Int, federation: FederationPlan, ids: inout PlanIds) {
        let options = federation.options
        self.index = index
        id = index + 1
        isSuspended = index == options.groups
        (name, town) = GroupPlan.identity(index: index, suspended: isSuspended)
        seasonStart = isSuspended ? options.start.adding(days: -364) : options.start
        weeks = isSuspended ? min(options.weeks, 4) : options.weeks
        let households = Array(federation.householdIds(ofGroup: index))
        let guest = index > 0 && !isSuspended ? [federation.householdIds(ofGroup: index - 1).last!] : []
        members = households + guest
        mainContact = households[0]
        membershipFee = isSuspended ? nil : [10, 12, 15, 20][index % 4]

        var random = DemoRandom.stream(options.seed, .plan, index)
        let kinds: [ContractKind] = isSuspended ? [.vegetables]
            : ContractKind.allCases.filter { $0 != .household || index % 2 == 0 }
        for (position, kind) in kinds.enumerated() {
            catalogs.append(CatalogPlan(id: ids.catalog, kind: kind, vendorId: federation.vendorId(kind: kind, group: index),
                                        coordinator: households[(1 + position * 3) % households.count],
                                        productIds: ids.product))
            ids.catalog += 1
            ids.product += kind.products.count
        }
        if !isSuspended {
            let vegetables = catalogs[0].id
            roles = [RolePlan(id: ids.role, name: "Accueil", catalogId: nil, enabledByDefault: true),
                     RolePlan(id: ids.role + 1, name: "Distribution des légumes", catalogId: vegetables, enabledByDefault: true),
                     RolePlan(id: ids.role + 2, name: "Caisse", catalogId: nil, enabledByDefault: true),
                     RolePlan(id: ids.role + 3, name: "Rangement de la salle", catalogId: nil, enabledByDefault: false)]
            ids.role += roles.count
        }
        buildSessions(ids: &ids)
        buildSubscriptions(random: &random, ids: &ids)
    }

    /// The weekday and hours of the group's sessions (Thursday 18:00–19:30 for the first group).
    var schedule: (weekday: Int, start: Int, end: Int) {
        if isSuspended { return (2, 18 * 60, 19 * 60 + 30) }
        switch index % 5 {
        case 0: return (3, 18 * 60, 19 * 60 + 30)
        case 1: return (1, 18 * 60 + 30, 20 * 60)
        case 2: return (4, 17 * 60 + 30, 19 * 60 + 30)
        case 3: return (2, 18 * 60, 19 * 60 + 30)
        default: return (5, 10 * 60, 12 * 60)
        }
    }

    private mutating func buildSessions(ids: inout PlanIds) {
        let (weekday, startMinutes, endMinutes) = schedule
        for week in 0..<weeks {
            let day = seasonStart.adding(days: 7 * week + weekday)
            let start = LocalDateTime(date: day, hour: startMinutes / 60, minute: startMinutes % 60)
            let end = LocalDateTime(date: day, hour: endMinutes / 60, minute: endMinutes % 60)
            var slots: [Int] = []
            if !roles.isEmpty {
                // Two people at the welcome desk: the role id appears twice.
                slots = [roles[0].id, roles[0].id, roles[1].id, roles[2].id]
                if week % 4 == 3 { slots.append(roles[3].id) }
            }
            var session = SessionPlan(id: ids.session, week: week, start: start, end: end,
                                      orderStart: start.adding(seconds: -10 * 86_400),
                                      orderEnd: start.adding(seconds: -48 * 3600),
                                      roleSlots: slots, distributions: Array(repeating: nil, count: catalogs.count))
            ids.session += 1
            for (position, catalog) in catalogs.enumerated() where catalog.delivers(week: week, group: index, weeks: weeks) {
                // One double delivery of eggs mid-season: its order lines are duplicated.
                let quantities = catalog.kind == .eggs && week == weeks / 2 ? 2 : 1
                session.distributions[position] = DistributionPlan(id: ids.distribution, quantities: quantities)
                ids.distribution += 1
            }
            sessions.append(session)
        }
    }
}
