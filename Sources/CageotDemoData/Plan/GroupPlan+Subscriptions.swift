import CageotCore

/// Who subscribes to what: drawn from the group's plan stream, with a few cases forced so that
/// even a tiny federation holds alternated baskets and absences.
extension GroupPlan {
    mutating func buildSubscriptions(random: inout DemoRandom, ids: inout PlanIds) {
        // Alternated vegetable baskets ("paniers alternés"): member i subscribes, member i + 1 shares.
        let newcomer = self.newcomer
        var pairStarts = members.indices.dropLast().filter { $0 % 10 == 3 && $0 != newcomer && $0 + 1 != newcomer }
        if pairStarts.isEmpty, members.count >= 3, !isSuspended, newcomer.map({ $0 > 2 }) ?? true { pairStarts = [1] }
        let partners = Set(pairStarts.map { $0 + 1 })
        let absenceWindow = weeks >= 3 ? 1...(weeks - 2) : 0...(weeks - 1)
        var absencesGiven = false

        for (position, catalog) in catalogs.enumerated() {
            let kind = catalog.kind
            let before = subscriptions.count
            for (m, userId) in members.enumerated() where m != newcomer {
                var partner: Int?
                var partnerFirst = false
                if kind == .vegetables {
                    if partners.contains(m) { continue }
                    if let ordinal = pairStarts.firstIndex(of: m) {
                        partner = members[m + 1]
                        partnerFirst = (ordinal + index) % 2 == 1
                    }
                }
                let forced = kind == .vegetables && (m == 0 || partner != nil)
                guard random.chance(kind.subscriptionRate) || forced else { continue }
                var sub = newSubscription(userId: userId, catalog: position, random: &random, ids: &ids)
                sub.userId2 = partner
                sub.partnerFirst = partnerFirst
                if catalog.absentDistribsMaxNb > 0 {
                    let forceAbsence = kind == .vegetables && !absencesGiven && m >= 1
                    if forceAbsence || random.chance(kind == .vegetables ? 0.25 : 0.15) {
                        let candidates = sessions.filter {
                            absenceWindow.contains($0.week) && (sub.startWeek...sub.endWeek).contains($0.week)
                        }.compactMap { $0.distributions[position]?.id }
                        if !candidates.isEmpty {
                            let count = random.int(in: 1...min(2, catalog.absentDistribsMaxNb, candidates.count))
                            sub.absentDistributionIds = random.sample(count, below: candidates.count).map { candidates[$0] }
                            absencesGiven = absencesGiven || kind == .vegetables
                        }
                    }
                }
                subscriptions.append(sub)
            }
            if subscriptions.count == before {
                var m = position % members.count
                if m == newcomer { m = (m + 1) % members.count }
                subscriptions.append(newSubscription(userId: members[m], catalog: position, random: &random, ids: &ids))
            }
        }
        if !isSuspended {
            // A household that left mid-season: CAMAP moved its orders to the deleted-account placeholder.
            var gone = newSubscription(userId: FederationPlan.deletedUserId, catalog: 0, random: &random, ids: &ids)
            gone.startWeek = 0
            gone.endWeek = max(0, weeks / 2 - 1)
            gone.defaultOrders = [(0, 1000)]
            gone.createdAt = LocalDateTime(date: seasonStart.adding(days: -30), hour: 20, minute: 12, second: 5)
            subscriptions.append(gone)
        }
        let participants = self.participants
        subscriptionsByParticipant = Array(repeating: [], count: participants.count)
        let position = Dictionary(participants.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, sub) in subscriptions.enumerated() { subscriptionsByParticipant[position[sub.userId]!].append(i) }
    }

    private func newSubscription(userId: Int, catalog position: Int, random: inout DemoRandom, ids: inout PlanIds) -> SubscriptionPlan {
        let kind = catalogs[position].kind
        var startWeek = 0, endWeek = weeks - 1
        if kind.isClassic, weeks >= 4 {
            if random.chance(0.08) { startWeek = random.int(in: 1...(weeks / 2)) }
            else if random.chance(0.04) { endWeek = random.int(in: (weeks / 2)...(weeks - 2)) }
        }
        let created = LocalDateTime(date: seasonStart.adding(days: 7 * startWeek - random.int(in: 2...25)),
                                    hour: random.int(in: 8...22), minute: random.int(below: 60), second: random.int(below: 60))
        var orders: [(product: Int, quantityMilli: Int)] = []
        let roll = random.unit()
        switch kind {
        case .vegetables: orders = [(roll < 0.55 ? 0 : 1, 1000)]
        case .eggs: orders = roll < 0.7 ? [(0, 1000)] : roll < 0.9 ? [(1, 1000)] : [(0, 2000)]
        case .bread: orders = roll < 0.6 ? [(0, 1000)] : roll < 0.85 ? [(1, 1000)] : [(0, 1000), (1, 1000)]
        default: break
        }
        defer { ids.subscription += 1 }
        return SubscriptionPlan(id: ids.subscription, userId: userId, catalogIndex: position, startWeek: startWeek,
                                endWeek: endWeek, createdAt: created, defaultOrders: orders,
                                appetite: 0.45 + 0.5 * random.unit())
    }
}
