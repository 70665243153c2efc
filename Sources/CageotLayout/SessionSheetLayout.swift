import CageotCore
import CageotDocuments

/// Lays out a session sign-in sheet on A4 pages: title block, then one table block per household
/// (basket number, name and phones, the order lines, the household total, a box to sign), the
/// column header repeated on every page, the group's notes at the end, `page n / N` at the foot.
public struct SessionSheetLayout: Sendable {
    public var pageSize: Size = .a4Portrait
    public var margins = PageComposer.Margins()
    public var body = TextStyle(family: .condensed, size: 8.5)
    /// Room to sign: the least height of a household block.
    public var signatureHeight: Double = 28

    public init() {}

    public func table(width: Double) -> Table {
        let fixed: [Table.Column] = [
            .init("N°", width: 24, alignment: .center),
            .init("Foyer", width: 124),
            .init("Qté", width: 44, alignment: .right),
            .init("Produit", width: 0),
            .init("Prix u.", width: 46, alignment: .right),
            .init("Montant", width: 50, alignment: .right),
            .init("Signature", width: 84, alignment: .center),
        ]
        var columns = fixed
        columns[3].width = width - fixed.reduce(0) { $0 + $1.width }
        return Table(columns: columns, style: body)
    }

    public func layout(_ sheet: SessionSheet, measurer: some TextMeasurer) -> [Page] {
        var composer = PageComposer(size: pageSize, margins: margins)
        let table = table(width: composer.contentWidth)
        let left = composer.left

        titleBlock(sheet, into: &composer, measurer: measurer)

        let smallStyle = body.with(size: 7.5)
        let running = "\(sheet.groupName) — \(sheet.when) (suite)"
        let runningHeight = measurer.measure(running, style: smallStyle, width: composer.contentWidth).height + 4
        composer.continuationHeader = { origin in
            let title = PageItem.text(running, frame: Rect(x: origin.x, y: origin.y, width: table.width, height: runningHeight),
                                      style: smallStyle)
            let header = table.header(at: Point(x: origin.x, y: origin.y + runningHeight), measurer)
            return ([title] + header, runningHeight + table.headerHeight(measurer))
        }

        let headerHeight = table.headerHeight(measurer)
        composer.ensureRoom(headerHeight + signatureHeight)
        composer.place(table.header(at: Point(x: left, y: composer.y), measurer), height: headerHeight)

        if sheet.households.isEmpty {
            let block = Table.Block(spans: [1: "Aucune commande confirmée pour cette distribution."], rows: [], minHeight: signatureHeight)
            place(block, table: table, into: &composer, measurer: measurer)
        }
        for household in sheet.households {
            for block in blocks(for: household, sheet: sheet, table: table, capacity: composer.pageCapacity, measurer: measurer) {
                place(block, table: table, into: &composer, measurer: measurer)
            }
        }

        let summary = "\(sheet.households.count) foyer\(sheet.households.count > 1 ? "s" : "") — total de la distribution : \(FrenchFormat.money(sheet.total, currency: sheet.currency))"
        paragraph(summary, style: body.with(bold: true, alignment: .right), into: &composer, measurer: measurer, gapAbove: 4)
        if let notes = sheet.notes {
            paragraph("À savoir", style: body.with(bold: true, size: 9.5), into: &composer, measurer: measurer, gapAbove: 10)
            for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
                paragraph(line.isEmpty ? " " : String(line), style: body.with(size: 9), into: &composer, measurer: measurer, gapAbove: 0)
            }
        }

        return composer.finish(footer: { n, total in "\(sheet.groupName) — feuille d'émargement — page \(n) / \(total)" },
                               style: smallStyle)
    }

    /// Group name, date, place and volunteers, with the logo at the left when there is one.
    func titleBlock(_ sheet: SessionSheet, into composer: inout PageComposer, measurer: some TextMeasurer) {
        let top = composer.y
        var x = composer.left
        var width = composer.contentWidth
        var logoHeight = 0.0
        if let logo = sheet.logo {
            let side = 48.0
            composer.place([.image(ImageBytes(logo), frame: Rect(x: x, y: top, width: side, height: side))], height: 0)
            x += side + 8
            width -= side + 8
            logoHeight = side
        }
        var y = top
        let lines: [(String, TextStyle)] = [
            (sheet.groupName, TextStyle(family: .sans, size: 14, bold: true)),
            ("Feuille d'émargement — \(sheet.when)", TextStyle(family: .sans, size: 11)),
            (sheet.place, body.with(size: 9)),
            ("Permanences : " + (sheet.volunteers.isEmpty ? "aucune prévue" : sheet.volunteers.joined(separator: " · ")), body.with(size: 9)),
        ]
        var items: [PageItem] = []
        for (text, style) in lines where !text.isEmpty {
            let height = measurer.measure(text, style: style, width: width).height
            items.append(.text(text, frame: Rect(x: x, y: y, width: width, height: height), style: style))
            y += height + 2
        }
        composer.place(items, height: max(y - top, logoHeight) + 8)
    }

    /// The table blocks of one household: one block, or several when it is taller than a page.
    func blocks(for household: SessionSheet.Household, sheet: SessionSheet, table: Table, capacity: Double,
                measurer: some TextMeasurer) -> [Table.Block] {
        let money = { (m: Money) in FrenchFormat.money(m, currency: sheet.currency) }
        let rows = household.lines.map { line in
            Table.Row(["", "", line.quantity, line.product, money(line.unitPrice), money(line.amount), ""])
        } + [Table.Row(["", "", "", "Total foyer", "", money(household.total), ""], bold: true)]
        let name = ([household.name] + household.phones).joined(separator: "\n")
        let whole = Table.Block(spans: [0: String(household.basketNumber), 1: name, 6: ""], rows: rows, minHeight: signatureHeight)
        guard table.measure(whole, measurer).height > capacity else { return [whole] }
        // Taller than a page: split between rows, repeating the household on each part.
        var parts: [Table.Block] = []
        var current: [Table.Row] = []
        for row in rows {
            let candidate = Table.Block(spans: whole.spans, rows: current + [row], minHeight: signatureHeight)
            if !current.isEmpty && table.measure(candidate, measurer).height > capacity {
                parts.append(Table.Block(spans: whole.spans, rows: current, minHeight: signatureHeight))
                current = [row]
            } else {
                current.append(row)
            }
        }
        parts.append(Table.Block(spans: whole.spans, rows: current, minHeight: signatureHeight))
        return parts.enumerated().map { index, part in
            var part = part
            if index > 0 { part.spans[1] = name + "\n(suite)" }
            return part
        }
    }

    func place(_ block: Table.Block, table: Table, into composer: inout PageComposer, measurer: some TextMeasurer) {
        let measured = table.measure(block, measurer)
        composer.ensureRoom(measured.height)
        composer.place(table.draw(block, at: Point(x: composer.left, y: composer.y), rowHeights: measured.rows, height: measured.height),
                       height: measured.height)
    }

    func paragraph(_ text: String, style: TextStyle, into composer: inout PageComposer, measurer: some TextMeasurer, gapAbove: Double) {
        let height = measurer.measure(text, style: style, width: composer.contentWidth).height
        composer.ensureRoom(gapAbove + height)
        composer.skip(composer.isAtTopOfPage ? 0 : gapAbove)
        composer.place([.text(text, frame: Rect(x: composer.left, y: composer.y, width: composer.contentWidth, height: height), style: style)],
                       height: height)
    }
}
