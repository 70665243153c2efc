import CageotCore

extension SessionSheet {
    /// Someone to reach about the session, once however many contracts they hold.
    public struct Contact: Sendable, Hashable {
        /// `COORDINATEUR Noé` or `Ferme de Kervœn (Jean Dupont)`.
        public var name: String
        /// `Contact du groupe · référent Œufs, Farine` or `producteur Œufs`.
        public var role: String
        public var phone: String?
        public var email: String?
        /// A member's own phone, which a preset with `phones: false` leaves out; a farmer's is
        /// professional and always printed.
        public var isMember: Bool
    }

    /// A session to come: `jeu. 10 déc.` and its slots, a nil volunteer being a slot to fill.
    public struct PlannedSession: Sendable, Hashable {
        public var date: String
        public var slots: [Slot]

        public struct Slot: Sendable, Hashable {
            public var role: String
            public var volunteer: String?
        }
    }

    /// The `changes` page: nil `previous` means there was no session before this one.
    public struct Changes: Sendable, Hashable {
        /// `jeudi 26 novembre 2026`.
        public var previous: String?
        /// The kinds with at least one change, in a fixed order.
        public var groups: [Group] = []

        public struct Group: Sendable, Hashable {
            /// `Nouveaux contrats`.
            public var title: String
            public var rows: [Row]
        }

        /// One change: the household, its contract and what changed (`Poulet fermier : 1 → 2`).
        public struct Row: Sendable, Hashable {
            public var household: String
            public var abbreviatedHousehold: String
            public var contract: String
            public var detail: String
        }
    }
}
