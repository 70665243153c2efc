import Foundation

/// The people to reach about a session: the group's main contact (`"Group".userId`), the
/// coordinator ("référent", `"Catalog".userId`) and the farmer (`"Vendor"`) of each contract
/// taking part.
public struct SessionContacts: Sendable, Hashable, Codable {
    public var mainContact: Member?
    public var coordinators: [Coordinator]
    public var farmers: [Farmer]

    public init(mainContact: Member? = nil, coordinators: [Coordinator] = [], farmers: [Farmer] = []) {
        self.mainContact = mainContact; self.coordinators = coordinators; self.farmers = farmers
    }

    /// A contract's coordinator: a member, whose phones the group may hide.
    public struct Coordinator: Sendable, Hashable, Codable {
        public var contractId: Int
        public var contractName: String
        public var member: Member
        public init(contractId: Int, contractName: String, member: Member) {
            self.contractId = contractId; self.contractName = contractName; self.member = member
        }
    }

    /// A contract's farmer, with the farm's professional phone and e-mail (never hidden).
    public struct Farmer: Sendable, Hashable, Codable {
        public var vendorId: Int
        public var name: String
        public var peopleName: String?
        public var phone: String?
        public var email: String?
        public var contractName: String
        public init(vendorId: Int, name: String, peopleName: String? = nil, phone: String? = nil, email: String? = nil,
                    contractName: String) {
            self.vendorId = vendorId; self.name = name; self.peopleName = peopleName; self.phone = phone
            self.email = email; self.contractName = contractName
        }
    }
}

/// A session of the group to come, with its volunteer slots (filled or empty).
public struct PlannedSession: Sendable, Hashable, Codable {
    public var id: Int
    public var start: LocalDateTime
    public var slots: [VolunteerSlot]
    public init(id: Int, start: LocalDateTime, slots: [VolunteerSlot]) { self.id = id; self.start = start; self.slots = slots }
}

/// What changed since the group's previous session, for the contracts taking part in this one.
public struct SessionChanges: Sendable, Hashable, Codable {
    /// The latest session of the group starting before this one; nil when there is none.
    public var previous: Previous?
    public var items: [Item]

    public init(previous: Previous? = nil, items: [Item] = []) { self.previous = previous; self.items = items }

    public struct Previous: Sendable, Hashable, Codable {
        public var id: Int
        public var start: LocalDateTime
        public init(id: Int, start: LocalDateTime) { self.id = id; self.start = start }
    }

    /// One change for one household, in one contract.
    public struct Item: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case newSubscription, endedSubscription, absence, cancelledLine, changedQuantity
        }
        public var kind: Kind
        public var member: Member
        public var contractName: String
        /// The product of a cancelled line or a changed quantity.
        public var product: ProductInfo?
        /// Changed quantities: the total ordered at the previous session (nil: not ordered then).
        public var before: Decimal?
        /// Changed quantities: the total ordered at this session (nil: not ordered any more).
        public var after: Decimal?
        /// Subscriptions: the day it starts (new) or ends (ended).
        public var date: LocalDate?

        public init(kind: Kind, member: Member, contractName: String, product: ProductInfo? = nil,
                    before: Decimal? = nil, after: Decimal? = nil, date: LocalDate? = nil) {
            self.kind = kind; self.member = member; self.contractName = contractName; self.product = product
            self.before = before; self.after = after; self.date = date
        }
    }
}
