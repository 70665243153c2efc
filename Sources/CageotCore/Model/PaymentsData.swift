import Foundation

/// The contract (`"Catalog"`) whose payments are gathered, with its group's payee for checks.
public struct PaymentsContract: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var groupId: Int
    public var groupName: String
    public var vendorName: String
    /// `"Group".checkOrder`: whom checks are made out to; nil when the group left it blank.
    public var checkOrder: String?
    public var startDate: LocalDate
    public var endDate: LocalDate

    public init(id: Int, name: String, groupId: Int, groupName: String, vendorName: String, checkOrder: String?,
                startDate: LocalDate, endDate: LocalDate) {
        self.id = id; self.name = name; self.groupId = groupId; self.groupName = groupName
        self.vendorName = vendorName; self.checkOrder = checkOrder; self.startDate = startDate; self.endDate = endDate
    }
}

/// One household's `"Subscription"` to the contract.
public struct PaymentsSubscription: Sendable, Hashable, Codable {
    public var id: Int
    public var member: Member
    /// `"Subscription".userId2`: the account sharing the basket in alternation.
    public var partner: Member?
    public var startDate: LocalDate
    public var endDate: LocalDate

    public init(id: Int, member: Member, partner: Member?, startDate: LocalDate, endDate: LocalDate) {
        self.id = id; self.member = member; self.partner = partner; self.startDate = startDate; self.endDate = endDate
    }
}

/// What a subscription ordered: its confirmed (basket not OPEN), non-cancelled (quantity ≠ 0)
/// lines, summed by the database. The workbook shows only these totals, so reading the lines one
/// by one (two million in a federation's year) would cost the whole database for nothing.
public struct PaymentsOrders: Sendable, Hashable, Codable {
    public var subscriptionId: Int
    public var lines: Int
    /// The distinct distributions of those lines.
    public var distributions: Int
    /// The sum of each line's quantity × frozen unit price rounded to the cent, half away from zero.
    public var amount: Money

    public init(subscriptionId: Int, lines: Int, distributions: Int, amount: Money) {
        self.subscriptionId = subscriptionId; self.lines = lines; self.distributions = distributions; self.amount = amount
    }
}

/// A payment (`"Operation"` of type 2) of a subscription; a negative amount is a refund.
public struct PaymentsOperation: Sendable, Hashable, Codable {
    public var id: Int
    public var subscriptionId: Int
    public var date: LocalDateTime
    /// `"Operation".name`: for a check, usually its number.
    public var name: String
    /// Rounded to the cent from CAMAP's double.
    public var amount: Money
    /// `"Operation".data` as stored: JSON `{"type": …}`, or anything else in old rows.
    public var data: String?

    public init(id: Int, subscriptionId: Int, date: LocalDateTime, name: String, amount: Money, data: String?) {
        self.id = id; self.subscriptionId = subscriptionId; self.date = date; self.name = name
        self.amount = amount; self.data = data
    }
}

/// Everything a contract's payments workbook is built from, read at once.
public struct PaymentsData: Sendable, Hashable, Codable {
    public var contract: PaymentsContract
    /// The check deposit slip's range, both days included.
    public var from: LocalDate
    public var to: LocalDate
    public var subscriptions: [PaymentsSubscription]
    /// By subscription, for those that ordered anything.
    public var orders: [PaymentsOrders]
    public var payments: [PaymentsOperation]

    public init(contract: PaymentsContract, from: LocalDate, to: LocalDate, subscriptions: [PaymentsSubscription],
                orders: [PaymentsOrders], payments: [PaymentsOperation]) {
        self.contract = contract; self.from = from; self.to = to; self.subscriptions = subscriptions
        self.orders = orders; self.payments = payments
    }

    /// Changes whenever anything the workbook shows changes; the same data give the same hex string.
    public var fingerprint: String {
        var f = Fingerprint()
        f.add("payments/2")
        let c = contract
        f.add(c.id); f.add(c.name); f.add(c.groupId); f.add(c.groupName); f.add(c.vendorName); f.add(c.checkOrder)
        f.add(c.startDate.description); f.add(c.endDate.description)
        f.add(from.description); f.add(to.description)
        f.add("subscriptions")
        for s in subscriptions {
            f.add(s.id); f.add(member: s.member)
            f.add(s.partner != nil)
            if let partner = s.partner { f.add(member: partner) }
            f.add(s.startDate.description); f.add(s.endDate.description)
        }
        f.add("orders")
        for o in orders { f.add(o.subscriptionId); f.add(o.lines); f.add(o.distributions); f.add(String(o.amount.cents)) }
        f.add("payments")
        for p in payments {
            f.add(p.id); f.add(p.subscriptionId); f.add(p.date); f.add(p.name); f.add(String(p.amount.cents)); f.add(p.data)
        }
        return f.finalize()
    }
}
