import Foundation

/// A table written as CSV that French Excel and LibreOffice open in columns: UTF-8 with a BOM
/// (else Excel reads Windows-1252), `;` between fields (`,` is the decimal comma), numbers with a
/// decimal comma, dates `jj/mm/aaaa`, CRLF line ends, and quotes only where a field needs them.
public struct CSVTable: Sendable, Hashable {
    public enum Field: Sendable, Hashable {
        case text(String)
        case number(Decimal)
        case money(Money)
        case integer(Int)
        case date(LocalDate)
        case empty
    }

    public var rows: [[Field]]

    public init(rows: [[Field]] = []) { self.rows = rows }

    public mutating func append(_ row: [Field]) { rows.append(row) }

    /// The file's bytes.
    public var data: Data {
        var out = Data([0xEF, 0xBB, 0xBF])
        for row in rows {
            out.append(contentsOf: Array(row.map(Self.render).joined(separator: ";").utf8))
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    /// One field as it stands in the file.
    public static func render(_ field: Field) -> String {
        switch field {
        case .text(let text): return quoted(text)
        // Plain digits and a comma, no grouping space: spreadsheets read them as numbers.
        case .number(let value): return FrenchFormat.decimal(value, maxFractionDigits: 6).replacingOccurrences(of: FrenchFormat.thousandsSeparator, with: "")
        case .money(let money):
            let magnitude = money.cents.magnitude
            return "\(money.cents < 0 ? "-" : "")\(magnitude / 100),\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
        case .integer(let value): return String(value)
        case .date(let date): return FrenchFormat.shortDate(date)
        case .empty: return ""
        }
    }

    /// Quotes a text when it holds `;`, a quote or a line break, or could be taken for a formula
    /// (`=`, `+`, `-`, `@` first: a spreadsheet would run it) or a number (a phone's leading 0).
    static func quoted(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        let needsQuotes = text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || (text.first?.isNumber == true && text.contains(where: { $0 == " " || $0 == "," }))
            || (text.hasPrefix("0") && text.count > 1)
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
