import Foundation

/// A1-style names for error messages and ranges: `Commandes!B12`, `'Les Jardins'!A1:F20`.
enum CellReference {
    /// `A`…`XFD` for a 0-based column.
    static func column(_ col: Int) -> String {
        guard col >= 0 else { return "?" }
        var n = col + 1
        var letters: [Character] = []
        while n > 0 {
            let rem = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + rem))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    static func cell(row: Int, col: Int) -> String {
        "\(column(col))\(row >= 0 ? String(row + 1) : "?")"
    }

    /// The sheet name as a formula would quote it.
    static func quoted(_ sheet: String) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func cell(sheet: String, row: Int, col: Int) -> String {
        "\(quoted(sheet))!\(cell(row: row, col: col))"
    }

    static func range(sheet: String, _ range: CellRange) -> String {
        let first = cell(row: range.rows.lowerBound, col: range.columns.lowerBound)
        let last = cell(row: range.rows.upperBound, col: range.columns.upperBound)
        return "\(quoted(sheet))!\(first == last ? first : "\(first):\(last)")"
    }
}
