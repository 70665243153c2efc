import CageotCore

/// The duties ("permanences") members signed up for: most slots of past sessions, fewer and
/// fewer of those to come, so that sheets show both names and empty slots.
enum Volunteers {
    /// (userId, multiDistribId, volunteerRoleId) rows of one group, in session order.
    static func duties(plan: GroupPlan, federation: FederationPlan) -> [(userId: Int, sessionId: Int, roleId: Int)] {
        var random = DemoRandom.stream(federation.options.seed, .volunteers, plan.index)
        var rows: [(userId: Int, sessionId: Int, roleId: Int)] = []
        let firstToCome = plan.sessions.first { $0.start >= federation.today }?.week
        for session in plan.sessions {
            let rate = session.start < federation.today ? 0.9 : session.week == firstToCome ? 0.7 : 0.35
            var busy: [Int] = []
            for role in session.roleSlots where random.chance(rate) {
                // One person per slot, and nobody twice in the same session.
                for _ in 0..<10 {
                    let userId = random.pick(plan.members)
                    if !busy.contains(userId) {
                        busy.append(userId)
                        rows.append((userId, session.id, role))
                        break
                    }
                }
            }
        }
        return rows
    }
}
