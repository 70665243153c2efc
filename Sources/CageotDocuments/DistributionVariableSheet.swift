import CageotCore

/// The sign-in sheet of one variable-contract distribution, ready to lay out: per household its
/// contract balance, what it takes home today, blank cells for the weight delivered and a new
/// provision, and room to sign. Pure data: households sorted, lines formatted, totals computed.
public struct DistributionVariableSheet: Sendable, Hashable {
    public var distributionId: Int
    public var groupName: String
    public var contractName: String
    /// The farm (`"Vendor".name`).
    public var farmName: String
    /// `jeudi 3 décembre 2026`.
    public var date: String
    /// `jeudi 3 décembre 2026, 18h – 19h30`.
    public var when: String
    public var place: String
    public var households: [Household]
    public var phonesHidden: Bool
    /// Σ what the households take home today.
    public var total: Money
    public var currency: String

    public struct Household: Sendable, Hashable {
        public var basketNumber: Int
        public var name: String
        /// Empty when the group hides phones.
        public var phones: [String]
        /// Paid − ordered on the contract, every distribution included; nil without a subscription.
        public var balance: Money?
        /// Σ today's line amounts.
        public var delivered: Money
        public var lines: [Line]
    }

    public struct Line: Sendable, Hashable {
        /// As CAMAP shows it: `3`, `1,5 kg`.
        public var quantity: String
        public var product: String
        public var unitPrice: Money
        public var amount: Money
        /// Weighed at the distribution (variable price or one line per piece): the weight is written down.
        public var weighed: Bool
        /// The unit the weight is written in (`kg`), empty for pieces.
        public var unit: String
    }
}
