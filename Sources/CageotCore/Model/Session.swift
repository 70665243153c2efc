import Foundation

/// One distribution session (`"MultiDistrib"`) with its group and place.
public struct SessionInfo: Sendable, Hashable, Codable {
    public var id: Int
    public var groupId: Int
    public var groupName: String
    /// `"Group".flags` bit 6: phones must not be printed.
    public var hidePhone: Bool
    public var txtDistrib: String?
    public var currency: String
    public var placeName: String
    public var placeAddress: String
    public var start: LocalDateTime
    public var end: LocalDateTime

    public init(id: Int, groupId: Int, groupName: String, hidePhone: Bool, txtDistrib: String?, currency: String,
                placeName: String, placeAddress: String, start: LocalDateTime, end: LocalDateTime) {
        self.id = id; self.groupId = groupId; self.groupName = groupName; self.hidePhone = hidePhone
        self.txtDistrib = txtDistrib; self.currency = currency; self.placeName = placeName
        self.placeAddress = placeAddress; self.start = start; self.end = end
    }
}

/// A volunteer duty slot of a session: a role, filled by a member or still empty.
public struct VolunteerSlot: Sendable, Hashable, Codable {
    public var role: String
    public var member: Member?
    public init(role: String, member: Member?) { self.role = role; self.member = member }
}

/// One confirmed order line of a session, with the product as it is now and the frozen price.
public struct OrderLine: Sendable, Hashable, Codable {
    public var id: Int
    public var basketId: Int
    public var basketNumber: Int
    /// The household the basket belongs to.
    public var householdId: Int
    public var contractId: Int
    public var contractName: String
    public var product: ProductInfo
    public var quantity: Decimal
    public var unitPrice: Decimal

    public init(id: Int, basketId: Int, basketNumber: Int, householdId: Int, contractId: Int, contractName: String,
                product: ProductInfo, quantity: Decimal, unitPrice: Decimal) {
        self.id = id; self.basketId = basketId; self.basketNumber = basketNumber; self.householdId = householdId
        self.contractId = contractId; self.contractName = contractName; self.product = product
        self.quantity = quantity; self.unitPrice = unitPrice
    }

    /// Quantity × unit price, rounded half away from zero to the cent.
    public var amount: Money { Money.lineAmount(quantity: quantity, unitPrice: unitPrice) }
}

/// Everything the session sign-in sheet is built from, as read from the database.
public struct SessionSheetData: Sendable, Hashable, Codable {
    public var session: SessionInfo
    public var volunteers: [VolunteerSlot]
    public var members: [Member]
    public var lines: [OrderLine]
    public var logo: [UInt8]?
    /// The `contacts` block: main contact, coordinators and farmers of the contracts taking part.
    public var contacts: SessionContacts
    /// The `planning` block: the group's next sessions with their volunteer slots, as many as a
    /// preset may show (12) whatever the preset shows, so the fingerprint covers them all.
    public var planning: [PlannedSession]
    /// The `changes` block: what changed since the group's previous session.
    public var changes: SessionChanges
    /// Each household's balance in the group (`"UserGroup".balance`: payments less debts), by user id.
    public var balances: [Int: Decimal]

    public init(session: SessionInfo, volunteers: [VolunteerSlot], members: [Member], lines: [OrderLine], logo: [UInt8]? = nil,
                contacts: SessionContacts = SessionContacts(), planning: [PlannedSession] = [],
                changes: SessionChanges = SessionChanges(), balances: [Int: Decimal] = [:]) {
        self.session = session; self.volunteers = volunteers; self.members = members; self.lines = lines; self.logo = logo
        self.contacts = contacts; self.planning = planning; self.changes = changes; self.balances = balances
    }
}
