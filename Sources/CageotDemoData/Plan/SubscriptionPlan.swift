import CageotCore

/// A household's subscription to a contract, with its period, default orders and absences.
struct SubscriptionPlan {
    let id: Int
    let userId: Int
    var userId2: Int?
    /// Bit 0 of the order lines' flags: the alternation starts with `userId2`.
    var partnerFirst = false
    let catalogIndex: Int
    var startWeek: Int
    var endWeek: Int
    var createdAt: LocalDateTime
    /// Classic contracts: the same products at every distribution (product position, quantity × 1000).
    var defaultOrders: [(product: Int, quantityMilli: Int)]
    var absentDistributionIds: [Int] = []
    /// Variable contracts: the chance of ordering at a distribution.
    let appetite: Double

    init(id: Int, userId: Int, catalogIndex: Int, startWeek: Int, endWeek: Int, createdAt: LocalDateTime,
         defaultOrders: [(product: Int, quantityMilli: Int)], appetite: Double) {
        self.id = id; self.userId = userId; self.catalogIndex = catalogIndex; self.startWeek = startWeek
        self.endWeek = endWeek; self.createdAt = createdAt; self.defaultOrders = defaultOrders; self.appetite = appetite
    }
}
