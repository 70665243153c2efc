import Foundation

/// Everything the sign-in grid of one classic contract over a date range is built from, as read
/// from the database: the contract, its distributions in the range, the subscriptions overlapping
/// the range and their non-cancelled order lines there.
public struct ContractGridData: Sendable, Hashable {
    public var contract: Contract
    /// The requested range, both days included.
    public var from: LocalDate
    public var to: LocalDate
    /// By date then id.
    public var distributions: [Distribution]
    public var subscriptions: [Subscription]
    /// Confirmed (not OPEN), non-cancelled lines of the contract at the distributions of the range.
    public var lines: [Line]
    /// The contract's products, to name what `defaultOrders` refers to.
    public var products: [ProductInfo]

    public init(contract: Contract, from: LocalDate, to: LocalDate, distributions: [Distribution],
                subscriptions: [Subscription], lines: [Line], products: [ProductInfo]) {
        self.contract = contract; self.from = from; self.to = to; self.distributions = distributions
        self.subscriptions = subscriptions; self.lines = lines; self.products = products
    }

    /// A `"Catalog"` with its group and vendor.
    public struct Contract: Sendable, Hashable {
        public var id: Int
        public var name: String
        /// 0 classic, 1 variable.
        public var type: Int
        public var groupId: Int
        public var groupName: String
        /// `"Group".flags` bit 6: phones must not be printed.
        public var hidePhone: Bool
        public var vendorName: String
        public var startDate: LocalDateTime
        public var endDate: LocalDateTime

        public init(id: Int, name: String, type: Int = 0, groupId: Int, groupName: String, hidePhone: Bool,
                    vendorName: String, startDate: LocalDateTime, endDate: LocalDateTime) {
            self.id = id; self.name = name; self.type = type; self.groupId = groupId; self.groupName = groupName
            self.hidePhone = hidePhone; self.vendorName = vendorName; self.startDate = startDate; self.endDate = endDate
        }
    }

    /// A `"Distribution"` of the contract.
    public struct Distribution: Sendable, Hashable {
        public var id: Int
        /// The session (`"MultiDistrib"`) it belongs to.
        public var sessionId: Int
        public var date: LocalDateTime
        /// More than 1: a multiple delivery, its lines duplicated.
        public var quantities: Int
        /// The contract's distributions counted from its start up to this one (CAMAP's alternation count).
        public var ordinal: Int

        public init(id: Int, sessionId: Int, date: LocalDateTime, quantities: Int = 1, ordinal: Int) {
            self.id = id; self.sessionId = sessionId; self.date = date; self.quantities = quantities; self.ordinal = ordinal
        }
    }

    /// A `"Subscription"` with its holder and, for an alternated basket, the other account.
    public struct Subscription: Sendable, Hashable {
        public var id: Int
        public var member: Member
        /// `userId2`: another account sharing the basket in alternation.
        public var partner: Member?
        public var startDate: LocalDateTime
        public var endDate: LocalDateTime
        /// `absentDistribIds`, what parses as positive integers.
        public var absentDistributionIds: [Int]
        /// `defaultOrders`, what parses.
        public var defaultOrders: [DefaultOrder]

        public init(id: Int, member: Member, partner: Member? = nil, startDate: LocalDateTime, endDate: LocalDateTime,
                    absentDistributionIds: [Int] = [], defaultOrders: [DefaultOrder] = []) {
            self.id = id; self.member = member; self.partner = partner; self.startDate = startDate; self.endDate = endDate
            self.absentDistributionIds = absentDistributionIds; self.defaultOrders = defaultOrders
        }

        /// True when `date`'s day lies within the subscription's days.
        public func covers(_ date: LocalDateTime) -> Bool {
            startDate.date <= date.date && date.date <= endDate.date
        }
    }

    /// One entry of a subscription's `defaultOrders` JSON.
    public struct DefaultOrder: Sendable, Hashable {
        public var productId: Int
        public var quantity: Decimal
        public init(productId: Int, quantity: Decimal) { self.productId = productId; self.quantity = quantity }
    }

    /// A `"UserOrder"` line of the contract.
    public struct Line: Sendable, Hashable {
        public var id: Int
        /// Nil on lines older than subscriptions: matched by account and period instead.
        public var subscriptionId: Int?
        public var userId: Int
        public var userId2: Int?
        public var distributionId: Int
        public var product: ProductInfo
        public var quantity: Decimal
        /// Bit 0: the alternation starts with `userId2`.
        public var flags: Int

        public init(id: Int, subscriptionId: Int?, userId: Int, userId2: Int? = nil, distributionId: Int,
                    product: ProductInfo, quantity: Decimal, flags: Int = 0) {
            self.id = id; self.subscriptionId = subscriptionId; self.userId = userId; self.userId2 = userId2
            self.distributionId = distributionId; self.product = product; self.quantity = quantity; self.flags = flags
        }

        /// Flag bit 0: the alternation starts with the partner.
        public var startsWithPartner: Bool { flags & 1 != 0 }
    }
}
