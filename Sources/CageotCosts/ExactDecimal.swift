import Foundation

/// Numbers read from their digits, never through `Double` (where 0.1 + 0.2 is not 0.3).
enum ExactDecimal {
    /// A TOML number literal (`1200`, `1_200.50`, `+3`, `1.5e2`) or an amount written as French text
    /// (`1200,50`, `1 200,50 €`); nil when it is neither, or longer than `Decimal`'s 38 digits.
    static func parse(_ text: String) -> Decimal? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasSuffix("€") { rest = rest.dropLast() }
        rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let sign = rest.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        var digits = ""
        var fractionDigits = 0
        var inFraction = false
        var exponent = 0
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "0"..."9":
                digits.append(character)
                if inFraction { fractionDigits += 1 }
            case ".", ",":
                guard !inFraction, !digits.isEmpty else { return nil }
                inFraction = true
            case "_", " ", "\u{00A0}", "\u{202F}":
                guard !inFraction, !digits.isEmpty else { return nil } // digit group separators
            case "e", "E":
                guard !digits.isEmpty, let value = Int(rest), abs(value) < 100 else { return nil }
                exponent = value
                rest = ""
            default:
                return nil
            }
        }
        let significant = digits.drop(while: { $0 == "0" })
        guard !digits.isEmpty, significant.count <= 38,
              let magnitude = Decimal(string: significant.isEmpty ? "0" : String(significant),
                                      locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent - fractionDigits, significand: magnitude)
    }

    /// Whether `value` is a whole number of cents.
    static func isCents(_ value: Decimal) -> Bool {
        var scaled = value * 100
        var whole = Decimal()
        NSDecimalRound(&whole, &scaled, 0, .down)
        return whole == scaled
    }
}
