import Foundation

/// The period a usage report covers: a calendar year, or any range of days (a membership period).
public struct UsagePeriod: Sendable, Hashable, Codable {
    /// The first and last days, both included.
    public var from: LocalDate
    public var to: LocalDate
    /// `2026`, or `du 01/09/2026 au 31/08/2027`.
    public var label: String

    public init(from: LocalDate, to: LocalDate, label: String) {
        self.from = from; self.to = to; self.label = label
    }

    /// The calendar year `year`.
    public static func year(_ year: Int) -> UsagePeriod {
        UsagePeriod(from: LocalDate(year: year, month: 1, day: 1), to: LocalDate(year: year, month: 12, day: 31),
                    label: String(year))
    }
}

/// An amount at one VAT rate.
public struct VATAmount: Sendable, Hashable, Codable {
    /// Percent, e.g. 5.5.
    public var rate: Decimal
    public var amount: Money

    public init(rate: Decimal, amount: Money) { self.rate = rate; self.amount = amount }
}

/// The payments of one type (`"Operation".data` → `{"type": …}`: check, cash, transfer, …; `other`
/// for missing or unreadable data).
public struct PaymentTypeTotal: Sendable, Hashable, Codable {
    /// `check`, `cash`, `transfer`, `card-terminal`, `onthespot`, `moneypot` or `other`.
    public var type: String
    public var count: Int
    public var amount: Money

    public init(type: String, count: Int, amount: Money) { self.type = type; self.count = count; self.amount = amount }
}

/// The usage figures of one AMAP, or of the whole federation, over a period. Each is defined in
/// `docs/usage-report.md` and computed in SQL.
public struct UsageFigures: Sendable, Hashable, Codable {
    /// Households with at least one confirmed basket (not OPEN) holding a non-cancelled line in the period;
    /// never the `deleted@camap.tld` account.
    public var activeHouseholds: Int
    /// `"UserGroup"` rows as they are when the report runs (the table has no dates), less the
    /// `deleted@camap.tld` account and accounts created after the period.
    public var members: Int
    /// `"Membership"` rows paid in the period, and their amount.
    public var membershipsPaid: Int
    public var membershipAmount: Money
    /// Contracts (`"Catalog"`) with at least one non-cancelled confirmed line in the period, and their distinct farmers.
    public var activeContracts: Int
    public var vendors: Int
    /// Distribution sessions (`"MultiDistrib"`) with at least one non-cancelled confirmed line in the period.
    public var sessionsHeld: Int
    /// Confirmed baskets holding at least one non-cancelled line.
    public var baskets: Int
    /// Non-cancelled lines of confirmed baskets.
    public var orderLines: Int
    /// Σ line amounts (quantity × unit price, rounded to the cent per line), VAT included.
    public var turnover: Money
    /// The same by VAT rate (`"Product".vat`), by rate.
    public var turnoverByVAT: [VATAmount]
    /// Payments (`"Operation"` type 2, not pending) dated in the period, by type, in the order of
    /// `CamapStore.paymentTypes` (`other` last); only the types that occur.
    public var payments: [PaymentTypeTotal]
    /// Volunteer duties filled (`"Volunteer"` rows) and roles needed (`"MultiDistrib".volunteerRolesIds`)
    /// at the sessions held.
    public var dutiesFilled: Int
    public var dutiesNeeded: Int

    public init(activeHouseholds: Int = 0, members: Int = 0, membershipsPaid: Int = 0, membershipAmount: Money = .zero,
                activeContracts: Int = 0, vendors: Int = 0, sessionsHeld: Int = 0, baskets: Int = 0, orderLines: Int = 0,
                turnover: Money = .zero, turnoverByVAT: [VATAmount] = [], payments: [PaymentTypeTotal] = [],
                dutiesFilled: Int = 0, dutiesNeeded: Int = 0) {
        self.activeHouseholds = activeHouseholds; self.members = members; self.membershipsPaid = membershipsPaid
        self.membershipAmount = membershipAmount; self.activeContracts = activeContracts; self.vendors = vendors
        self.sessionsHeld = sessionsHeld; self.baskets = baskets; self.orderLines = orderLines; self.turnover = turnover
        self.turnoverByVAT = turnoverByVAT; self.payments = payments; self.dutiesFilled = dutiesFilled
        self.dutiesNeeded = dutiesNeeded
    }
}

/// One AMAP (`"Group"`) of the report.
public struct GroupUsage: Sendable, Hashable, Codable {
    public var groupId: Int
    public var name: String
    /// `"Group".cdate`.
    public var createdOn: LocalDate
    /// `"Group".disabled`: nil when active, else `BLOCKED_BY_ADMIN`, `MOVED`, `SUSPENDED`.
    public var disabled: String?
    public var figures: UsageFigures

    public init(groupId: Int, name: String, createdOn: LocalDate, disabled: String?, figures: UsageFigures) {
        self.groupId = groupId; self.name = name; self.createdOn = createdOn; self.disabled = disabled; self.figures = figures
    }
}

/// One month of the federation's activity, for the charts.
public struct MonthUsage: Sendable, Hashable, Codable {
    /// The first day of the month.
    public var month: LocalDate
    public var turnover: Money
    public var sessionsHeld: Int

    public init(month: LocalDate, turnover: Money, sessionsHeld: Int) {
        self.month = month; self.turnover = turnover; self.sessionsHeld = sessionsHeld
    }
}

/// Everything the federation's usage report is built from, read at once.
public struct UsageReportData: Sendable, Hashable, Codable {
    public var period: UsagePeriod
    /// Every group that existed by the end of the period (created on or before `period.to`), by name
    /// ignoring case and accents, then id.
    public var groups: [GroupUsage]
    /// The federation's own figures: aggregates only, no personal data. Distinct counts
    /// (households, vendors) are counted once across groups, so they are not the sums of the groups'.
    public var federation: UsageFigures
    /// Groups created in the period, and groups disabled (`"Group".disabled` not null) at the time of the report.
    public var newGroups: Int
    public var disabledGroups: Int
    /// Every month of the period, in order, including months without activity.
    public var months: [MonthUsage]

    public init(period: UsagePeriod, groups: [GroupUsage], federation: UsageFigures, newGroups: Int, disabledGroups: Int,
                months: [MonthUsage]) {
        self.period = period; self.groups = groups; self.federation = federation; self.newGroups = newGroups
        self.disabledGroups = disabledGroups; self.months = months
    }

    /// True when nothing was ordered in the period: the report says so instead of sharing a cost.
    public var hasActivity: Bool { federation.orderLines > 0 }
}
