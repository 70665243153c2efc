import CageotCore

/// A volunteer role ("permanence") of a group; a role tied to a contract has its catalog id.
struct RolePlan {
    let id: Int
    let name: String
    let catalogId: Int?
    let enabledByDefault: Bool
}

/// One weekly distribution session ("MultiDistrib") and the contracts taking part.
struct SessionPlan {
    let id: Int
    let week: Int
    let start: LocalDateTime
    let end: LocalDateTime
    let orderStart: LocalDateTime
    let orderEnd: LocalDateTime
    /// Volunteer role ids, one per person needed (a role may repeat).
    let roleSlots: [Int]
    /// The distribution of each catalog (by position) taking part, nil when it does not.
    var distributions: [DistributionPlan?]
}

/// One contract at one session; `quantities` > 1 is a double delivery.
struct DistributionPlan {
    let id: Int
    let quantities: Int
}
