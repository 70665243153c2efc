import CageotCore
import Foundation

/// What the farmer must bring to one distribution: households down, the products ordered across,
/// quantities in the cells, each household's amount at the right and each product's total at the
/// foot. Pure data, for any contract (classic or variable).
public struct DistributionMatrix: Sendable, Hashable {
    public var distributionId: Int
    public var groupName: String
    public var contractName: String
    public var farmName: String
    /// `jeudi 3 décembre 2026`.
    public var date: String
    /// `jeudi 3 décembre 2026, 18h – 19h30`.
    public var when: String
    public var place: String
    /// The columns: the contract's products ordered today, by name.
    public var products: [Product]
    /// The rows, sorted by last name then first name ignoring case and accents.
    public var households: [Household]
    /// Σ every line amount.
    public var total: Money
    public var currency: String

    /// How a product's quantities add up.
    public enum Tally: Sendable, Hashable {
        /// One line per piece, each weighed (`multiWeight`): the pieces are counted, one per line.
        case pieces
        /// Bulk or variable-price: quantities × quantity per unit are summed, with the unit (`12,5 kg`).
        case measure(unit: String)
        /// Everything else: quantities are summed as a count.
        case count
    }

    public struct Product: Sendable, Hashable {
        public var id: Int
        public var name: String
        public var tally: Tally
        /// The total as a number: pieces, measure (in `unit`) or count.
        public var quantity: Decimal
        /// The total as printed: `3 pièces`, `12,5 kg`, `8`.
        public var total: String
        /// Σ the product's line amounts.
        public var amount: Money
    }

    public struct Household: Sendable, Hashable {
        public var basketNumber: Int
        public var name: String
        /// One per product column; empty where the household ordered none.
        public var cells: [String]
        /// Σ the household's line amounts.
        public var total: Money
    }
}
