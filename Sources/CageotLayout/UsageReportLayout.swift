import CageotCore
import CageotDocuments
import Foundation

/// Lays out the federation's usage report, A4 portrait: a cover with the federation's figures (and
/// the cost to share), a page of charts, the table per AMAP, then one page per AMAP with its figures
/// and, with a cost file, its share computed step by step — a page each AMAP can be sent.
public struct UsageReportLayout: Sendable {
    public var baseFontSize: Double
    public var margins: PageComposer.Margins

    public init(baseFontSize: Double = 9, margins: PageComposer.Margins = PageComposer.Margins(top: 36, left: 40, bottom: 28, right: 40)) {
        self.baseFontSize = baseFontSize; self.margins = margins
    }

    var body: TextStyle { TextStyle(family: .condensed, size: baseFontSize) }
    var heading: TextStyle { TextStyle(family: .sans, size: baseFontSize * 1.45, bold: true) }
    static let shortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]

    public func layout(_ report: UsageReport, measurer: some TextMeasurer) -> [Page] {
        var composer = PageComposer(size: .a4Portrait, margins: margins)
        cover(report, into: &composer, measurer: measurer)
        if report.data.hasActivity {
            composer.startPage(withHeader: false)
            charts(report, into: &composer, measurer: measurer)
        }
        composer.startPage(withHeader: false)
        table(report, into: &composer, measurer: measurer)
        for row in report.rows {
            composer.continuationHeader = nil
            composer.startPage(withHeader: false)
            groupPage(row, report: report, into: &composer, measurer: measurer)
        }
        return composer.finish(footer: { n, all in "\(report.federationName) — \(report.title) — page \(n) / \(all)" },
                               style: body.with(size: baseFontSize * 0.85))
    }

    // MARK: - Cover

    func cover(_ report: UsageReport, into composer: inout PageComposer, measurer: some TextMeasurer) {
        let data = report.data
        let period = "du \(FrenchFormat.longDate(data.period.from)) au \(FrenchFormat.longDate(data.period.to))"
        let active = report.rows.filter { $0.group.figures.orderLines > 0 }.count
        composer.bookmark("Synthèse")
        composer.stack([
            (report.federationName, TextStyle(family: .sans, size: baseFontSize * 1.4)),
            (report.title, TextStyle(family: .sans, size: baseFontSize * 2.4, bold: true)),
            ("Période : \(period)", body.with(size: baseFontSize * 1.15)),
            ("Rapport établi le \(FrenchFormat.longDate(report.madeOn))", body.with(size: baseFontSize * 1.15)),
        ], measurer: measurer)
        composer.paragraph("\(data.groups.count) AMAP inscrites, dont \(active) avec des commandes sur la période, "
            + "\(data.newGroups) nouvelle\(data.newGroups > 1 ? "s" : "") et \(data.disabledGroups) désactivée\(data.disabledGroups > 1 ? "s" : "").",
            style: body.with(size: baseFontSize * 1.1), measurer: measurer, gapAbove: 8)
        if !data.hasActivity {
            composer.paragraph("Aucune activité sur la période : aucun panier confirmé ne contient de ligne de commande. "
                + "Il n'y a ni graphique ni répartition de coût à présenter.",
                style: body.with(bold: true, size: baseFontSize * 1.2), measurer: measurer, gapAbove: 12)
        }
        section("Chiffres de la fédération", into: &composer, measurer: measurer)
        figures(UsageReport.keyFigures(data.federation), into: &composer, measurer: measurer)
        composer.paragraph("Les foyers et les producteurs présents dans plusieurs AMAP ne comptent qu'une fois ici. "
            + "Aucune donnée personnelle : seulement des totaux.", style: body.with(size: baseFontSize * 0.9),
            measurer: measurer, gapAbove: 4)
        guard let costs = report.costs else { return }
        section("Coût d'hébergement à partager", into: &composer, measurer: measurer)
        let items = Table(columns: [.init("Poste", width: composer.contentWidth - 120), .init("Montant", width: 120, alignment: .right)],
                          style: body, padding: 2.5)
        placeHeader(items, into: &composer, measurer: measurer)
        for item in costs.file.items {
            DistributionLayoutKit.place(Table.Block(rows: [Table.Row([item.name, FrenchFormat.money(item.amount)])]),
                                        table: items, into: &composer, measurer: measurer)
        }
        DistributionLayoutKit.place(Table.Block(rows: [Table.Row(["Total", FrenchFormat.money(costs.total)], bold: true)]),
                                    table: items, into: &composer, measurer: measurer, shade: true)
        // The allocation as a whole, line by line: total, payers, parts, floors and caps, rounding.
        var rules = costs.allocation.steps.map { "• " + $0 }
        if let floor = costs.file.floor { rules.append("• Plancher par AMAP : \(FrenchFormat.money(floor))") }
        if let cap = costs.file.cap { rules.append("• Plafond par AMAP : \(FrenchFormat.money(cap))") }
        rules.append("Les parts, arrondies au centime, totalisent \(FrenchFormat.money(report.totalShares)). "
            + "Le calcul de chaque part figure sur la page de l'AMAP.")
        composer.paragraph("Méthode de répartition", style: body.with(bold: true, size: baseFontSize * 1.1), measurer: measurer, gapAbove: 8)
        composer.paragraph(rules.joined(separator: "\n"), style: body, measurer: measurer, gapAbove: 2)
    }

    // MARK: - Charts

    func charts(_ report: UsageReport, into composer: inout PageComposer, measurer: some TextMeasurer) {
        composer.bookmark("Graphiques")
        section("L'activité en graphiques", into: &composer, measurer: measurer)
        let months = report.data.months
        let label: (MonthUsage) -> String = { Self.shortMonths[$0.month.month - 1] + (months.count > 12 ? "\n\($0.month.year % 100)" : "") }
        let turnover = months.map {
            ChartValue(label: label($0), value: Double($0.turnover.cents) / 100,
                       text: FrenchFormat.integer(Int((Double($0.turnover.cents) / 100).rounded())))
        }
        let chartHeight = 190.0
        composer.ensureRoom(chartHeight)
        composer.place(Chart.columns("Chiffre d'affaires TTC par mois (€)", values: turnover,
                                     origin: Point(x: composer.left, y: composer.y), width: composer.contentWidth, height: chartHeight,
                                     axisText: { FrenchFormat.integer(Int($0.rounded())) + "\u{00A0}€" }, style: body, measurer: measurer),
                       height: chartHeight + 10)
        let sessions = months.map { ChartValue(label: label($0), value: Double($0.sessionsHeld), text: FrenchFormat.integer($0.sessionsHeld)) }
        composer.ensureRoom(chartHeight)
        composer.place(Chart.columns("Distributions tenues par mois", values: sessions,
                                     origin: Point(x: composer.left, y: composer.y), width: composer.contentWidth, height: chartHeight,
                                     axisText: { FrenchFormat.decimal(Decimal($0), maxFractionDigits: 1) }, style: body, measurer: measurer),
                       height: chartHeight + 10)
        // Households per AMAP, largest first: a bar each, continued on the next pages for a large federation.
        let groups = report.rows.map(\.group).filter { $0.figures.activeHouseholds > 0 }
            .sorted { ($0.figures.activeHouseholds, $1.groupId) > ($1.figures.activeHouseholds, $0.groupId) }
        let title = "Foyers actifs par AMAP"
        let titleStyle = body.with(bold: true, size: baseFontSize * 1.2)
        let titleHeight = measurer.measure(title, style: titleStyle, width: composer.contentWidth).height + 4
        composer.ensureRoom(titleHeight + 40)
        composer.place([.text(title, frame: Rect(x: composer.left, y: composer.y, width: composer.contentWidth, height: titleHeight),
                              style: titleStyle)], height: titleHeight)
        let maximum = Double(groups.map(\.figures.activeHouseholds).max() ?? 1)
        let labelWidth = min(200, composer.contentWidth * 0.4)
        for group in groups {
            let value = ChartValue(label: group.name, value: Double(group.figures.activeHouseholds),
                                   text: FrenchFormat.integer(group.figures.activeHouseholds))
            let probe = Chart.bar(value, maximum: maximum, origin: .init(x: 0, y: 0), width: composer.contentWidth, labelWidth: labelWidth,
                                  style: body, measurer: measurer)
            composer.ensureRoom(probe.height)
            let row = Chart.bar(value, maximum: maximum, origin: Point(x: composer.left, y: composer.y), width: composer.contentWidth,
                                labelWidth: labelWidth, style: body, measurer: measurer)
            composer.place(row.items, height: row.height)
        }
    }

    // MARK: - Table per AMAP

    func table(_ report: UsageReport, into composer: inout PageComposer, measurer: some TextMeasurer) {
        composer.bookmark("Tableau par AMAP")
        section("Par AMAP", into: &composer, measurer: measurer)
        let s = baseFontSize / 9
        var columns: [Table.Column] = [
            .init("AMAP", width: 0), .init("Foyers", width: 40 * s, alignment: .right),
            .init("Adhér.", width: 40 * s, alignment: .right), .init("Distrib.", width: 42 * s, alignment: .right),
            .init("Paniers", width: 46 * s, alignment: .right), .init("CA TTC", width: 74 * s, alignment: .right),
        ]
        if report.costs != nil { columns.append(.init("Part", width: 64 * s, alignment: .right)) }
        columns[0].width = composer.contentWidth - columns.reduce(0) { $0 + $1.width }
        let table = Table(columns: columns, style: body, padding: 2, zebra: 0.95)
        composer.continuationHeader = DistributionLayoutKit.continuationHeader(
            "\(report.title) — par AMAP (suite)", style: body.with(size: baseFontSize * 0.85), table: table,
            width: table.width, measurer: measurer)
        placeHeader(table, into: &composer, measurer: measurer)
        for (index, row) in report.rows.enumerated() {
            let f = row.group.figures
            var name = row.group.name
            if row.status != "actif" { name += " — \(row.status)" }
            var cells = [name, FrenchFormat.integer(f.activeHouseholds), FrenchFormat.integer(f.members),
                         FrenchFormat.integer(f.sessionsHeld), FrenchFormat.integer(f.baskets), FrenchFormat.money(f.turnover)]
            if report.costs != nil { cells.append(row.share.map { FrenchFormat.money($0.amount) } ?? "—") }
            let block = Table.Block(rows: [Table.Row(cells)])
            let measured = table.measure(block, measurer)
            composer.ensureRoom(measured.height)
            composer.place(table.draw(block, at: Point(x: composer.left, y: composer.y), rowHeights: measured.rows,
                                      height: measured.height, shaded: index % 2 == 1), height: measured.height)
        }
        var total = ["Total", FrenchFormat.integer(report.sum(\.activeHouseholds)), FrenchFormat.integer(report.sum(\.members)),
                     FrenchFormat.integer(report.sum(\.sessionsHeld)), FrenchFormat.integer(report.sum(\.baskets)),
                     FrenchFormat.money(report.sum(\.turnover))]
        if report.costs != nil { total.append(FrenchFormat.money(report.totalShares)) }
        DistributionLayoutKit.place(Table.Block(rows: [Table.Row(total, bold: true)]), table: table, into: &composer,
                                    measurer: measurer, shade: true)
        composer.paragraph("Foyers et adhérents : sommes des AMAP ; un foyer inscrit dans deux AMAP y compte deux fois "
            + "(\(FrenchFormat.integer(report.data.federation.activeHouseholds)) foyers actifs distincts dans la fédération).",
            style: body.with(size: baseFontSize * 0.9), measurer: measurer, gapAbove: 4)
    }

    // MARK: - One AMAP

    func groupPage(_ row: UsageReport.Row, report: UsageReport, into composer: inout PageComposer, measurer: some TextMeasurer) {
        composer.bookmark(row.group.name)
        composer.stack([
            (row.group.name, TextStyle(family: .sans, size: baseFontSize * 1.9, bold: true)),
            ("\(report.title) — \(report.federationName)", body.with(size: baseFontSize * 1.1)),
            ("Statut : \(row.status) — inscrite depuis le \(FrenchFormat.shortDate(row.group.createdOn))", body),
        ], measurer: measurer)
        section("Chiffres de l'AMAP", into: &composer, measurer: measurer)
        figures(UsageReport.keyFigures(row.group.figures), into: &composer, measurer: measurer)
        guard let costs = report.costs, let share = row.share else { return }
        section("Participation aux frais d'hébergement", into: &composer, measurer: measurer)
        if let reason = share.exemptReason {
            composer.paragraph("Aucune participation : \(reason).", style: body.with(bold: true, size: baseFontSize * 1.15),
                               measurer: measurer, gapAbove: 2)
            return
        }
        composer.paragraph("Coût total à partager : \(FrenchFormat.money(costs.total)). Le calcul, étape par étape :",
                           style: body, measurer: measurer, gapAbove: 2)
        composer.paragraph(share.steps.map { "• " + $0 }.joined(separator: "\n"), style: body.with(size: baseFontSize * 1.05),
                           measurer: measurer, gapAbove: 4)
        composer.paragraph("Montant à régler : \(FrenchFormat.money(share.amount))",
                           style: TextStyle(family: .sans, size: baseFontSize * 1.5, bold: true), measurer: measurer, gapAbove: 10)
    }

    // MARK: - Shared

    func section(_ title: String, into composer: inout PageComposer, measurer: some TextMeasurer) {
        composer.paragraph(title, style: heading, measurer: measurer, gapAbove: 14)
        composer.skip(4)
    }

    func placeHeader(_ table: Table, into composer: inout PageComposer, measurer: some TextMeasurer) {
        let height = table.headerHeight(measurer)
        composer.ensureRoom(height * 3)
        composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: height)
    }

    /// Label / value pairs as a two-column table.
    func figures(_ lines: [(String, String)], into composer: inout PageComposer, measurer: some TextMeasurer) {
        let table = Table(columns: [.init("", width: composer.contentWidth - 170), .init("", width: 170, alignment: .right)],
                          style: body, padding: 2.2, zebra: 0.95)
        for (index, (label, value)) in lines.enumerated() {
            let block = Table.Block(rows: [Table.Row([label, value], bold: !label.hasPrefix(" "))])
            let measured = table.measure(block, measurer)
            composer.ensureRoom(measured.height)
            composer.place(table.draw(block, at: Point(x: composer.left, y: composer.y), rowHeights: measured.rows,
                                      height: measured.height, shaded: index % 2 == 0), height: measured.height)
        }
    }
}
