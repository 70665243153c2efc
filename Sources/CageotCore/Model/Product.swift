/// How a product is measured (`"Product".unitType`).
public enum UnitType: Int, Sendable, Hashable, Codable {
    case piece = 0, kilogram, gram, litre, centilitre, millilitre

    /// The symbol printed after a quantity (`kg`, `L`); empty for pieces.
    public var symbol: String {
        switch self {
        case .piece: ""
        case .kilogram: "kg"
        case .gram: "g"
        case .litre: "L"
        case .centilitre: "cL"
        case .millilitre: "mL"
        }
    }
}

/// The product fields an order line shows (CAMAP reads them from the current `"Product"` row).
public struct ProductInfo: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    /// Quantity per unit (12 for a dozen, 1.5 for a 1.5 kg chicken), when given.
    public var qt: Decimal?
    public var unitType: UnitType?
    public var vat: Decimal
    public var bulk: Bool
    public var variablePrice: Bool
    public var multiWeight: Bool

    public init(id: Int, name: String, qt: Decimal? = nil, unitType: UnitType? = nil, vat: Decimal = 0,
                bulk: Bool = false, variablePrice: Bool = false, multiWeight: Bool = false) {
        self.id = id; self.name = name; self.qt = qt; self.unitType = unitType; self.vat = vat
        self.bulk = bulk; self.variablePrice = variablePrice; self.multiWeight = multiWeight
    }

    /// Sold by weight or volume: the quantity is a measure (`1,5 kg`), not a count.
    public var isMeasured: Bool { bulk || variablePrice }

    /// The quantity as CAMAP shows it: `1,5 kg` for bulk and variable-price products
    /// (ordered quantity × quantity per unit, with the unit), a count otherwise.
    public func formatQuantity(_ quantity: Decimal) -> String {
        guard isMeasured else { return FrenchFormat.decimal(quantity) }
        let measure = quantity * (qt ?? 1)
        let symbol = unitType?.symbol ?? ""
        return symbol.isEmpty ? FrenchFormat.decimal(measure) : "\(FrenchFormat.decimal(measure))\u{00A0}\(symbol)"
    }
}

import Foundation
