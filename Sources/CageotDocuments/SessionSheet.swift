import CageotCore

/// The sign-in sheet of one distribution session, ready to lay out: CAMAP's "all" list.
/// Pure data: households sorted, lines formatted, totals computed.
public struct SessionSheet: Sendable, Hashable {
    public var sessionId: Int
    public var groupName: String
    /// `jeudi 3 décembre 2026, 18h – 19h30`.
    public var when: String
    /// `jeudi 3 décembre 2026`.
    public var date: String
    /// `Salle des fêtes, 1 rue …, 44400 Rezé`.
    public var place: String
    /// `Accueil : DUPONT Marie`, `Caisse : (à pourvoir)`.
    public var volunteers: [String]
    public var households: [Household]
    /// The group's `txtDistrib` as plain text (HTML removed), nil when empty.
    public var notes: String?
    public var logo: [UInt8]?
    public var phonesHidden: Bool
    public var total: Money
    public var currency: String
    /// The contracts taking part, by name.
    public var contracts: [String]
    /// The `contacts` block: the group's main contact, then coordinators, then farmers.
    public var contacts: [Contact] = []
    /// The `planning` block: the group's next sessions with their volunteer slots.
    public var planning: [PlannedSession] = []
    /// The `changes` block: what changed since the previous session.
    public var changes = Changes()

    public struct Household: Sendable, Hashable {
        public var basketNumber: Int
        public var name: String
        /// `DUPRÉ Lé. / Ma.`: for sheets left on a table in a public place.
        public var abbreviatedName: String
        public var phones: [String]
        public var lines: [Line]
        public var total: Money
        /// The household's balance in the group (payments less debts), when CAMAP has one.
        public var balance: Money?
        /// What is left to pay: the debt the balance shows, or nothing.
        public var toPay: Money? { balance.map { $0.cents < 0 ? -$0 : .zero } }
    }

    public struct Line: Sendable, Hashable {
        public var quantity: String
        public var product: String
        public var contract: String
        public var unitPrice: Money
        public var amount: Money
    }
}
