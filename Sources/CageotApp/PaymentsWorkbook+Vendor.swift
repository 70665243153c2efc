import CageotCore
import CageotDocuments
import CageotXLSX
import Foundation

/// Builds a farmer's payments workbook for a season from `data` and writes it to `url` (not
/// atomically: the `DocumentFactory` wraps it in `AtomicFile`), dated `createdAt`.
public func writeVendorPayments(_ data: VendorPaymentsData, to url: URL, createdAt: Int) throws {
    try PaymentsWorkbook.write(VendorPayments(data), to: url, createdAt: createdAt)
}

extension PaymentsWorkbook {
    static let summaryName = "Récapitulatif"

    /// Writes "Récapitulatif" (one row per contract), then "Contrats", "Paiements" and "Remise de
    /// chèques" over every contract, each row led by its group and contract. A season without a
    /// contract gives the summary sheet alone, saying so. Returns the names of the sheets.
    @discardableResult
    public static func write(_ vendor: VendorPayments, to url: URL, createdAt: Int) throws -> [String] {
        let properties = Workbook.DocumentProperties(title: vendor.title, author: vendor.vendorName,
                                                     comments: "Généré par Cageot", createdAt: createdAt)
        let book = try Workbook(path: url, properties: properties)
        let summary = try book.addWorksheet(named: summaryName)
        if vendor.isEmpty {
            try sheetSaying(vendor.emptyMessage, title: vendor.title, into: summary)
        } else {
            var widths = ColumnWidths(maximum: 45)
            try writeTable(vendor.summary, top: 0, into: summary, widths: &widths)
            try widths.apply(to: summary)
            try summary.freezePanes(rows: 1, columns: 2)
            try printSetup(summary, title: vendor.title, headerRows: 0...0)
            let checks = ChecksHeading(
                lines: [("Producteur", vendor.vendorName), ("Saison", "contrats commençant en \(vendor.season)"),
                        ("Chèques reçus", vendor.checksRange)],
                printTitle: "Remise de chèques — \(vendor.vendorName) — saison \(vendor.season)")
            try writeSheets(vendor.tables, title: vendor.title, checks: checks, into: book)
        }
        let names = book.worksheetNames
        try book.close()
        return names
    }

    /// A sheet holding one bold message above the workbook's title.
    static func sheetSaying(_ message: String, title: String, into sheet: Worksheet) throws {
        try sheet.write(row: 0, col: 0, .text(message), format: Format().bold())
        try sheet.write(row: 1, col: 0, .text(title))
        var widths = ColumnWidths(maximum: 80)
        widths.note(col: 0, text: title)
        try widths.apply(to: sheet)
        try printSetup(sheet, title: title, headerRows: nil)
    }
}
