import CageotCore
import Foundation

/// Column widths estimated from the text written, since libxlsxwriter cannot autofit.
///
/// Counts characters (an accented letter is one, however it is encoded), takes the widest line
/// of each column, adds a little padding and caps the result so one long comment does not make
/// a column a page wide.
///
/// Every written cell is measured, so measuring builds no text: ASCII is counted byte by byte,
/// numbers by their digits, and a decimal's text is made once per distinct value.
public struct ColumnWidths: Sendable, Hashable {
    public var minimum: Double
    public var maximum: Double
    /// Characters added to the widest text (Excel's width unit is one `0` of the default font).
    public var padding: Double
    /// Widest text seen per column (index), in characters (bold text counted 10 % wider); 0: none.
    private var widths: [Double] = []
    /// The length of each decimal's text seen so far (the same quantities come back on every row).
    private var decimalLengths: [Decimal: Int] = [:]

    public init(minimum: Double = 6, maximum: Double = 50, padding: Double = 2) {
        self.minimum = minimum; self.maximum = maximum; self.padding = padding
    }

    /// Widest text seen per column, in characters (bold text counted 10 % wider).
    public var widest: [Int: Double] {
        Dictionary(uniqueKeysWithValues: widths.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) })
    }

    /// Notes text shown in `col`; for multi-line text, the longest line counts.
    public mutating func note(col: Int, text: String, bold: Bool = false) {
        note(col: col, length: Self.longestLine(text), bold: bold)
    }

    /// Notes a cell as a French Excel would show it (`1 234,56 €`, `31/12/2025`).
    public mutating func note(col: Int, cell: Cell, format: Format? = nil) {
        let bold = format?.isBold ?? false
        switch cell {
        case .text(let text): note(col: col, length: Self.longestLine(text), bold: bold)
        case .decimal(let decimal):
            let length: Int
            if let known = decimalLengths[decimal] {
                length = known
            } else {
                length = decimal.description.count
                decimalLengths[decimal] = length
            }
            note(col: col, length: length, bold: bold)
        default: note(col: col, length: Self.length(cell), bold: bold)
        }
    }

    private mutating func note(col: Int, length: Int, bold: Bool) {
        guard col >= 0 else { return }
        let width = Double(length) * (bold ? 1.1 : 1)
        guard width > 0 else { return }
        if col >= widths.count { widths += repeatElement(0, count: col + 1 - widths.count) }
        if width > widths[col] { widths[col] = width }
    }

    /// The width to give `col`, or nil if nothing was noted there.
    public func width(col: Int) -> Double? {
        guard widths.indices.contains(col), widths[col] > 0 else { return nil }
        return min(maximum, max(minimum, (widths[col] + padding).rounded(.up)))
    }

    /// Sets the width of every noted column.
    public func apply(to sheet: Worksheet) throws(XLSXError) {
        for col in widths.indices where widths[col] > 0 {
            try sheet.setColumnWidth(col, width(col: col)!)
        }
    }

    public static func == (a: ColumnWidths, b: ColumnWidths) -> Bool {
        a.minimum == b.minimum && a.maximum == b.maximum && a.padding == b.padding && a.widest == b.widest
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(minimum); hasher.combine(maximum); hasher.combine(padding); hasher.combine(widest)
    }

    /// Characters of the longest line of `text` (lines split at any newline, as `Character.isNewline`).
    static func longestLine(_ text: String) -> Int {
        // Below U+0300 (ASCII, Latin-1, Latin Extended-A and B) there is no combining mark: each
        // code point is a character, and the newlines are LF, VT, FF, CR (CR LF: one) and NEL.
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A...0x0D, 0x85: longest = max(longest, current); current = 0
            case 0..<0x300: current += 1
            default: return text.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
            }
        }
        return max(longest, current)
    }

    /// Characters of `cell` as a French Excel shows it, counted without making the text.
    static func length(_ cell: Cell) -> Int {
        switch cell {
        case .text(let text): return longestLine(text)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? digits(Int(number)) : String(number).count
        case .money(let money):
            // "-1 234,56 €": digits, a space every three, comma, two decimals, space, euro sign.
            let count = digits(Int(money.cents.magnitude / 100))
            return (money.cents < 0 ? 1 : 0) + count + (count - 1) / 3 + 5
        case .decimal(let decimal): return decimal.description.count
        case .integer(let integer): return digits(integer)
        case .date: return 10
        case .formula(_, let cached): return length(.number(cached))
        case .blank: return 0
        }
    }

    /// Characters of `value` written in decimal, with its minus sign.
    static func digits(_ value: Int) -> Int {
        var count = value < 0 ? 2 : 1
        var rest = value.magnitude / 10
        while rest > 0 { count += 1; rest /= 10 }
        return count
    }
}
