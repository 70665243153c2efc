import CageotCore
import Foundation

/// A farmer's orders for a range of days (usually an ISO week), across every group: what to
/// prepare per product and per distribution, and each distribution's baskets. Pure data.
public struct VendorOrders: Sendable, Hashable {
    public var vendorName: String
    /// `Commandes — Ferme de Kervœn — du 30/11/2026 au 06/12/2026`.
    public var title: String
    public var from: LocalDate
    public var to: LocalDate
    /// The summary's distribution columns, by date.
    public var distributions: [Distribution]
    /// The summary's rows, by product name ignoring case and accents.
    public var products: [Product]
    /// Σ per VAT rate of the product rows, by rate.
    public var rates: [RateTotal]
    /// Σ every line amount (VAT included).
    public var total: Money
    public var totalExcludingVAT: Money
    public var totalVAT: Money

    public var isEmpty: Bool { distributions.isEmpty }

    public struct Distribution: Sendable, Hashable {
        public var id: Int
        public var groupName: String
        public var contractName: String
        public var date: LocalDate
        /// `AMAP de Rezé — jeu. 3 déc.`: the summary's column title.
        public var label: String
        /// `jeu. 3 déc. AMAP de Rezé`: the sheets' name before cleaning and cutting.
        public var sheetName: String
        /// Whether phones may be printed (the group's HidePhone flag is off).
        public var showsPhones: Bool
        /// The households, by last name then first name ignoring case and accents.
        public var households: [Household]
        /// The matrix sheet's product columns, by name.
        public var columns: [MatrixColumn]
        /// Σ each column over the households.
        public var columnTotals: [Decimal]
        public var total: Money
    }

    /// A product column of a distribution's product × household matrix.
    public struct MatrixColumn: Sendable, Hashable {
        public var productId: Int
        /// `Farine T80 (kg)`: the name with its unit.
        public var name: String
        /// `kg`, `pièces`, or empty for a count.
        public var unit: String
        public var tally: DistributionMatrix.Tally
    }

    public struct Household: Sendable, Hashable {
        public var basketNumber: Int
        public var name: String
        /// For a basket shared in alternation: who collects it at this distribution; else nil.
        public var turn: String?
        /// The phones, or nil when the group hides them or there are none.
        public var phone: String?
        public var lines: [Line]
        /// The matrix row: per column of the distribution, the quantity (as in the summary), or nil.
        public var quantities: [Decimal?]
        public var total: Money
    }

    public struct Line: Sendable, Hashable {
        public var product: String
        public var quantity: Decimal
        /// The frozen unit price, VAT included (may have more than two decimals: 2,675 €).
        public var unitPrice: Decimal
        public var amount: Money
    }

    public struct Product: Sendable, Hashable {
        public var id: Int
        /// `Œufs (boîte de 12)`, or `Farine T80 (kg)` when the unit is not already in the name.
        public var name: String
        public var tally: DistributionMatrix.Tally
        /// `kg`, `pièces`, or empty for a count.
        public var unit: String
        /// The total to prepare: pieces, measure (in `unit`) or count.
        public var quantity: Decimal
        /// The same per summary distribution column; nil where the product is not delivered.
        public var perDistribution: [Decimal?]
        /// `"Product".vat`, percent.
        public var vatRate: Decimal
        /// Σ line amounts, VAT included.
        public var amount: Money
        /// `amount / (1 + vatRate/100)` rounded half away from zero to the cent.
        public var amountExcludingVAT: Money
        /// `amount − amountExcludingVAT`, so the three columns always add up.
        public var vat: Money
    }

    public struct RateTotal: Sendable, Hashable {
        public var rate: Decimal
        public var amount: Money
        public var amountExcludingVAT: Money
        public var vat: Money
    }
}
