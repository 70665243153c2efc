/// A contract ("Catalog") of one group: its farm, coordinator and products.
struct CatalogPlan {
    let id: Int
    let kind: ContractKind
    let vendorId: Int
    let coordinator: Int
    /// The id of the first product; the others follow in `kind.products` order.
    let productIds: Int
    var products: [ProductTemplate] { kind.products }
    var absentDistribsMaxNb: Int { kind == .vegetables ? 3 : kind == .eggs ? 2 : 0 }

    func productId(_ position: Int) -> Int { productIds + position }

    /// Every `frequency` weeks, shifted by group so that neighbours alternate (at least once a season).
    func delivers(week: Int, group: Int, weeks: Int) -> Bool {
        let frequency = kind.frequency
        return week % frequency == group % min(frequency, weeks)
    }
}
