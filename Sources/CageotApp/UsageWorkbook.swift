import CageotCore
import CageotCosts
import CageotDocuments
import CageotXLSX
import Foundation

/// The XLSX form of the usage report: "Synthèse", "Par AMAP" and "Par mois" with native charts,
/// and with a cost file "Répartition", where the theoretical shares are formulas of editable
/// weights (their values stored), so a treasurer can change a weight and see the split move.
public enum UsageWorkbook {
    static let summaryName = "Synthèse"
    static let groupsName = "Par AMAP"
    static let monthsName = "Par mois"
    static let allocationName = "Répartition"
    static let header = VendorOrdersWorkbook.header
    static let totalRow = VendorOrdersWorkbook.totalRow
    static let totalMoney = VendorOrdersWorkbook.totalMoney
    static let totalCount = totalRow.numberFormat("#,##0")
    static let count = Format().numberFormat("#,##0")
    static let euro = Format().numberFormat(Format.euroNumberFormat)
    static let exact = Format().numberFormat("#,##0.00####")
    static let percent = Format().numberFormat("0.00%")
    static let editable = Format().background(.lightYellow).border(.thin)

    /// Writes the workbook; returns the names of its sheets.
    @discardableResult
    public static func write(_ report: UsageReport, to url: URL, createdAt: Int) throws -> [String] {
        let properties = Workbook.DocumentProperties(title: "\(report.title) — \(report.federationName)", author: report.federationName,
                                                     comments: "Généré par Cageot", createdAt: createdAt)
        let book = try Workbook(path: url, properties: properties)
        let totalCell = try writeSummary(report, into: try book.addWorksheet(named: summaryName))
        try writeGroups(report, into: try book.addWorksheet(named: groupsName))
        try writeMonths(report, into: try book.addWorksheet(named: monthsName))
        if let costs = report.costs, let totalCell {
            try writeAllocation(report, costs: costs, totalCell: totalCell, into: try book.addWorksheet(named: allocationName))
        }
        let names = book.worksheetNames
        try book.close()
        return names
    }

    // MARK: - Synthèse

    /// Returns the reference of the cost total's cell (`'Synthèse'!B30`) when there is a cost file.
    static func writeSummary(_ report: UsageReport, into sheet: Worksheet) throws -> String? {
        let data = report.data
        var widths = ColumnWidths(maximum: 60)
        try sheet.write(row: 0, col: 0, .text(report.title), format: Format().bold().fontSize(14))
        try sheet.write(row: 1, col: 0, .text(report.federationName), format: Format().bold())
        try sheet.write(row: 2, col: 0, .text("Période"))
        try sheet.write(row: 2, col: 1, .text("du \(FrenchFormat.shortDate(data.period.from)) au \(FrenchFormat.shortDate(data.period.to))"))
        try sheet.write(row: 3, col: 0, .text("Établi le"))
        try sheet.write(row: 3, col: 1, .date(report.madeOn), format: Format().numberFormat(Format.dateNumberFormat).align(.left))
        let top = 5
        for (col, title) in ["Indicateur", "Fédération"].enumerated() {
            try sheet.write(row: top, col: col, .text(title), format: header)
            widths.note(col: col, text: title, bold: true)
        }
        var row = top + 1
        if !data.hasActivity {
            try sheet.write(row: row, col: 0, .text("Aucune activité sur la période"), format: Format().bold())
            row += 1
        }
        for (label, cell) in federationFigures(report) {
            try sheet.write(row: row, col: 0, .text(label))
            let format: Format? = if case .integer = cell { count } else { nil }
            try sheet.write(row: row, col: 1, cell, format: format)
            widths.note(col: 0, text: label)
            widths.note(col: 1, cell: cell, format: format)
            row += 1
        }
        try sheet.autofilter(CellRange(rows: top...(row - 1), columns: 0...1))
        var totalCell: String?
        if let costs = report.costs {
            row += 1
            for (col, title) in ["Coût d'hébergement", "Montant"].enumerated() { try sheet.write(row: row, col: col, .text(title), format: header) }
            let first = row + 1
            for item in costs.file.items {
                row += 1
                try sheet.write(row: row, col: 0, .text(item.name))
                try sheet.write(row: row, col: 1, .money(item.amount))
                widths.note(col: 0, text: item.name)
            }
            row += 1
            try sheet.write(row: row, col: 0, .text("Total à partager"), format: totalRow)
            try sheet.write(row: row, col: 1, .formula("SUM(\(cell(first, 1)):\(cell(row - 1, 1)))", cached: euros(costs.total)),
                            format: totalMoney)
            totalCell = "'\(summaryName)'!$B$\(row + 1)"
        }
        try widths.apply(to: sheet)
        try sheet.freezePanes(rows: top + 1)
        try VendorOrdersWorkbook.printSetup(sheet, title: "\(report.federationName) — \(report.title)", headerRows: top...top)
        return totalCell
    }

    static func federationFigures(_ report: UsageReport) -> [(String, Cell)] {
        let data = report.data, f = data.federation
        var lines: [(String, Cell)] = [
            ("AMAP inscrites", .integer(data.groups.count)), ("dont nouvelles sur la période", .integer(data.newGroups)),
            ("dont désactivées", .integer(data.disabledGroups)),
            ("Foyers actifs (distincts)", .integer(f.activeHouseholds)), ("Adhérents en fin de période", .integer(f.members)),
            ("Adhésions payées", .integer(f.membershipsPaid)), ("Montant des adhésions", .money(f.membershipAmount)),
            ("Contrats actifs", .integer(f.activeContracts)), ("Producteurs (distincts)", .integer(f.vendors)),
            ("Distributions tenues", .integer(f.sessionsHeld)), ("Paniers", .integer(f.baskets)),
            ("Lignes de commande", .integer(f.orderLines)), ("Chiffre d'affaires TTC", .money(f.turnover)),
        ]
        for vat in f.turnoverByVAT {
            lines.append(("Chiffre d'affaires TTC à \(FrenchFormat.decimal(vat.rate)) % de TVA", .money(vat.amount)))
        }
        for payment in f.payments {
            let label = UsageReport.paymentLabel(payment.type)
            lines.append(("Paiements : \(label) (nombre)", .integer(payment.count)))
            lines.append(("Paiements : \(label) (montant)", .money(payment.amount)))
        }
        lines += [("Permanences tenues", .integer(f.dutiesFilled)), ("Rôles à pourvoir", .integer(f.dutiesNeeded))]
        return lines
    }

    // MARK: - Par AMAP

    static func writeGroups(_ report: UsageReport, into sheet: Worksheet) throws {
        let titles = UsageReport.groupColumns + (report.costs == nil ? [] : ["Part des frais d'hébergement"])
        var widths = ColumnWidths(maximum: 40)
        for (col, title) in titles.enumerated() {
            try sheet.write(row: 0, col: col, .text(title), format: header)
            widths.note(col: col, text: col < 2 ? title : String(title.prefix(12)), bold: true)
        }
        for (index, row) in report.rows.enumerated() {
            let f = row.group.figures
            var cells: [Cell] = [.text(row.group.name), .text(row.status), .integer(f.activeHouseholds), .integer(f.members),
                                 .integer(f.membershipsPaid), .money(f.membershipAmount), .integer(f.activeContracts),
                                 .integer(f.vendors), .integer(f.sessionsHeld), .integer(f.baskets), .integer(f.orderLines),
                                 .money(f.turnover), .integer(f.dutiesFilled), .integer(f.dutiesNeeded)]
            if report.costs != nil { cells.append(row.share.map { .money($0.amount) } ?? .blank) }
            try writeRow(cells, row: index + 1, into: sheet, widths: &widths)
        }
        let last = report.rows.count
        let totalRowIndex = last + 1
        try sheet.write(row: totalRowIndex, col: 0, .text("Total"), format: totalRow)
        try sheet.write(row: totalRowIndex, col: 1, .blank, format: totalRow)
        var totals: [(Int, Double, Format)] = [
            (2, Double(report.sum(\.activeHouseholds)), totalCount), (3, Double(report.sum(\.members)), totalCount),
            (4, Double(report.sum(\.membershipsPaid)), totalCount), (5, euros(report.sum(\.membershipAmount)), totalMoney),
            (6, Double(report.sum(\.activeContracts)), totalCount), (7, Double(report.sum(\.vendors)), totalCount),
            (8, Double(report.sum(\.sessionsHeld)), totalCount), (9, Double(report.sum(\.baskets)), totalCount),
            (10, Double(report.sum(\.orderLines)), totalCount), (11, euros(report.sum(\.turnover)), totalMoney),
            (12, Double(report.sum(\.dutiesFilled)), totalCount), (13, Double(report.sum(\.dutiesNeeded)), totalCount),
        ]
        if report.costs != nil { totals.append((14, euros(report.totalShares), totalMoney)) }
        for (col, cached, format) in totals {
            try PaymentsWorkbook.writeSum(col: col, first: 1, last: last, cached: cached, row: totalRowIndex, format: format, into: sheet)
        }
        widths.note(col: 11, cell: .money(report.sum(\.turnover)), format: totalRow)
        try widths.apply(to: sheet)
        try sheet.autofilter(CellRange(rows: 0...max(1, last), columns: 0...(titles.count - 1)))
        try sheet.freezePanes(rows: 1, columns: 1)
        try VendorOrdersWorkbook.printSetup(sheet, title: "\(report.title) — par AMAP", headerRows: 0...0)
        if last > 0 {
            let chart = ChartSpec(kind: .bar, title: "Foyers actifs par AMAP",
                                  series: [.init(name: "Foyers actifs", sheet: sheet.name, categories: CellRange(rows: 1...last, columns: 0...0),
                                                 values: CellRange(rows: 1...last, columns: 2...2))],
                                  xScale: 1.3, yScale: min(8, max(1, Double(last) / 12)))
            try sheet.insertChart(chart, row: totalRowIndex + 2, col: 0)
        }
    }

    // MARK: - Par mois

    static func writeMonths(_ report: UsageReport, into sheet: Worksheet) throws {
        let titles = ["Mois", "Chiffre d'affaires TTC", "Distributions tenues"]
        var widths = ColumnWidths(maximum: 30)
        for (col, title) in titles.enumerated() {
            try sheet.write(row: 0, col: col, .text(title), format: header)
            widths.note(col: col, text: title, bold: true)
        }
        let monthFormat = Format().numberFormat("mmmm yyyy").align(.left)
        for (index, month) in report.data.months.enumerated() {
            let row = index + 1
            try sheet.write(row: row, col: 0, .date(month.month), format: monthFormat)
            try sheet.write(row: row, col: 1, .money(month.turnover))
            try sheet.write(row: row, col: 2, .integer(month.sessionsHeld), format: count)
            widths.note(col: 1, cell: .money(month.turnover), format: nil)
        }
        widths.note(col: 0, text: "septembre 2026")
        let last = report.data.months.count
        try sheet.write(row: last + 1, col: 0, .text("Total"), format: totalRow)
        try PaymentsWorkbook.writeSum(col: 1, first: 1, last: last, cached: euros(report.data.months.map(\.turnover).sum()),
                                      row: last + 1, format: totalMoney, into: sheet)
        try PaymentsWorkbook.writeSum(col: 2, first: 1, last: last, cached: Double(report.data.months.map(\.sessionsHeld).reduce(0, +)),
                                      row: last + 1, format: totalCount, into: sheet)
        try widths.apply(to: sheet)
        try sheet.autofilter(CellRange(rows: 0...max(1, last), columns: 0...2))
        try sheet.freezePanes(rows: 1)
        try VendorOrdersWorkbook.printSetup(sheet, title: "\(report.title) — par mois", headerRows: 0...0)
        guard last > 0 else { return }
        let categories = CellRange(rows: 1...last, columns: 0...0)
        try sheet.insertChart(ChartSpec(kind: .column, title: "Chiffre d'affaires TTC par mois",
                                        series: [.init(name: "Chiffre d'affaires TTC", sheet: sheet.name, categories: categories,
                                                       values: CellRange(rows: 1...last, columns: 1...1))],
                                        valueFormat: #"#,##0\ "€""#, xScale: 1.4), row: 0, col: 4)
        try sheet.insertChart(ChartSpec(kind: .column, title: "Distributions tenues par mois",
                                        series: [.init(name: "Distributions", sheet: sheet.name, categories: categories,
                                                       values: CellRange(rows: 1...last, columns: 2...2))],
                                        xScale: 1.4), row: 16, col: 4)
    }

    // MARK: - Répartition

    /// The key (rows 4–7: weight, metric total over the payers, weight in use, fraction, amount),
    /// then one row per AMAP whose theoretical share is a formula of those cells.
    static func writeAllocation(_ report: UsageReport, costs: UsageReport.Costs, totalCell: String, into sheet: Worksheet) throws {
        var widths = ColumnWidths(maximum: 45)
        try sheet.write(row: 0, col: 0, .text("Répartition du coût d'hébergement — \(report.data.period.label)"),
                        format: Format().bold().fontSize(14))
        try sheet.write(row: 1, col: 0, .text("Coût total à partager"), format: Format().bold())
        try sheet.write(row: 1, col: 1, .formula(totalCell, cached: euros(costs.total)), format: euro)
        let keyTop = 3
        let keyTitles = ["Partie de la clé", "Poids (modifiable)", "Total des AMAP qui paient", "Poids retenu", "Fraction", "Montant"]
        for (col, title) in keyTitles.enumerated() {
            try sheet.write(row: keyTop, col: col, .text(title), format: header)
            widths.note(col: col, text: String(title.prefix(16)), bold: true)
        }
        let first = keyTop + 7 // the first AMAP row (0-based), below the AMAP header
        let last = first + report.rows.count - 1
        let paysRange = "$B$\(first + 1):$B$\(last + 1)"
        let metricColumns: [AllocationPart: String] = [.households: "C", .sessions: "D", .turnover: "E"]
        let parts = AllocationPart.allCases
        for (offset, part) in parts.enumerated() {
            let row = keyTop + 1 + offset
            let total = costs.allocation.parts.first { $0.part == part }
            try sheet.write(row: row, col: 0, .text(part.label.prefix(1).uppercased() + part.label.dropFirst()))
            try sheet.write(row: row, col: 1, .decimal(weight(part, costs.file.weights)), format: editable)
            let metric = part == .fixed ? "SUM(\(paysRange))"
                : "SUMPRODUCT(\(paysRange),$\(metricColumns[part]!)$\(first + 1):$\(metricColumns[part]!)$\(last + 1))"
            try sheet.write(row: row, col: 2, .formula(metric, cached: double(total?.metricTotal ?? metricTotal(part, report))), format: exact)
            try sheet.write(row: row, col: 3, .formula("IF(C\(row + 1)>0,B\(row + 1),0)", cached: double(total?.weight ?? 0)), format: exact)
            try sheet.write(row: row, col: 4, .formula("IF(SUM($D$\(keyTop + 2):$D$\(keyTop + 5))>0,D\(row + 1)/SUM($D$\(keyTop + 2):$D$\(keyTop + 5)),0)",
                                                       cached: double(total?.fraction ?? 0)), format: percent)
            try sheet.write(row: row, col: 5, .formula("$B$2*E\(row + 1)", cached: double(total?.amount ?? 0)), format: exact)
            widths.note(col: 0, text: part.label)
        }
        let titles = ["AMAP", "Paie (1 = oui)", "Foyers actifs", "Distributions", "Chiffre d'affaires TTC",
                      "Part théorique (formule)", "Part après plancher et plafond", "Part due (au centime)", "Motif"]
        let headerRow = first - 1
        try sheet.write(row: headerRow - 1, col: 0,
                        .text("Changer un poids (colonne B, en jaune) recalcule la part théorique ; la part due applique en plus le plancher, "
                              + "le plafond et l'arrondi au centime (calcul détaillé dans le rapport PDF)."))
        for (col, title) in titles.enumerated() {
            try sheet.write(row: headerRow, col: col, .text(title), format: header)
            widths.note(col: col, text: String(title.prefix(18)), bold: true)
        }
        // Row numbers (1-based) of the key's parts, for the formulas.
        let keyRow = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1, keyTop + 2 + $0) })
        for (index, row) in report.rows.enumerated() {
            let r = first + index + 1 // 1-based
            let share = row.share
            let f = row.group.figures
            let pays = share?.exemptReason == nil && share != nil
            var formula = "$F$\(keyRow[.fixed]!)/MAX(1,$C$\(keyRow[.fixed]!))"
            for part in [AllocationPart.households, .sessions, .turnover] {
                let k = keyRow[part]!
                formula += "+IF($C$\(k)>0,$F$\(k)*\(metricColumns[part]!)\(r)/$C$\(k),0)"
            }
            let cells: [(Cell, Format?)] = [
                (.text(row.group.name), nil), (.integer(pays ? 1 : 0), editable), (.integer(f.activeHouseholds), count),
                (.integer(f.sessionsHeld), count), (.money(f.turnover), nil),
                (.formula("IF(B\(r)=1,\(formula),0)", cached: double(share?.ideal ?? 0)), exact),
                (.decimal(share?.adjusted ?? 0), exact), (.money(share?.amount ?? .zero), nil),
                (share?.exemptReason.map(Cell.text) ?? .blank, nil),
            ]
            for (col, (value, format)) in cells.enumerated() {
                if case .blank = value { continue }
                try sheet.write(row: r - 1, col: col, value, format: format)
                widths.note(col: col, cell: value, format: format)
            }
        }
        let totalIndex = last + 1
        try sheet.write(row: totalIndex, col: 0, .text("Total"), format: totalRow)
        for col in 1...4 { try sheet.write(row: totalIndex, col: col, .blank, format: totalRow) }
        let ideal = report.rows.compactMap { $0.share?.ideal }.reduce(Decimal(0), +)
        try PaymentsWorkbook.writeSum(col: 5, first: first, last: last, cached: double(ideal), row: totalIndex,
                                      format: totalRow.numberFormat("#,##0.00####"), into: sheet)
        let adjusted = report.rows.compactMap { $0.share?.adjusted }.reduce(Decimal(0), +)
        try PaymentsWorkbook.writeSum(col: 6, first: first, last: last, cached: double(adjusted), row: totalIndex,
                                      format: totalRow.numberFormat("#,##0.00####"), into: sheet)
        try PaymentsWorkbook.writeSum(col: 7, first: first, last: last, cached: euros(report.totalShares), row: totalIndex,
                                      format: totalMoney, into: sheet)
        try sheet.write(row: totalIndex, col: 8, .blank, format: totalRow)
        try widths.apply(to: sheet)
        try sheet.autofilter(CellRange(rows: headerRow...max(headerRow + 1, last), columns: 0...(titles.count - 1)))
        try sheet.freezePanes(rows: headerRow + 1, columns: 1)
        try VendorOrdersWorkbook.printSetup(sheet, title: "\(report.title) — répartition du coût", headerRows: headerRow...headerRow)
    }

    static func weight(_ part: AllocationPart, _ weights: CostFile.Weights) -> Decimal {
        switch part {
        case .fixed: weights.fixed
        case .households: weights.households
        case .sessions: weights.sessions
        case .turnover: weights.turnover
        }
    }

    /// The metric total over the payers, when the allocation left the part out (its total is 0).
    static func metricTotal(_ part: AllocationPart, _ report: UsageReport) -> Decimal {
        let payers = report.rows.filter { $0.share?.exemptReason == nil && $0.share != nil }.map(\.group.figures)
        switch part {
        case .fixed: return Decimal(payers.count)
        case .households: return Decimal(payers.map(\.activeHouseholds).reduce(0, +))
        case .sessions: return Decimal(payers.map(\.sessionsHeld).reduce(0, +))
        case .turnover: return payers.map(\.turnover).sum().decimal
        }
    }

    // MARK: - Shared

    static func writeRow(_ cells: [Cell], row: Int, into sheet: Worksheet, widths: inout ColumnWidths) throws {
        for (col, value) in cells.enumerated() {
            if case .blank = value { continue }
            let format: Format? = if case .integer = value { count } else { nil }
            try sheet.write(row: row, col: col, value, format: format)
            widths.note(col: col, cell: value, format: format)
        }
    }

    static func euros(_ money: Money) -> Double { VendorOrdersWorkbook.euros(money) }
    static func double(_ value: Decimal) -> Double { Double(value.description) ?? 0 }
    static func cell(_ row: Int, _ col: Int) -> String { VendorOrdersWorkbook.cell(row, col) }
}
