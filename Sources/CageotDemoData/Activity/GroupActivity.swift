import CageotCore

/// One group's season of orders: baskets and order lines, derived from its plan.
///
/// Built again for each table that needs it (Basket, UserOrder, Operation) and dropped after the
/// group is written, so memory holds one group's lines, never the federation's. The same plan and
/// seed always give the same rows: every choice comes from the group's own random stream.
struct GroupActivity {
    private(set) var baskets: [BasketRow] = []
    private(set) var lines: [OrderLineRow] = []
    /// Σ line amounts in cents, per subscription (plan order), for every session and for past ones.
    private(set) var subscriptionTotals: [Int]
    private(set) var subscriptionPastTotals: [Int]
    var nextBasketId: Int

    init(plan: GroupPlan, federation: FederationPlan, firstBasketId: Int) {
        nextBasketId = firstBasketId
        subscriptionTotals = Array(repeating: 0, count: plan.subscriptions.count)
        subscriptionPastTotals = subscriptionTotals
        var random = DemoRandom.stream(federation.options.seed, .activity, plan.index)
        var variableLines = 0
        var cancelled = false
        let participants = plan.participants
        let cartSession = GroupActivity.cartSession(plan: plan, today: federation.today)

        for session in plan.sessions {
            let past = session.start < federation.today
            var num = 0
            var hasBasket = Array(repeating: false, count: participants.count)
            for (p, userId) in participants.enumerated() {
                let basketId = nextBasketId
                let firstLine = lines.count
                var basketCents = 0
                for s in plan.subscriptionsByParticipant[p] {
                    let sub = plan.subscriptions[s]
                    guard (sub.startWeek...sub.endWeek).contains(session.week),
                          let distribution = session.distributions[sub.catalogIndex] else { continue }
                    let catalog = plan.catalogs[sub.catalogIndex]
                    var wanted: [(product: Int, quantityMilli: Int, date: LocalDateTime)] = []
                    if catalog.kind.isClassic {
                        if sub.absentDistributionIds.contains(distribution.id) { continue }
                        for order in sub.defaultOrders {
                            // "quantities" > 1: a double delivery, materialised as duplicated lines.
                            for _ in 0..<distribution.quantities { wanted.append((order.product, order.quantityMilli, sub.createdAt)) }
                        }
                    } else {
                        guard random.chance(sub.appetite) else { continue }
                        for (product, quantity) in GroupActivity.variableChoice(catalog: catalog, random: &random) {
                            let date = session.orderStart.adding(seconds: random.int(below: 8 * 86_400))
                            variableLines += 1
                            // At least one cancelled line (quantity 0) per group, then about 4 %.
                            let cancel = random.chance(0.04) || (!cancelled && variableLines == 3)
                            cancelled = cancelled || cancel
                            wanted.append((product, cancel ? 0 : quantity, date))
                        }
                    }
                    for order in wanted {
                        let template = catalog.products[order.product]
                        let price = GroupActivity.price(template, week: session.week, weeks: plan.weeks)
                        let cents = GroupActivity.cents(quantityMilli: order.quantityMilli, priceMilli: price)
                        lines.append(OrderLineRow(userId: sub.userId, userId2: sub.userId2, productId: catalog.productId(order.product),
                                                  distributionId: distribution.id, basketId: basketId, subscriptionId: sub.id,
                                                  quantityMilli: order.quantityMilli, priceMilli: price, date: order.date,
                                                  flags: sub.partnerFirst ? 1 : 0))
                        basketCents += cents
                        subscriptionTotals[s] += cents
                        if past { subscriptionPastTotals[s] += cents }
                    }
                }
                guard lines.count > firstLine else { continue }
                num += 1
                hasBasket[p] = true
                let created = lines[firstLine...].map(\.date).min()!
                baskets.append(BasketRow(id: basketId, userId: userId, sessionId: session.id, num: num, cdate: created,
                                         total: GroupActivity.cachedTotal(basketCents, random: &random),
                                         status: past ? "VALIDATED" : "CONFIRMED"))
                nextBasketId += 1
            }
            if session.id == cartSession?.id {
                addCarts(plan: plan, session: session, participants: participants, hasBasket: hasBasket,
                         num: &num, today: federation.today, random: &random)
            }
        }
    }

    /// Carts never confirmed (status OPEN) in the first session to come with a variable contract:
    /// ordinary-looking lines that every document must ignore.
    private mutating func addCarts(plan: GroupPlan, session: SessionPlan, participants: [Int], hasBasket: [Bool],
                                   num: inout Int, today: LocalDateTime, random: inout DemoRandom) {
        let open = plan.catalogs.indices.filter { !plan.catalogs[$0].kind.isClassic && session.distributions[$0] != nil }
        guard !open.isEmpty else { return }
        let eligible = plan.members.indices.filter { !hasBasket[$0] }
        var chosen = eligible.filter { $0 == plan.newcomer || random.chance(0.12) }
        if chosen.isEmpty, let first = eligible.first { chosen = [first] }
        for m in chosen {
            let position = random.pick(open)
            let catalog = plan.catalogs[position]
            let distribution = session.distributions[position]!
            let date = today.adding(seconds: -random.int(in: 3600...(72 * 3600)))
            var cents = 0
            for (product, quantity) in GroupActivity.variableChoice(catalog: catalog, random: &random) {
                let price = catalog.products[product].priceMilli
                cents += GroupActivity.cents(quantityMilli: quantity, priceMilli: price)
                lines.append(OrderLineRow(userId: participants[m], userId2: nil, productId: catalog.productId(product),
                                          distributionId: distribution.id, basketId: nextBasketId, subscriptionId: nil,
                                          quantityMilli: quantity, priceMilli: price, date: date, flags: 0))
            }
            num += 1
            baskets.append(BasketRow(id: nextBasketId, userId: participants[m], sessionId: session.id, num: num,
                                     cdate: date, total: Double(cents) / 100, status: "OPEN"))
            nextBasketId += 1
        }
    }

    /// The session that holds the unconfirmed carts: the first to come with a variable contract,
    /// else the last one with a variable contract.
    static func cartSession(plan: GroupPlan, today: LocalDateTime) -> SessionPlan? {
        let variable = plan.sessions.filter { session in
            plan.catalogs.indices.contains { !plan.catalogs[$0].kind.isClassic && session.distributions[$0] != nil }
        }
        return variable.first { $0.start >= today } ?? variable.last
    }

    /// What a member orders from a variable contract at one distribution: (product, quantity × 1000).
    /// Weighed products get decimal kilograms; multi-weight products one line per piece.
    static func variableChoice(catalog: CatalogPlan, random: inout DemoRandom) -> [(Int, Int)] {
        let products = catalog.products
        var chosen = products.indices.filter { products[$0].active && random.chance(0.45) }
        if chosen.isEmpty { chosen = [random.int(below: products.count)] }
        var out: [(Int, Int)] = []
        for p in chosen {
            let product = products[p]
            if product.multiWeight {
                let pieces = random.chance(0.75) ? 1 : 2
                for _ in 0..<pieces { out.append((p, random.int(in: 140...260) * 10)) }
            } else if product.bulk {
                out.append((p, random.pick([500, 750, 1000, 1500, 2000, 2500, 3000, 5000])))
            } else if product.variablePrice {
                out.append((p, random.pick([250, 300, 350, 400, 450, 500, 600, 750])))
            } else {
                out.append((p, random.int(in: 1...(product.ref == "CROT" ? 4 : 3)) * 1000))
            }
        }
        return out
    }

    /// The unit price frozen in a line: the old price in the first weeks when the product went up.
    static func price(_ product: ProductTemplate, week: Int, weeks: Int) -> Int {
        if let old = product.oldPriceMilli, week < max(1, weeks / 4) { return old }
        return product.priceMilli
    }

    /// quantity × price rounded to the cent, half away from zero (both are non-negative here).
    static func cents(quantityMilli: Int, priceMilli: Int) -> Int {
        (quantityMilli * priceMilli + 5_000) / 10_000
    }

    /// `Basket.total` is a cache CAMAP does not always refresh: mostly right, sometimes NULL or stale.
    static func cachedTotal(_ cents: Int, random: inout DemoRandom) -> Double? {
        let roll = random.unit()
        if roll < 0.08 { return nil }
        if roll < 0.12 { return Double(cents + 250) / 100 }
        return Double(cents) / 100
    }
}

struct BasketRow {
    let id: Int
    let userId: Int
    let sessionId: Int
    let num: Int
    let cdate: LocalDateTime
    let total: Double?
    let status: String
}

struct OrderLineRow {
    let userId: Int
    let userId2: Int?
    let productId: Int
    let distributionId: Int
    let basketId: Int
    let subscriptionId: Int?
    let quantityMilli: Int
    let priceMilli: Int
    let date: LocalDateTime
    let flags: Int

    var cents: Int { GroupActivity.cents(quantityMilli: quantityMilli, priceMilli: priceMilli) }
}
