import CageotCore
import CageotDocuments
import CageotXLSX
import Foundation

/// Builds a contract's payments workbook from `data` and writes it to `url` (not atomically: the
/// `DocumentFactory` wraps it in `AtomicFile`). `createdAt` (seconds since 1970) is the creation
/// date written into the properties, so the same data give the same bytes.
public func writePayments(_ data: PaymentsData, to url: URL, createdAt: Int) throws {
    try PaymentsWorkbook.write(Payments(data), to: url, createdAt: createdAt)
}

/// The XLSX rendering of `Payments` ("Contrats", "Paiements" and "Remise de chèques"), and of
/// `VendorPayments` (a "Récapitulatif" first, then the same sheets over every contract).
public enum PaymentsWorkbook {
    static let contractsName = "Contrats"
    static let paymentsName = "Paiements"
    static let checksName = "Remise de chèques"
    static let header = VendorOrdersWorkbook.header
    static let totalRow = VendorOrdersWorkbook.totalRow
    static let totalMoney = VendorOrdersWorkbook.totalMoney
    static let totalCount = totalRow.numberFormat("0")
    static let dateFormat = Format().numberFormat(Format.dateNumberFormat)

    /// Writes the workbook; returns the names of its sheets.
    @discardableResult
    public static func write(_ payments: Payments, to url: URL, createdAt: Int) throws -> [String] {
        let properties = Workbook.DocumentProperties(title: payments.title, author: payments.groupName,
                                                     comments: "Généré par Cageot", createdAt: createdAt)
        let book = try Workbook(path: url, properties: properties)
        let range = "du \(FrenchFormat.shortDate(payments.from)) au \(FrenchFormat.shortDate(payments.to))"
        let checks = ChecksHeading(
            lines: [("À l'ordre de", payments.payee ?? "(à l'ordre : non renseigné)"),
                    ("Contrat", "\(payments.contractName) — \(payments.groupName)"), ("Chèques reçus", range)],
            printTitle: "Remise de chèques — \(payments.contractName) — \(range)")
        try writeSheets(PaymentsTables([payments], showsContract: false), title: payments.title, checks: checks, into: book)
        let names = book.worksheetNames
        try book.close()
        return names
    }

    /// Adds "Contrats", "Paiements" and "Remise de chèques" for `tables` to `book`.
    static func writeSheets(_ tables: PaymentsTables, title: String, checks: ChecksHeading, into book: Workbook) throws {
        try writeContracts(tables, title: title, into: try book.addWorksheet(named: contractsName))
        try writePayments(tables, title: title, into: try book.addWorksheet(named: paymentsName))
        try writeChecks(tables.checks, heading: checks, into: try book.addWorksheet(named: checksName))
    }

    // MARK: - Contrats

    static func writeContracts(_ tables: PaymentsTables, title: String, into sheet: Worksheet) throws {
        var widths = ColumnWidths(maximum: 45)
        try writeTable(tables.contracts, top: 0, into: sheet, widths: &widths)
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1, columns: tables.lead + 1)
        try printSetup(sheet, title: title, headerRows: 0...0)
    }

    // MARK: - Paiements

    static func writePayments(_ tables: PaymentsTables, title: String, into sheet: Worksheet) throws {
        var widths = ColumnWidths(maximum: 45)
        try writeTable(tables.payments, top: 0, into: sheet, widths: &widths)
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1)
        try printSetup(sheet, title: title, headerRows: 0...0)
    }

    // MARK: - Remise de chèques

    /// The labelled lines between the slip's title and its table (payee, contract, range…), and its printed title.
    struct ChecksHeading {
        var lines: [(label: String, value: String)]
        var printTitle: String
    }

    /// The rows above the checks: title, the heading's three lines, blank, then the header on row 6.
    static let checksHeaderRow = 5

    static func writeChecks(_ table: PaymentsTable, heading: ChecksHeading, into sheet: Worksheet) throws {
        var widths = ColumnWidths(maximum: 50)
        try sheet.write(row: 0, col: 0, .text("Bordereau de remise de chèques"), format: Format().bold().fontSize(14))
        for (offset, line) in heading.lines.enumerated() {
            try sheet.write(row: 1 + offset, col: 0, .text(line.label), format: Format().bold())
            try sheet.write(row: 1 + offset, col: 1, .text(line.value))
        }
        widths.note(col: 0, text: "Chèques reçus", bold: true)
        let top = checksHeaderRow
        let (last, totalRow) = try writeTable(table, top: top, into: sheet, widths: &widths)
        let amountCol = table.titles.count - 1
        try writeTotalLabel("Nombre de chèques", row: totalRow + 1, through: amountCol - 1, into: sheet)
        if last > top {
            let count = Double(table.rows.count)
            try sheet.write(row: totalRow + 1, col: amountCol,
                            .formula("COUNT(\(cell(top + 1, amountCol)):\(cell(last, amountCol)))", cached: count),
                            format: totalCount)
        } else {
            try sheet.write(row: totalRow + 1, col: amountCol, .integer(0), format: totalCount)
        }
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: top + 1)
        try printSetup(sheet, title: heading.printTitle, headerRows: top...top)
    }

    // MARK: - Shared

    /// Writes `table` with its header on row `top`, an autofilter, and its total row: `Total`, then
    /// per total column a `SUM` cached with the exact total. Returns the last data row and the total row.
    @discardableResult
    static func writeTable(_ table: PaymentsTable, top: Int, into sheet: Worksheet,
                           widths: inout ColumnWidths) throws -> (last: Int, total: Int) {
        try writeHeader(table.titles, row: top, into: sheet, widths: &widths)
        var row = top + 1
        for fields in table.rows {
            try writeRow(fields.map(workbookCell), row: row, into: sheet, widths: &widths)
            row += 1
        }
        let last = row - 1
        let lastCol = table.titles.count - 1
        try sheet.autofilter(CellRange(rows: top...max(top + 1, last), columns: 0...lastCol))
        try sheet.write(row: row, col: 0, .text("Total"), format: totalRow)
        for col in 1...lastCol {
            switch table.totals[col] {
            case .money(let money)?:
                try writeSum(col: col, first: top + 1, last: last, cached: euros(money), row: row, format: totalMoney, into: sheet)
                if !table.unmeasuredTotals.contains(col) { widths.note(col: col, cell: .money(money), format: totalRow) }
            case .integer(let count)?:
                try writeSum(col: col, first: top + 1, last: last, cached: Double(count), row: row, format: totalCount, into: sheet)
            default:
                try sheet.write(row: row, col: col, .blank, format: totalRow)
            }
        }
        return (last, row)
    }

    /// The workbook cell of a table field.
    static func workbookCell(_ field: CSVTable.Field) -> Cell {
        switch field {
        case .text(let text): .text(text)
        case .number(let value): .decimal(value)
        case .money(let money): .money(money)
        case .integer(let value): .integer(value)
        case .date(let date): .date(date)
        case .empty: .blank
        }
    }

    // MARK: - Shared

    static func writeHeader(_ titles: [String], row: Int, into sheet: Worksheet, widths: inout ColumnWidths) throws {
        for (col, title) in titles.enumerated() {
            try sheet.write(row: row, col: col, .text(title), format: header)
            widths.note(col: col, text: title, bold: true)
        }
    }

    static func writeRow(_ cells: [Cell], row: Int, into sheet: Worksheet, widths: inout ColumnWidths) throws {
        for (col, value) in cells.enumerated() {
            if case .blank = value { continue }
            let format: Format? = if case .date = value { dateFormat } else { nil }
            try sheet.write(row: row, col: col, value, format: format)
            widths.note(col: col, cell: value, format: format)
        }
    }

    static func writeTotalLabel(_ label: String, row: Int, through lastCol: Int, into sheet: Worksheet) throws {
        try sheet.write(row: row, col: 0, .text(label), format: totalRow)
        for col in 1...lastCol { try sheet.write(row: row, col: col, .blank, format: totalRow) }
    }

    /// `SUM(…)` over the data rows with its value cached; a plain 0 when there are no rows.
    static func writeSum(col: Int, first: Int, last: Int, cached: Double, row: Int, format: Format,
                         into sheet: Worksheet) throws {
        guard last >= first else {
            try sheet.write(row: row, col: col, .number(0), format: format)
            return
        }
        try sheet.write(row: row, col: col, .formula("SUM(\(cell(first, col)):\(cell(last, col)))",
                                                     cached: cached), format: format)
    }

    static func printSetup(_ sheet: Worksheet, title: String, headerRows: ClosedRange<Int>?) throws {
        try VendorOrdersWorkbook.printSetup(sheet, title: title, headerRows: headerRows)
    }

    static func euros(_ money: Money) -> Double { VendorOrdersWorkbook.euros(money) }
    static func cell(_ row: Int, _ col: Int) -> String { VendorOrdersWorkbook.cell(row, col) }
}
