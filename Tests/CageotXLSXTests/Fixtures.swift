import CageotCore
import CageotXLSX
import Foundation

/// A small weekly-orders workbook with every kind of cell, as later issues will write them.
enum Fixtures {
    static let createdAt = 1_767_225_600 // 2026-01-01 00:00:00 UTC
    static let properties = Workbook.DocumentProperties(
        title: "Commandes de la semaine", author: "Cageot", company: "AMAP des Coteaux",
        comments: "Généré par Cageot", createdAt: createdAt)

    static let header = Format().bold().background(.lightGray).border(.thin).align(.center)
    /// "Épinards" with a decomposed É (E + U+0301), as some browsers submit it.
    static let decomposedName = "E\u{301}pinards & œufs — crème fraîche"

    /// Writes the fixture to `url` and closes the workbook.
    static func writeOrders(to url: URL, constantMemory: Bool = false, createdAt: Int = createdAt) throws {
        var properties = properties
        properties.createdAt = createdAt
        let book = try Workbook(path: url, properties: properties,
                                options: .init(constantMemory: constantMemory))
        let sheet = try book.addWorksheet(named: "Commandes")
        var widths = ColumnWidths()
        // Before any row: with constant memory, libxlsxwriter refuses a row height or an autofilter
        // on rows it has already flushed.
        try sheet.setRowHeight(0, 24)
        try sheet.freezePanes(rows: 1)
        try sheet.autofilter(CellRange(rows: 0...3, columns: 0...5))
        try sheet.setLandscape()
        try sheet.setPaper(.a4)
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.repeatRowsOnPrint(0...0)
        try sheet.setPrintArea(CellRange(rows: 0...5, columns: 0...5))
        try sheet.setHeader("&C" + Worksheet.headerFooterLiteral("Fruits & légumes"))
        try sheet.setFooter("&CPage &P / &N")
        let titles = ["Produit", "Quantité", "Prix unitaire", "Montant", "Livraison", "Note"]
        for (col, title) in titles.enumerated() {
            try sheet.write(row: 0, col: col, .text(title), format: header)
            widths.note(col: col, text: title, bold: true)
        }
        let rows: [[Cell]] = [
            [.text(decomposedName), .integer(3), .decimal(Decimal(string: "2.675")!), .money(Money(cents: 803)),
             .date(LocalDate(year: 2026, month: 3, day: 12)), .text("Sans œufs, merci !\nÀ déposer")],
            [.text("Pain de campagne"), .integer(1), .decimal(4), .money(Money(cents: 400)),
             .date(LocalDate(year: 2026, month: 3, day: 12)), .blank],
            [.text("Miel d’acacia"), .integer(2), .decimal(Decimal(string: "9.5")!), .money(Money(cents: 123_456)),
             .date(LocalDate(year: 2026, month: 12, day: 31)), .text("")],
        ]
        for (offset, cells) in rows.enumerated() {
            for (col, cell) in cells.enumerated() {
                let format: Format? = cell == .blank ? Format().border(.thin) : (col == 5 ? Format().wrap() : nil)
                try sheet.write(row: offset + 1, col: col, cell, format: format)
                widths.note(col: col, cell: cell)
            }
        }
        try sheet.write(row: 4, col: 2, .text("Total"), format: Format().bold().align(.right))
        try sheet.write(row: 4, col: 3, .formula("=SUM(D2:D4)", cached: 1_266.59), format: Format().bold())
        try sheet.write(row: 4, col: 4, .number(0.1), format: Format().italic().numberFormat("0.0%"))
        try sheet.merge(CellRange(row: 5, columns: 0...5), .text("Fruits & légumes — merci de venir à l’heure"),
                        format: Format().italic().align(.center))
        try widths.apply(to: sheet)

        let second = try book.addWorksheet(named: "Paiements: mars/avril [2026]")
        try second.write(row: 0, col: 0, .text("Famille Étienne"))
        try book.close()
    }
}
