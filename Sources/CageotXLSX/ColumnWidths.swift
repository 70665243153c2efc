import CageotCore
import Foundation

/// Column widths estimated from the text written, since libxlsxwriter cannot autofit.
///
/// Counts characters (an accented letter is one, however it is encoded), takes the widest line
/// of each column, adds a little padding and caps the result so one long comment does not make
/// a column a page wide.
public struct ColumnWidths: Sendable, Hashable {
    public var minimum: Double
    public var maximum: Double
    /// Characters added to the widest text (Excel's width unit is one `0` of the default font).
    public var padding: Double
    /// Widest text seen per column, in characters (bold text counted 10 % wider).
    public private(set) var widest: [Int: Double] = [:]

    public init(minimum: Double = 6, maximum: Double = 50, padding: Double = 2) {
        self.minimum = minimum; self.maximum = maximum; self.padding = padding
    }

    /// Notes text shown in `col`; for multi-line text, the longest line counts.
    public mutating func note(col: Int, text: String, bold: Bool = false) {
        let longest = text.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
        let width = Double(longest) * (bold ? 1.1 : 1)
        if width > widest[col, default: 0] { widest[col] = width }
    }

    /// Notes a cell as a French Excel would show it (`1 234,56 €`, `31/12/2025`).
    public mutating func note(col: Int, cell: Cell, format: Format? = nil) {
        note(col: col, text: Self.displayText(cell), bold: format?.isBold ?? false)
    }

    /// The width to give `col`, or nil if nothing was noted there.
    public func width(col: Int) -> Double? {
        widest[col].map { min(maximum, max(minimum, ($0 + padding).rounded(.up))) }
    }

    /// Sets the width of every noted column.
    public func apply(to sheet: Worksheet) throws(XLSXError) {
        for col in widest.keys.sorted() {
            try sheet.setColumnWidth(col, width(col: col)!)
        }
    }

    static func displayText(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15
            ? String(Int(number)) : String(number)
        case .money(let money):
            // "-1 234,56 €": digits, a space every three, comma, two decimals, space, euro sign.
            let digits = String(money.cents.magnitude / 100)
            let groups = (digits.count - 1) / 3
            return (money.cents < 0 ? "-" : "") + String(repeating: "0", count: digits.count + groups) + ",00 €"
        case .decimal(let decimal): return decimal.description
        case .integer(let integer): return String(integer)
        case .date: return "00/00/0000"
        case .formula(_, let cached): return displayText(.number(cached))
        case .blank: return ""
        }
    }
}
