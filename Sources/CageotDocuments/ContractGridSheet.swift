import CageotCore

/// The sign-in grid of one classic contract over a date range, ready to lay out: one row per
/// subscription (sorted by surname ignoring case and accents), one column per distribution, each
/// cell saying whether there is a basket to sign for, an absence, no order, or no subscription.
/// Pure data: names, baskets and dates already written as they will print.
public struct ContractGridSheet: Sendable, Hashable {
    public var catalogId: Int
    public var groupName: String
    public var contractName: String
    public var vendorName: String
    /// `du 1er décembre 2026 au 31 décembre 2026`.
    public var period: String
    public var from: LocalDate
    public var to: LocalDate
    public var dates: [DateColumn]
    /// `Contrat / Panier`, or one product name per column.
    public var basketTitles: [String]
    /// `Téléphone`, `E-mail`, or none.
    public var contactTitles: [String]
    public var rows: [Row]
    /// The group hides phones (`"Group".flags` bit 6): none is printed.
    public var phonesHidden: Bool

    public struct DateColumn: Sendable, Hashable {
        public var distributionId: Int
        public var date: LocalDate
        /// `03/12` or `jeu. 3 déc.`, with `×2` on a second line for a double delivery.
        public var title: String
    }

    /// One subscription: its holder, the alternation partner, the basket and a cell per date.
    public struct Row: Sendable, Hashable {
        public var subscriptionId: Int
        /// The holder, then the partner of an alternated basket: one line each.
        public var people: [Person]
        /// One text per basket column (a product's quantity, or the whole basket).
        public var basket: [String]
        /// One per date column.
        public var cells: [Cell]

        public var isAlternated: Bool { people.count > 1 }
    }

    public struct Person: Sendable, Hashable {
        public var name: String
        /// One text per contact column.
        public var contact: [String]
    }

    public enum Cell: Sendable, Hashable {
        /// A basket to collect: the box is left blank to sign.
        case sign
        /// An alternated basket to collect by `people[person]` (0 the holder, 1 the partner).
        case turn(person: Int)
        /// The distribution is in the subscription's declared absences.
        case absent
        /// Subscribed, no absence declared, but no order line (cancelled, or never made).
        case noOrder
        /// The distribution is outside the subscription's period.
        case notSubscribed
    }

    public enum Turn: Sendable, Hashable { case holder, partner }

    /// CAMAP's alternation rule: the contract's distributions counted from its start up to this
    /// one; odd → the holder (`userId`), even → the partner (`userId2`), swapped when the order's
    /// flag bit 0 says the alternation starts with the partner.
    public static func turn(ordinal: Int, startsWithPartner: Bool) -> Turn {
        (ordinal % 2 != 0) != startsWithPartner ? .holder : .partner
    }
}
