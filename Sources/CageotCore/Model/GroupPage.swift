/// What the coordinators' page of a group shows: its name and its coming sessions.
public struct GroupPageData: Sendable, Hashable {
    public var groupId: Int
    public var groupName: String
    /// The sessions not over yet, soonest first.
    public var sessions: [ComingSession]

    public init(groupId: Int, groupName: String, sessions: [ComingSession]) {
        self.groupId = groupId; self.groupName = groupName; self.sessions = sessions
    }
}

/// A coming session (`"MultiDistrib"`): when, where, how many baskets, and its distributions.
public struct ComingSession: Sendable, Hashable {
    public var id: Int
    public var start: LocalDateTime
    public var placeName: String
    /// Baskets with at least one confirmed line (as `cageot sessions` counts them).
    public var baskets: Int
    /// One per contract delivering at the session, by contract name.
    public var distributions: [ComingDistribution]

    public init(id: Int, start: LocalDateTime, placeName: String, baskets: Int, distributions: [ComingDistribution]) {
        self.id = id; self.start = start; self.placeName = placeName; self.baskets = baskets; self.distributions = distributions
    }
}

/// One contract's distribution (`"Distribution"`) at a coming session.
public struct ComingDistribution: Sendable, Hashable {
    public var id: Int
    public var contractName: String
    public var vendorName: String
    /// `"Catalog".type` 1: it has a variable-contract sheet as well as its product matrix.
    public var isVariableContract: Bool

    public init(id: Int, contractName: String, vendorName: String, isVariableContract: Bool) {
        self.id = id; self.contractName = contractName; self.vendorName = vendorName; self.isVariableContract = isVariableContract
    }
}
