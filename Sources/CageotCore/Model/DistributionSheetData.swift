import Foundation

/// One contract taking part in one session (`"Distribution"`), with its catalog, farm, group and place.
public struct DistributionInfo: Sendable, Hashable, Codable {
    public var id: Int
    public var sessionId: Int
    public var catalogId: Int
    public var catalogName: String
    /// `"Catalog".type`: 0 classic contract, 1 variable contract.
    public var catalogType: Int
    /// `"Vendor".name`: the farm.
    public var vendorName: String
    public var groupId: Int
    public var groupName: String
    /// `"Group".flags` bit 6: phones must not be printed.
    public var hidePhone: Bool
    public var currency: String
    public var placeName: String
    public var placeAddress: String
    public var start: LocalDateTime
    public var end: LocalDateTime

    public init(id: Int, sessionId: Int, catalogId: Int, catalogName: String, catalogType: Int, vendorName: String,
                groupId: Int, groupName: String, hidePhone: Bool, currency: String, placeName: String,
                placeAddress: String, start: LocalDateTime, end: LocalDateTime) {
        self.id = id; self.sessionId = sessionId; self.catalogId = catalogId; self.catalogName = catalogName
        self.catalogType = catalogType; self.vendorName = vendorName; self.groupId = groupId; self.groupName = groupName
        self.hidePhone = hidePhone; self.currency = currency; self.placeName = placeName; self.placeAddress = placeAddress
        self.start = start; self.end = end
    }

    /// A variable contract (`"Catalog".type` 1): orders change at each distribution.
    public var isVariableContract: Bool { catalogType == 1 }
}

/// A household's balance on one contract: what it paid minus what it ordered, over every
/// distribution of its subscription(s) to the contract.
public struct ContractBalance: Sendable, Hashable, Codable {
    public var householdId: Int
    /// The `"Subscription"` rows the balance covers (usually one).
    public var subscriptionIds: [Int]
    /// Σ payments (`"Operation"` type 2, a refund is negative), each rounded to the cent.
    public var paid: Money
    /// Σ order line amounts, each line rounded to the cent; cancelled lines and OPEN carts left out.
    public var ordered: Money

    public init(householdId: Int, subscriptionIds: [Int], paid: Money, ordered: Money) {
        self.householdId = householdId; self.subscriptionIds = subscriptionIds; self.paid = paid; self.ordered = ordered
    }

    /// Positive: the household has money in advance; negative: it owes.
    public var balance: Money { paid - ordered }
}

/// Everything both distribution sheets (variable-contract sign-in sheet, product × household
/// matrix) are built from, read at once from the database.
public struct DistributionSheetData: Sendable, Hashable, Codable {
    public var distribution: DistributionInfo
    /// The households of the confirmed baskets.
    public var members: [Member]
    /// Today's confirmed, non-cancelled lines of this contract.
    public var lines: [OrderLine]
    /// One per household that has a subscription to the contract; a household without one has none.
    public var balances: [ContractBalance]

    public init(distribution: DistributionInfo, members: [Member], lines: [OrderLine], balances: [ContractBalance]) {
        self.distribution = distribution; self.members = members; self.lines = lines; self.balances = balances
    }
}

/// A distribution sheet that cannot be made from these data.
public enum DistributionSheetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The variable-contract sheet was asked for a classic contract.
    case classicContract(distributionId: Int, catalogId: Int, catalogName: String)

    public var description: String {
        switch self {
        case let .classicContract(distribution, catalog, name):
            "distribution \(distribution) belongs to « \(name) » (catalog \(catalog)), a classic contract (Catalog.type 0): "
                + "the variable-contract sheet is only for variable contracts. Print the classic-contract grid for it, "
                + "or the product matrix (--layout matrix)."
        }
    }
}
