import CageotCore
import CageotDocuments
import CageotXLSX
import Foundation

/// Builds a farmer's orders workbook from `data` and writes it to `url` (not atomically: the
/// `DocumentFactory` wraps it in `AtomicFile`). `createdAt` (seconds since 1970) is the creation
/// date written into the properties, so the same data give the same bytes.
public func writeVendorOrders(_ data: VendorOrdersData, to url: URL, createdAt: Int) throws {
    try VendorOrdersWorkbook.write(VendorOrders(data), to: url, createdAt: createdAt)
}

/// The XLSX rendering of `VendorOrders`: a summary sheet, then one sheet per distribution.
public enum VendorOrdersWorkbook {
    static let summaryName = "Récapitulatif"
    /// The end of a distribution's product × household sheet's name: `jeu. 3 déc. AMAP de Rezé grille`.
    static let matrixTail = "grille"
    static let emptyMessage = "Aucune commande pour cette semaine"
    static let header = Format().bold().background(.lightGray).border(.thin).wrap()
    static let totalRow = Format().bold().background(.lightYellow)
    static let subtotalRow = Format().bold().background(.lightGreen)
    /// Formula cells of totals: computed in the spreadsheet, shown as money.
    static let totalMoney = totalRow.numberFormat(Format.euroNumberFormat)
    static let subtotalMoney = subtotalRow.numberFormat(Format.euroNumberFormat)
    /// Unit prices keep their third decimal (2,675 €), which the line amount was computed from.
    static let unitPriceFormat = Format().numberFormat(#"#,##0.00#\ "€""#)
    static let quantityFormat = Format().numberFormat("#,##0.###")

    /// Writes the workbook; returns the names of its sheets.
    @discardableResult
    public static func write(_ orders: VendorOrders, to url: URL, createdAt: Int) throws -> [String] {
        let properties = Workbook.DocumentProperties(title: orders.title, author: orders.vendorName,
                                                     comments: "Généré par Cageot", createdAt: createdAt)
        // Rows are written top to bottom, so libxlsxwriter can flush each one to a temp file:
        // memory stays flat however many lines the farmer has.
        let book = try Workbook(path: url, properties: properties, options: .init(constantMemory: true))
        if orders.isEmpty {
            let sheet = try book.addWorksheet(named: summaryName)
            try sheet.write(row: 0, col: 0, .text(emptyMessage), format: Format().bold())
            try sheet.write(row: 1, col: 0, .text(orders.title))
            var widths = ColumnWidths(maximum: 80)
            widths.note(col: 0, text: orders.title)
            try widths.apply(to: sheet)
            try printSetup(sheet, title: orders.title, headerRows: nil)
        } else {
            try writeSummary(orders, into: try book.addWorksheet(named: summaryName))
            for distribution in orders.distributions {
                try writeDistribution(distribution, into: try book.addWorksheet(named: distribution.sheetName))
                try writeMatrix(distribution, into: try book.addWorksheet(named: distribution.sheetName, tail: matrixTail))
            }
        }
        let names = book.worksheetNames
        try book.close()
        return names
    }

    // MARK: - Summary

    static func writeSummary(_ orders: VendorOrders, into sheet: Worksheet) throws {
        let n = orders.distributions.count
        let titles = ["Produit", "Unité", "Total à préparer"] + orders.distributions.map(\.label)
            + ["TVA (%)", "Montant TTC", "Montant HT", "TVA"]
        let rateCol = 3 + n, ttcCol = 4 + n, htCol = 5 + n, vatCol = 6 + n
        var widths = ColumnWidths(maximum: 40)
        for (col, title) in titles.enumerated() {
            try sheet.write(row: 0, col: col, .text(title), format: header)
            widths.note(col: col, text: title, bold: true)
        }
        var row = 1
        for product in orders.products {
            var cells: [Cell] = [.text(product.name), .text(product.unit), .decimal(product.quantity)]
            cells += product.perDistribution.map { $0.map(Cell.decimal) ?? .blank }
            cells += [.decimal(product.vatRate), .money(product.amount), .money(product.amountExcludingVAT), .money(product.vat)]
            for (col, cell) in cells.enumerated() {
                let format: Format? = if case .decimal = cell { quantityFormat } else { nil }
                try sheet.write(row: row, col: col, cell, format: format)
                widths.note(col: col, cell: cell, format: format)
            }
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.autofilter(CellRange(rows: 0...lastDataRow, columns: 0...(titles.count - 1)))
        try sheet.write(row: row, col: 0, .text("Total"), format: totalRow)
        for col in 1..<ttcCol { try sheet.write(row: row, col: col, .blank, format: totalRow) }
        for (col, money) in [(ttcCol, orders.total), (htCol, orders.totalExcludingVAT), (vatCol, orders.totalVAT)] {
            let formula = "SUM(\(cell(1, col)):\(cell(lastDataRow, col)))"
            try sheet.write(row: row, col: col, .formula(formula, cached: euros(money)), format: totalMoney)
            widths.note(col: col, cell: .money(money), format: totalRow)
        }

        // The same totals split by VAT rate: SUMIF over the product rows, cached with the sums of cents.
        row += 2
        for (col, title) in ["Taux de TVA (%)", "Montant TTC", "Montant HT", "TVA"].enumerated() {
            try sheet.write(row: row, col: rateCol + col, .text(title), format: header)
        }
        for rate in orders.rates {
            row += 1
            try sheet.write(row: row, col: rateCol, .decimal(rate.rate), format: quantityFormat)
            for (offset, money) in [rate.amount, rate.amountExcludingVAT, rate.vat].enumerated() {
                let target = ttcCol + offset
                let formula = "SUMIF(\(cell(1, rateCol)):\(cell(lastDataRow, rateCol)),\(cell(row, rateCol)),"
                    + "\(cell(1, target)):\(cell(lastDataRow, target)))"
                try sheet.write(row: row, col: target, .formula(formula, cached: euros(money)),
                                format: Format().numberFormat(Format.euroNumberFormat))
            }
        }
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1, columns: 1)
        try printSetup(sheet, title: orders.title, headerRows: 0...0)
    }

    // MARK: - One distribution

    static func writeDistribution(_ d: VendorOrders.Distribution, into sheet: Worksheet) throws {
        let titles = ["N° panier", "Foyer", "Panier alterné : tour de", "Téléphone", "Produit", "Quantité",
                      "Prix unitaire", "Montant"]
        let amountCol = 7
        var widths = ColumnWidths(maximum: 45)
        for (col, text) in titles.enumerated() {
            try sheet.write(row: 0, col: col, .text(text), format: header)
            widths.note(col: col, text: col == 2 ? "Panier alterné" : text, bold: true)
        }
        var row = 1
        for household in d.households {
            let first = row
            for line in household.lines {
                let cells: [(Cell, Format?)] = [
                    (.integer(household.basketNumber), nil), (.text(household.name), nil),
                    (household.turn.map(Cell.text) ?? .blank, nil),
                    // Text, so that the leading 0 stays and Excel does not make a number of it.
                    (household.phone.map(Cell.text) ?? .blank, nil), (.text(line.product), nil),
                    (.decimal(line.quantity), quantityFormat), (.decimal(line.unitPrice), unitPriceFormat),
                    (.money(line.amount), nil),
                ]
                for (col, (value, format)) in cells.enumerated() {
                    if case .blank = value { continue }
                    try sheet.write(row: row, col: col, value, format: format)
                    widths.note(col: col, cell: value, format: format)
                }
                row += 1
            }
            try writeLabelRow("Sous-total \(household.name)", basket: household.basketNumber, row: row, through: amountCol - 1,
                              format: subtotalRow, into: sheet)
            // SUBTOTAL(9, …): the grand total below skips these rows instead of counting them twice.
            try sheet.write(row: row, col: amountCol,
                            .formula("SUBTOTAL(9,\(cell(first, amountCol)):\(cell(row - 1, amountCol)))",
                                     cached: euros(household.total)), format: subtotalMoney)
            row += 1
        }
        let last = row - 1
        try sheet.autofilter(CellRange(rows: 0...max(1, last), columns: 0...amountCol))
        try writeLabelRow("Total", basket: nil, row: row, through: amountCol - 1, format: totalRow, into: sheet)
        try sheet.write(row: row, col: amountCol, .formula("SUBTOTAL(9,\(cell(1, amountCol)):\(cell(last, amountCol)))",
                                                         cached: euros(d.total)), format: totalMoney)
        widths.note(col: amountCol, cell: .money(d.total), format: totalRow)
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1)
        try printSetup(sheet, title: "\(d.label) — \(d.contractName)", headerRows: 0...0)
    }

    /// A label in the first columns of a subtotal or total row, the others filled with its colour.
    static func writeLabelRow(_ label: String, basket: Int?, row: Int, through lastCol: Int, format: Format,
                              into sheet: Worksheet) throws {
        if let basket { try sheet.write(row: row, col: 0, .integer(basket), format: format) }
        try sheet.write(row: row, col: basket == nil ? 0 : 1, .text(label), format: format)
        for col in (basket == nil ? 1 : 2)...lastCol { try sheet.write(row: row, col: col, .blank, format: format) }
    }

    // MARK: - One distribution, product × household

    /// One row per household, one column per product (the quantity as the summary counts it),
    /// the household's amount last; totals as formulas with their values.
    static func writeMatrix(_ d: VendorOrders.Distribution, into sheet: Worksheet) throws {
        let fixed = ["N° panier", "Foyer", "Panier alterné : tour de"]
        let titles = fixed + d.columns.map(\.name) + ["Montant"]
        let amountCol = titles.count - 1
        var widths = ColumnWidths(maximum: 40)
        try sheet.setRowHeight(0, 45) // before the row: constant memory writes rows in order
        for (col, text) in titles.enumerated() {
            try sheet.write(row: 0, col: col, .text(text), format: header)
            // Product titles wrap on two or three lines rather than widening every column.
            widths.note(col: col, text: col >= fixed.count && col < amountCol ? String(text.prefix(14)) : text, bold: true)
        }
        var row = 1
        for household in d.households {
            var cells: [(Cell, Format?)] = [(.integer(household.basketNumber), nil), (.text(household.name), nil),
                                            (household.turn.map(Cell.text) ?? .blank, nil)]
            cells += household.quantities.map { ($0.map(Cell.decimal) ?? .blank, quantityFormat) }
            cells.append((.money(household.total), nil))
            for (col, (value, format)) in cells.enumerated() {
                if case .blank = value { continue }
                try sheet.write(row: row, col: col, value, format: format)
                widths.note(col: col, cell: value, format: format)
            }
            row += 1
        }
        let last = row - 1
        try sheet.autofilter(CellRange(rows: 0...max(1, last), columns: 0...amountCol))
        try writeLabelRow("Total", basket: nil, row: row, through: fixed.count - 1, format: totalRow, into: sheet)
        let totalQuantity = totalRow.numberFormat("#,##0.###")
        for (index, total) in d.columnTotals.enumerated() {
            let col = fixed.count + index
            try sheet.write(row: row, col: col, .formula("SUM(\(cell(1, col)):\(cell(last, col)))",
                                                     cached: NSDecimalNumber(decimal: total).doubleValue), format: totalQuantity)
        }
        try sheet.write(row: row, col: amountCol, .formula("SUM(\(cell(1, amountCol)):\(cell(last, amountCol)))",
                                                         cached: euros(d.total)), format: totalMoney)
        widths.note(col: amountCol, cell: .money(d.total), format: totalRow)
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: 1, columns: 2)
        try printSetup(sheet, title: "\(d.label) — \(d.contractName) — par foyer et produit", headerRows: 0...0)
    }

    // MARK: - Shared

    static func printSetup(_ sheet: Worksheet, title: String, headerRows: ClosedRange<Int>?) throws {
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        if let headerRows { try sheet.repeatRowsOnPrint(headerRows) }
        // Headers hold 255 characters: a long group or contract name is cut, never an error.
        try sheet.setHeader("&C" + Worksheet.headerFooterLiteral(String(title.prefix(120))))
        try sheet.setFooter("&C&P / &N")
    }

    static func euros(_ money: Money) -> Double { Double(money.cents) / 100 }

    /// `B12` for a 0-based row and column.
    static func cell(_ row: Int, _ col: Int) -> String {
        var n = col + 1
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }
}
