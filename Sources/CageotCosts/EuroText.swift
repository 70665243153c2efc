import CageotCore
import Foundation

/// Exact amounts in French for the allocation's steps: `34,6875 €`, `40,00 €`, `≈ 34,7554 €`.
enum EuroText {
    /// At least 2 decimals, at most `digits`, rounded half away from zero.
    static func euros(_ value: Decimal, digits: Int = 4) -> String {
        var text = FrenchFormat.decimal(value, maxFractionDigits: digits)
        if let comma = text.firstIndex(of: ",") {
            if text.distance(from: comma, to: text.endIndex) == 2 { text += "0" }
        } else {
            text += ",00"
        }
        return text + FrenchFormat.currencySpace + "€"
    }

    /// `= 34,6875 €` when exact at `digits` decimals, else `≈ 34,7554 €`.
    static func result(_ value: Decimal, digits: Int = 4) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, digits, .plain)
        return (rounded == value ? "= " : "≈ ") + euros(value, digits: digits)
    }

    /// A metric as counted: `37`, or `12 345,67 €` for the turnover.
    static func metric(_ value: Decimal, of part: AllocationPart) -> String {
        part == .turnover ? euros(value, digits: 2) : FrenchFormat.decimal(value, maxFractionDigits: 2)
    }
}

extension AllocationPart {
    /// The label with a capital: `Part fixe`, `Foyers actifs`.
    var title: String { label.prefix(1).uppercased() + label.dropFirst() }
}
