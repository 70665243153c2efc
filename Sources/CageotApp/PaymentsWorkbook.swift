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

/// The XLSX rendering of `Payments`: "Contrats", "Paiements" and "Remise de chèques".
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
        try writeContracts(payments, into: try book.addWorksheet(named: contractsName))
        try writePayments(payments, into: try book.addWorksheet(named: paymentsName))
        try writeChecks(payments, into: try book.addWorksheet(named: checksName))
        let names = book.worksheetNames
        try book.close()
        return names
    }

    // MARK: - Contrats

    static func writeContracts(_ p: Payments, into sheet: Worksheet) throws {
        let titles = ["Foyer", "Alterné avec", "Début", "Fin", "Distributions", "Commandé", "Paiements", "Payé",
                      "Solde", "Statut"]
        var widths = ColumnWidths(maximum: 45)
        try writeHeader(titles, row: 0, into: sheet, widths: &widths)
        var row = 1
        for c in p.contracts {
            let cells: [Cell] = [.text(c.household), c.partner.map(Cell.text) ?? .blank, .date(c.start), .date(c.end),
                                 .integer(c.distributions), .money(c.ordered), .integer(c.paymentCount), .money(c.paid),
                                 .money(c.balance), .text(c.status.rawValue)]
            try writeRow(cells, row: row, into: sheet, widths: &widths)
            row += 1
        }
        let last = row - 1
        try sheet.autofilter(CellRange(rows: 0...max(1, last), columns: 0...(titles.count - 1)))
        try writeTotalLabel("Total", row: row, through: 3, into: sheet)
        let totals: [(Int, Double, Format)] = [
            (4, Double(p.contracts.map(\.distributions).reduce(0, +)), totalCount),
            (5, euros(p.totalOrdered), totalMoney), (6, Double(p.payments.count), totalCount),
            (7, euros(p.totalPaid), totalMoney), (8, euros(p.totalBalance), totalMoney)]
        for (col, cached, format) in totals {
            try writeSum(col: col, first: 1, last: last, cached: cached, row: row, format: format, into: sheet)
        }
        try sheet.write(row: row, col: 9, .blank, format: totalRow)
        widths.note(col: 5, cell: .money(p.totalOrdered), format: totalRow)
        widths.note(col: 7, cell: .money(p.totalPaid), format: totalRow)
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1, columns: 1)
        try printSetup(sheet, title: p.title, headerRows: 0...0)
    }

    // MARK: - Paiements

    static func writePayments(_ p: Payments, into sheet: Worksheet) throws {
        let titles = ["Foyer", "Date", "Type", "Libellé", "Montant"]
        var widths = ColumnWidths(maximum: 45)
        try writeHeader(titles, row: 0, into: sheet, widths: &widths)
        var row = 1
        for payment in p.payments {
            let cells: [Cell] = [.text(payment.household), .date(payment.date), .text(payment.kind.label),
                                 payment.label.isEmpty ? .blank : .text(payment.label), .money(payment.amount)]
            try writeRow(cells, row: row, into: sheet, widths: &widths)
            row += 1
        }
        let last = row - 1
        try sheet.autofilter(CellRange(rows: 0...max(1, last), columns: 0...(titles.count - 1)))
        try writeTotalLabel("Total", row: row, through: 3, into: sheet)
        try writeSum(col: 4, first: 1, last: last, cached: euros(p.totalPaid), row: row, format: totalMoney, into: sheet)
        widths.note(col: 4, cell: .money(p.totalPaid), format: totalRow)
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1)
        try printSetup(sheet, title: p.title, headerRows: 0...0)
    }

    // MARK: - Remise de chèques

    /// The rows above the checks: title, payee, contract, range, blank, then the header on row 6.
    static let checksHeaderRow = 5

    static func writeChecks(_ p: Payments, into sheet: Worksheet) throws {
        var widths = ColumnWidths(maximum: 50)
        let range = "du \(FrenchFormat.shortDate(p.from)) au \(FrenchFormat.shortDate(p.to))"
        try sheet.write(row: 0, col: 0, .text("Bordereau de remise de chèques"), format: Format().bold().fontSize(14))
        try sheet.write(row: 1, col: 0, .text("À l'ordre de"), format: Format().bold())
        try sheet.write(row: 1, col: 1, .text(p.payee ?? "(à l'ordre : non renseigné)"))
        try sheet.write(row: 2, col: 0, .text("Contrat"), format: Format().bold())
        try sheet.write(row: 2, col: 1, .text("\(p.contractName) — \(p.groupName)"))
        try sheet.write(row: 3, col: 0, .text("Chèques reçus"), format: Format().bold())
        try sheet.write(row: 3, col: 1, .text(range))
        widths.note(col: 0, text: "Chèques reçus", bold: true)
        let titles = ["N°", "N° de chèque", "Tireur", "Date", "Montant"]
        let top = checksHeaderRow
        try writeHeader(titles, row: top, into: sheet, widths: &widths)
        var row = top + 1
        for (index, check) in p.checks.enumerated() {
            let cells: [Cell] = [.integer(index + 1), check.label.isEmpty ? .blank : .text(check.label),
                                 .text(check.household), .date(check.date), .money(check.amount)]
            try writeRow(cells, row: row, into: sheet, widths: &widths)
            row += 1
        }
        let last = row - 1
        try sheet.autofilter(CellRange(rows: top...max(top + 1, last), columns: 0...(titles.count - 1)))
        try writeTotalLabel("Total", row: row, through: 3, into: sheet)
        try writeSum(col: 4, first: top + 1, last: last, cached: euros(p.checksTotal), row: row, format: totalMoney, into: sheet)
        widths.note(col: 4, cell: .money(p.checksTotal), format: totalRow)
        row += 1
        try writeTotalLabel("Nombre de chèques", row: row, through: 3, into: sheet)
        let count = Double(p.checks.count)
        if last > top {
            try sheet.write(row: row, col: 4, .formula("COUNT(\(cell(top + 1, 4)):\(cell(last, 4)))", cached: count),
                            format: totalCount)
        } else {
            try sheet.write(row: row, col: 4, .integer(0), format: totalCount)
        }
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: top + 1)
        try printSetup(sheet, title: "Remise de chèques — \(p.contractName) — \(range)", headerRows: top...top)
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

    static func printSetup(_ sheet: Worksheet, title: String, headerRows: ClosedRange<Int>) throws {
        try VendorOrdersWorkbook.printSetup(sheet, title: title, headerRows: headerRows)
    }

    static func euros(_ money: Money) -> Double { VendorOrdersWorkbook.euros(money) }
    static func cell(_ row: Int, _ col: Int) -> String { VendorOrdersWorkbook.cell(row, col) }
}
