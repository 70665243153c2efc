import CXLSXWriter
import CageotCore
import Foundation

/// A sheet of an open workbook: a non-owning handle that keeps its workbook alive and refuses to
/// work (with an `XLSXError`) once the workbook is closed.
///
/// Not Sendable: it writes into its workbook's C state.
public struct Worksheet {
    /// Excel's limits: rows 1…1,048,576 and columns A…XFD.
    public static let rowCount = Int(LXW_ROW_MAX)
    public static let columnCount = Int(LXW_COL_MAX)

    let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The name the sheet really has (after `SheetName.safe`).
    public let name: String

    /// Writes one value. Money and dates get the euro and date number formats unless `format`
    /// has its own number format.
    public func write(row: Int, col: Int, _ value: Cell, format: Format? = nil) throws(XLSXError) {
        let (r, c) = try index(row: row, col: col)
        let location = { CellReference.cell(sheet: self.name, row: row, col: col) }
        let lxwFormat = try workbook.lxwFormat(Self.effectiveFormat(for: value, format), location: location())
        let status: lxw_error
        switch value {
        case .text(let text):
            status = XMLText.cell(text).withCString { worksheet_write_string(handle, r, c, $0, lxwFormat) }
        case .number(let number):
            status = try worksheet_write_number(handle, r, c, finite(number, location), lxwFormat)
        case .money(let money):
            status = worksheet_write_number(handle, r, c, Double(money.cents) / 100, lxwFormat)
        case .decimal(let decimal):
            let number = workbook.double(decimal)
            status = try worksheet_write_number(handle, r, c, finite(number, location), lxwFormat)
        case .integer(let integer):
            guard integer.magnitude <= 1 << 53 else {
                throw workbook.error(LXW_ERROR_PARAMETER_VALIDATION, location: location(),
                                     detail: "\(integer) is beyond ±2^53 and would not stay exact")
            }
            status = worksheet_write_number(handle, r, c, Double(integer), lxwFormat)
        case .date(let date):
            guard (1900...9999).contains(date.year), LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date else {
                throw workbook.error(LXW_ERROR_PARAMETER_VALIDATION, location: location(),
                                     detail: "\(date) is not a date Excel can hold (1900-01-01…9999-12-31)")
            }
            var datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day),
                                        hour: 0, min: 0, sec: 0)
            status = worksheet_write_datetime(handle, r, c, &datetime, lxwFormat)
        case .formula(let formula, let cached):
            let value = try finite(cached, location)
            status = formula.withCString { worksheet_write_formula_num(handle, r, c, $0, lxwFormat, value) }
        case .blank:
            status = worksheet_write_blank(handle, r, c, lxwFormat)
        }
        if status != LXW_NO_ERROR { throw workbook.error(status, location: location()) }
    }

    /// Writes `cells` side by side from `col`, all with `format`.
    public func write(row: Int, fromCol col: Int = 0, _ cells: [Cell], format: Format? = nil) throws(XLSXError) {
        for (offset, cell) in cells.enumerated() {
            try write(row: row, col: col + offset, cell, format: format)
        }
    }

    /// The format a value is written with: the caller's, plus the number format its type needs.
    static func effectiveFormat(for value: Cell, _ format: Format?) -> Format? {
        let needed: String? = switch value {
        case .money: Format.euroNumberFormat
        case .date: Format.dateNumberFormat
        default: nil
        }
        guard let needed, format?.numberFormat == nil else { return format }
        return (format ?? Format()).numberFormat(needed)
    }

    // MARK: - Checks shared with the layout methods

    func index(row: Int, col: Int) throws(XLSXError) -> (lxw_row_t, lxw_col_t) {
        _ = try workbook.openHandle(location: CellReference.cell(sheet: name, row: row, col: col))
        guard (0..<Self.rowCount).contains(row), (0..<Self.columnCount).contains(col) else {
            throw workbook.error(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE,
                                 location: CellReference.cell(sheet: name, row: row, col: col),
                                 detail: "row \(row) column \(col), counted from 0")
        }
        return (lxw_row_t(row), lxw_col_t(col))
    }

    func indices(_ range: CellRange) throws(XLSXError) -> (lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t) {
        let (r1, c1) = try index(row: range.rows.lowerBound, col: range.columns.lowerBound)
        let (r2, c2) = try index(row: range.rows.upperBound, col: range.columns.upperBound)
        return (r1, c1, r2, c2)
    }

    private func finite(_ number: Double, _ location: () -> String) throws(XLSXError) -> Double {
        guard number.isFinite else {
            // libxlsxwriter would write "nan" or "inf" into the XML, which Excel rejects as corrupt.
            throw workbook.error(LXW_ERROR_PARAMETER_VALIDATION, location: location(),
                                 detail: "\(number) is not a finite number")
        }
        return number
    }
}

/// A sheet writes into its workbook's C state, so it stays with its workbook.
@available(*, unavailable)
extension Worksheet: Sendable {}
