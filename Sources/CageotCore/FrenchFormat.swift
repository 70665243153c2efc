import Foundation

/// French number, money, quantity and date formats, computed without locale data so that output
/// never depends on the machine (`12,50 €`, `1 234,50 €`, `1,5 kg`, `samedi 5 décembre 2026`).
public enum FrenchFormat {
    /// U+202F NARROW NO-BREAK SPACE groups thousands; U+00A0 NO-BREAK SPACE precedes the € sign.
    public static let thousandsSeparator = "\u{202F}"
    public static let currencySpace = "\u{00A0}"

    public static func money(_ amount: Money, currency: String = "€") -> String {
        let sign = amount.cents < 0 ? "-" : ""
        let magnitude = amount.cents.magnitude
        let units = grouped(String(magnitude / 100))
        let cents = magnitude % 100
        return "\(sign)\(units),\(cents < 10 ? "0" : "")\(cents)\(currencySpace)\(currency)"
    }

    /// A decimal with a comma, no trailing zeros, at most `maxFractionDigits` digits: `1,5`, `12`, `0,25`.
    public static func decimal(_ value: Decimal, maxFractionDigits: Int = 3) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, maxFractionDigits, .plain)
        let negative = rounded < 0
        let text = (negative ? -rounded : rounded).description // "1234.5" in the POSIX form
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var result = grouped(parts[0])
        if parts.count == 2 {
            let fraction = String(parts[1].reversed().drop { $0 == "0" }.reversed()) // no regex: called per line
            if !fraction.isEmpty { result += "," + fraction }
        }
        return (negative ? "-" : "") + result
    }

    /// `1 234` (a narrow no-break space between thousands).
    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    static func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, ch) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += thousandsSeparator }
            out.append(ch)
        }
        return out
    }

    public static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    public static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                "août", "septembre", "octobre", "novembre", "décembre"]

    /// `samedi 5 décembre 2026` (`1er` for the first of the month, as French writes it).
    public static func longDate(_ date: LocalDate) -> String {
        let day = date.day == 1 ? "1er" : String(date.day)
        return "\(weekdays[date.weekdayIndex]) \(day) \(months[date.month - 1]) \(date.year)"
    }

    /// `18h30` or `18h`.
    public static func time(_ time: LocalDateTime) -> String {
        time.minute == 0 ? "\(time.hour)h" : "\(time.hour)h\(time.minute < 10 ? "0" : "")\(time.minute)"
    }

    /// `05/12/2026`.
    public static func shortDate(_ date: LocalDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }
}
