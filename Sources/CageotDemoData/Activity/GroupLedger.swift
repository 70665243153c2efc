import CageotCore

/// One group's money: subscription debts, payments (checks, cash, transfers, a refund), yearly
/// memberships, and the balance each member ends up with.
///
/// Amounts are in cents; a subscription's debt is exactly minus the sum of its lines' amounts, so
/// that "payments − lines" gives the contract balance CAMAP shows.
struct GroupLedger {
    private(set) var operations: [OperationRow] = []
    private(set) var memberships: [MembershipRow] = []
    /// Σ operation amounts in cents of each member (`plan.members` order): `UserGroup.balance`.
    private(set) var balances: [Int]
    var nextOperationId: Int

    init(plan: GroupPlan, activity: GroupActivity, federation: FederationPlan, firstOperationId: Int) {
        nextOperationId = firstOperationId
        balances = Array(repeating: 0, count: plan.members.count)
        var random = DemoRandom.stream(federation.options.seed, .payments, plan.index)
        let today = federation.today
        var ordinal = 0
        for (p, userId) in plan.participants.enumerated() {
            var userCents = 0
            for s in plan.subscriptionsByParticipant[p] {
                let sub = plan.subscriptions[s]
                let catalog = plan.catalogs[sub.catalogIndex]
                let total = activity.subscriptionTotals[s]
                let debt = add(userId: userId, type: 1, name: GroupLedger.debtName(plan: plan, sub: sub, federation: federation),
                               cents: -total, date: sub.createdAt, subscriptionId: sub.id)
                userCents -= total
                // Classic contracts are paid up front for the season; variable ones for what was delivered.
                let due = catalog.kind.isClassic ? total : activity.subscriptionPastTotals[s]
                defer { ordinal += 1 }
                guard due > 0 else { continue }
                // The group's first subscriptions show each case; the others are drawn.
                let method = ordinal < 3 ? [PaymentMethod.check, .transfer, .cash][ordinal] : PaymentMethod.draw(&random)
                let roll = random.unit()
                let refund = ordinal == 3 || (ordinal > 4 && roll < 0.05)
                let underpaid = ordinal == 4 || (ordinal > 4 && roll >= 0.05 && roll < 0.13)
                let credit = ordinal > 4 && roll >= 0.13 && roll < 0.16
                let parts = method == .check && catalog.kind.isClassic ? random.int(in: 1...3) : 1
                var amounts = Array(repeating: due / parts, count: parts)
                amounts[0] += due % parts
                if underpaid {
                    if parts > 1 { amounts.removeLast() } else { amounts[0] -= min(amounts[0] / 2, 500) }
                }
                let extra = refund ? 1_000 : credit ? 500 : 0
                amounts[0] += extra
                let firstDay = catalog.kind.isClassic
                    ? plan.sessions[min(sub.startWeek, plan.sessions.count - 1)].start
                    : (plan.sessions.last { $0.start < today } ?? plan.sessions[0]).end
                var date = firstDay
                for (i, cents) in amounts.enumerated() {
                    date = firstDay.adding(seconds: i * 28 * 86_400)
                    add(userId: userId, type: 2, name: method.label(random: &random), cents: cents, date: date,
                        pending: date >= today, subscriptionId: sub.id, relationId: debt, data: method.json)
                    userCents += cents
                }
                if refund {
                    let back: PaymentMethod = random.chance(0.5) ? .cash : .transfer
                    add(userId: userId, type: 2, name: "Remboursement du trop-perçu", cents: -extra,
                        date: date.adding(seconds: 14 * 86_400), subscriptionId: sub.id, relationId: debt, data: back.json)
                    userCents -= extra
                }
            }
            guard p < plan.members.count else { continue }
            if let fee = plan.membershipFee { addMemberships(plan: plan, member: p, fee: fee, random: &random) }
            // A membership fee and its payment cancel out: they leave the balance unchanged.
            balances[p] = userCents
        }
    }

    /// The yearly fee of this season (most members, always the main contact), and last year's for some.
    private mutating func addMemberships(plan: GroupPlan, member p: Int, fee: Int, random: inout DemoRandom) {
        let userId = plan.members[p]
        for (yearsAgo, rate) in [(1, 0.3), (0, 0.85)] {
            guard random.chance(rate) || (yearsAgo == 0 && p == 0) else { continue }
            let year = plan.seasonYear - yearsAgo
            let atSession = yearsAgo == 0 && random.chance(0.6)
            let first = plan.sessions[0]
            let date = atSession ? first.start
                : LocalDateTime(date: plan.seasonStart.adding(days: -364 * yearsAgo - random.int(in: 1...20)),
                                hour: random.int(in: 9...21), minute: random.int(below: 60))
            let debt = add(userId: userId, type: 3, name: "Adhésion \(year)", cents: -fee * 100, date: date)
            let method: PaymentMethod = random.chance(0.5) ? .cash : .check
            add(userId: userId, type: 2, name: method.label(random: &random), cents: fee * 100, date: date,
                relationId: debt, data: method.json)
            memberships.append(MembershipRow(userId: userId, year: year, date: date.date, amountCents: fee * 100,
                                             distributionId: atSession ? first.id : nil, operationId: debt))
        }
    }

    @discardableResult
    private mutating func add(userId: Int, type: Int, name: String, cents: Int, date: LocalDateTime, pending: Bool = false,
                              subscriptionId: Int? = nil, relationId: Int? = nil, data: String? = nil) -> Int {
        let id = nextOperationId
        nextOperationId += 1
        operations.append(OperationRow(id: id, userId: userId, type: type, name: name, cents: cents, date: date,
                                       pending: pending, subscriptionId: subscriptionId, relationId: relationId, data: data))
        return id
    }

    /// CAMAP's label for a subscription's total: contract, farm and period.
    static func debtName(plan: GroupPlan, sub: SubscriptionPlan, federation: FederationPlan) -> String {
        let catalog = plan.catalogs[sub.catalogIndex]
        let from = plan.seasonStart.adding(days: 7 * sub.startWeek)
        let to = plan.seasonStart.adding(days: 7 * sub.endWeek + 6)
        let vendor = VendorRow.name(kind: catalog.kind, index: catalog.vendorId - 1 - catalog.kind.rawValue * federation.vendorsPerKind)
        return String("\(catalog.kind.catalogName(year: plan.seasonYear)) (\(vendor)) du \(frenchDate(from)) au \(frenchDate(to))".prefix(128))
    }

    static func frenchDate(_ date: LocalDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }
}

enum PaymentMethod {
    case check, cash, transfer

    /// Checks for most, then transfers, then cash.
    static func draw(_ random: inout DemoRandom) -> PaymentMethod {
        let roll = random.unit()
        return roll < 0.55 ? .check : roll < 0.8 ? .transfer : .cash
    }

    var json: String {
        switch self {
        case .check: #"{"type":"check"}"#
        case .cash: #"{"type":"cash"}"#
        case .transfer: #"{"type":"transfer"}"#
        }
    }

    /// The operation's name: for a check, its number, as treasurers type it.
    func label(random: inout DemoRandom) -> String {
        switch self {
        case .check: "Chèque n°\(random.int(in: 1...9))\(random.digits(6))"
        case .cash: "Paiement en espèces"
        case .transfer: "Virement bancaire"
        }
    }
}

struct OperationRow {
    let id: Int
    let userId: Int
    let type: Int
    let name: String
    let cents: Int
    let date: LocalDateTime
    let pending: Bool
    let subscriptionId: Int?
    let relationId: Int?
    let data: String?
}

struct MembershipRow {
    let userId: Int
    let year: Int
    let date: LocalDate
    let amountCents: Int
    let distributionId: Int?
    let operationId: Int
}
