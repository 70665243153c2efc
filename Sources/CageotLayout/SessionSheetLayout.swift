import CageotCore
import CageotDocuments

/// Lays out a session sign-in sheet as a preset says: title block, then one table block per
/// household (basket number, name and phones, the order lines, the household total, a box to
/// sign), the column header repeated on every page, the group's notes at the end, and the footer;
/// with the optional blocks, contacts under the title, the volunteer planning after the notes and
/// a last page of changes since the previous session.
/// When the columns do not fit, it shrinks the font down to the preset's minimum, then turns the
/// page to landscape, then moves to A3 (if the preset allows the fallback).
public struct SessionSheetLayout: Sendable {
    public var preset: SheetPreset

    public init(preset: SheetPreset = SheetPreset()) { self.preset = preset }

    /// The least width of the product column, below which the fallback starts: about 28
    /// characters of the body size.
    static func minProductWidth(fontSize: Double) -> Double { 14 * fontSize }

    public func layout(_ sheet: SessionSheet, measurer: some TextMeasurer) throws(LayoutError) -> [Page] {
        let fit = try fitting(sheet, measurer: measurer)
        return compose(sheet, fit: fit, measurer: measurer)
    }

    /// The page size, font size and table chosen, after the fallback if any.
    struct Fit {
        var size: Size
        var body: TextStyle
        var table: Table
        var fields: [SheetPreset.Column.Field]
    }

    /// Tries the preset's paper and font, then smaller fonts, landscape and A3.
    func fitting(_ sheet: SessionSheet, measurer: some TextMeasurer) throws(LayoutError) -> Fit {
        var attempts: [(SheetPreset.Paper, SheetPreset.Orientation, Double)] = []
        let sizes = stride(from: preset.fontSize, through: preset.minFontSize - 0.001, by: -0.5).map { $0 }
        attempts += sizes.map { (preset.paper, preset.orientation, $0) }
        if preset.fallback {
            if preset.orientation == .portrait { attempts += sizes.map { (preset.paper, .landscape, $0) } }
            if preset.paper != .a3 { attempts += sizes.map { (.a3, .landscape, $0) } }
        } else {
            attempts = [(preset.paper, preset.orientation, preset.fontSize)]
        }
        var widest = -Double.infinity
        for (paper, orientation, fontSize) in attempts {
            let size = orientation == .portrait ? paper.size : Size(width: paper.size.height, height: paper.size.width)
            let width = size.width - SheetPreset.points(preset.marginsMM.left + preset.marginsMM.right)
            let body = TextStyle(family: preset.fontFamily, size: fontSize)
            let (table, productWidth) = makeTable(sheet, width: width, body: body, measurer: measurer)
            widest = max(widest, productWidth)
            if productWidth >= Self.minProductWidth(fontSize: fontSize) || !fields(sheet).contains(.product) {
                return Fit(size: size, body: body, table: table, fields: fields(sheet))
            }
        }
        let mm = { (points: Double) in Int((points * 25.4 / 72).rounded()) }
        let needed = Self.minProductWidth(fontSize: preset.fallback ? preset.minFontSize : preset.fontSize)
        let shortfall = widest > 0
            ? "the product column would be \(mm(widest)) mm wide, and needs at least \(mm(needed)) mm"
            : "the other columns alone are \(mm(-widest)) mm too wide, leaving no room for the product"
        throw LayoutError(preset: preset.name, reason: preset.fallback
            ? "the columns do not fit even on A3 landscape at \(FrenchFormat.decimal(Decimal(preset.minFontSize))) pt: \(shortfall); remove columns or narrow the fixed widths"
            : "the columns do not fit on \(preset.paper.rawValue) \(preset.orientation.rawValue) at \(FrenchFormat.decimal(Decimal(preset.fontSize))) pt: \(shortfall); enable paper.fallback, remove columns or narrow the fixed widths")
    }

    /// The fields shown: the preset's columns, less prices for `short`, less phones when hidden.
    func fields(_ sheet: SessionSheet) -> [SheetPreset.Column.Field] {
        preset.columns.map(\.field).filter { field in
            if preset.variant == .short && field.isPrice { return false }
            if field == .phone && (!preset.phones || sheet.phonesHidden) { return false }
            return true
        }
    }

    /// Columns with fixed widths as given, automatic ones as wide as their widest text (capped),
    /// and the product column taking what is left. Returns the table and the product width.
    func makeTable(_ sheet: SessionSheet, width: Double, body: TextStyle, measurer: some TextMeasurer) -> (Table, Double) {
        let shown = fields(sheet)
        let padding = 2.0
        let bold = body.with(bold: true)
        let money = { (m: Money) in FrenchFormat.money(m, currency: sheet.currency) }
        func natural(_ field: SheetPreset.Column.Field, title: String) -> Double {
            var texts: [String] = []
            switch field {
            case .basket: texts = sheet.households.map { String($0.basketNumber) }
            case .quantity: texts = sheet.households.flatMap { $0.lines.map(\.quantity) }
            case .unitPrice: texts = sheet.households.flatMap { $0.lines.map { money($0.unitPrice) } }
            case .amount: texts = sheet.households.flatMap { $0.lines.map { money($0.amount) } }
            case .total: texts = sheet.households.map { money($0.total) }
            case .phone: texts = sheet.households.flatMap(\.phones)
            case .household: texts = sheet.households.map { name(of: $0) }
            case .contract: texts = sheet.contracts
            case .product, .signature: texts = []
            }
            let widest = texts.prefix(2000).map { measurer.measure($0, style: field == .amount || field == .total ? bold : body, width: nil).width }.max() ?? 0
            let header = measurer.measure(title, style: bold, width: nil).width
            return max(widest, header) + 2 * padding + 1
        }
        var widths: [Double] = []
        for field in shown {
            let column = presetColumn(field)!
            if let mm = column.widthMM { widths.append(SheetPreset.points(mm)); continue }
            switch field {
            case .signature: widths.append(SheetPreset.points(preset.signatureWidthMM))
            case .product: widths.append(0)
            case .household: widths.append(min(natural(field, title: column.title), width * 0.28))
            case .contract: widths.append(min(natural(field, title: column.title), width * 0.2))
            default: widths.append(min(natural(field, title: column.title), width * 0.18))
            }
        }
        var productWidth = 0.0
        if let index = shown.firstIndex(of: .product), presetColumn(.product)?.widthMM == nil {
            productWidth = width - widths.reduce(0, +)
            // Product names matter more than long household names, which can wrap: lend the
            // product column what it lacks, down to 16 % of the width for the household.
            let products = sheet.households.lazy.flatMap(\.lines).map(\.product).prefix(2000)
            let wanted = (products.map { measurer.measure($0, style: body, width: nil).width }.max() ?? 0) + 2 * padding + 1
            if productWidth < wanted, let h = shown.firstIndex(of: .household), presetColumn(.household)?.widthMM == nil {
                let lent = min(wanted - productWidth, max(0, widths[h] - width * 0.16))
                widths[h] -= lent
                productWidth += lent
            }
            widths[index] = max(productWidth, 1)
        } else if let index = shown.firstIndex(of: .product) {
            productWidth = widths[index]
        }
        let columns = zip(shown, widths).map { field, w in
            Table.Column(preset.columns.first { $0.field == field }!.title, width: w, alignment: field.alignment)
        }
        return (Table(columns: columns, style: body, padding: padding, minRowHeight: SheetPreset.points(preset.rowHeightMM),
                      zebra: preset.zebra ? 0.93 : nil), productWidth)
    }

    func presetColumn(_ field: SheetPreset.Column.Field) -> SheetPreset.Column? {
        preset.columns.first { $0.field == field }
    }

    func name(of household: SessionSheet.Household) -> String {
        preset.names == .abbreviated ? household.abbreviatedName : household.name
    }

    // MARK: - Pages

    func compose(_ sheet: SessionSheet, fit: Fit, measurer: some TextMeasurer) -> [Page] {
        let m = preset.marginsMM
        let body = fit.body
        let small = body.with(size: max(6.5, body.size - 1.5))
        let footerHeight = measurer.measure("page 1 / 1", style: small, width: nil).height + 4
        var composer = PageComposer(size: fit.size, margins: .init(top: SheetPreset.points(m.top), left: SheetPreset.points(m.left),
                                                                   bottom: SheetPreset.points(m.bottom), right: SheetPreset.points(m.right)),
                                    footerHeight: footerHeight)
        let table = fit.table
        let texts = TemplateFields(sheet: sheet)

        titleBlock(sheet, texts: texts, body: body, into: &composer, measurer: measurer)
        if preset.blocks.contains(.contacts) { contactsBlock(sheet.contacts, body: body, into: &composer, measurer: measurer) }

        let running = "\(texts.fill(preset.title)) — \(sheet.when) (suite)"
        let runningHeight = measurer.measure(running, style: small, width: composer.contentWidth).height + 3
        composer.continuationHeader = { origin in
            let title = PageItem.text(running, frame: Rect(x: origin.x, y: origin.y, width: table.width, height: runningHeight), style: small)
            return ([title] + table.header(at: Point(x: origin.x, y: origin.y + runningHeight), measurer),
                    runningHeight + table.headerHeight(measurer))
        }
        let signature = SheetPreset.points(preset.signatureHeightMM)
        composer.ensureRoom(table.headerHeight(measurer) + signature)
        composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: table.headerHeight(measurer))

        var households = sheet.households
        if preset.sort == .basket { households.sort { ($0.basketNumber, $0.name) < ($1.basketNumber, $1.name) } }
        if households.isEmpty {
            place(Table.Block(spans: (spanIndex(fit, .product) ?? spanIndex(fit, .household)).map { [$0: "Aucune commande confirmée pour cette distribution."] } ?? [:],
                              rows: [], minHeight: signature), table: table, shaded: false, into: &composer, measurer: measurer)
        }
        let pagePerHousehold = preset.variant == .householdPerPage || preset.variant == .byContract
        // The summary line never stands alone at the top of a page: the last household keeps it company.
        let summaryHeight = measurer.measure("1 foyer", style: body.with(bold: true), width: nil).height + 4
        // With `group-by: contract`, one section per contract: its households and only their lines
        // in it, under the contract's name (an outline entry of its own).
        let sections: [(title: String?, households: [SessionSheet.Household])] = preset.groupBy == .contract
            ? sheet.contracts.map { contract in
                (contract, households.compactMap { household in
                    let lines = household.lines.filter { $0.contract == contract }
                    guard !lines.isEmpty else { return nil }
                    var part = household
                    part.lines = lines
                    part.total = lines.map(\.amount).sum()
                    return part
                })
            }
            : [(nil, households)]
        for (number, section) in sections.enumerated() {
            if let title = section.title {
                if number > 0 && (preset.pageBreakPerGroup || pagePerHousehold) { composer.startPage(withHeader: true) }
                let heading = body.with(bold: true, size: body.size + 1.5)
                let height = measurer.measure(title, style: heading, width: composer.contentWidth).height + 4
                // The heading stays with the section's first household.
                composer.ensureRoom(height + SheetPreset.points(preset.signatureHeightMM))
                composer.bookmark(title)
                composer.place([.text(title, frame: Rect(x: composer.left, y: composer.y + 2, width: composer.contentWidth, height: height - 2),
                                      style: heading)], height: height)
            }
            place(section.households, sheet: sheet, fit: fit, table: table, last: number == sections.count - 1,
                  pagePerHousehold: pagePerHousehold, summaryHeight: summaryHeight, bookmarkLevel: section.title == nil ? 0 : 1,
                  into: &composer, measurer: measurer)
        }
        if preset.blocks.contains(.walkIns) {
            for _ in 0..<preset.walkInRows {
                place(Table.Block(rows: [Table.Row(Array(repeating: "", count: fit.fields.count))], minHeight: signature),
                      table: table, shaded: false, into: &composer, measurer: measurer)
            }
        }
        if preset.variant != .short {
            let count = sheet.households.count
            let summary = "\(count) foyer\(count > 1 ? "s" : "") — total de la distribution : \(FrenchFormat.money(sheet.total, currency: sheet.currency))"
            composer.paragraph(summary, style: body.with(bold: true, alignment: .right), measurer: measurer, gapAbove: 4)
        } else {
            let count = sheet.households.count
            composer.paragraph("\(count) foyer\(count > 1 ? "s" : "")", style: body.with(bold: true, alignment: .right), measurer: measurer, gapAbove: 4)
        }
        if preset.blocks.contains(.notes), let notes = sheet.notes {
            composer.paragraph("À savoir", style: body.with(bold: true, size: body.size + 1), measurer: measurer, gapAbove: 10)
            for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
                composer.paragraph(line.isEmpty ? " " : String(line), style: body, measurer: measurer, gapAbove: 0)
            }
        }
        let continued = RunningTitle(text: running, style: small, width: composer.contentWidth, measurer: measurer)
        if preset.blocks.contains(.planning) && preset.planningSessions > 0 {
            planningBlock(sheet, body: body, running: continued, into: &composer, measurer: measurer)
        }
        if preset.blocks.contains(.changes) {
            changesPage(sheet.changes, body: body, running: continued, into: &composer, measurer: measurer)
        }
        var pages = composer.finish(footer: { n, total in texts.fill(preset.footer, page: n, pages: total) }, style: small)
        if pages.count == 1 { pages[0].bookmarks = [] }  // an outline only helps on a long sheet
        return pages
    }

    func spanIndex(_ fit: Fit, _ field: SheetPreset.Column.Field) -> Int? { fit.fields.firstIndex(of: field) }

    /// The households' blocks, in order; the very last one keeps the summary line company.
    func place(_ households: [SessionSheet.Household], sheet: SessionSheet, fit: Fit, table: Table, last lastSection: Bool,
               pagePerHousehold: Bool, summaryHeight: Double, bookmarkLevel: Int,
               into composer: inout PageComposer, measurer: some TextMeasurer) {
        for (index, household) in households.enumerated() {
            if pagePerHousehold && index > 0 { composer.startPage(withHeader: true) }
            let parts = blocks(for: household, sheet: sheet, fit: fit, composer: &composer, measurer: measurer)
            for (part, (block, measured)) in parts.enumerated() {
                let last = lastSection && index == households.count - 1 && part == parts.count - 1 && !preset.blocks.contains(.walkIns)
                place(block, table: table, shaded: index % 2 == 1, into: &composer, measurer: measurer, measured: measured,
                      keepWithNext: last ? summaryHeight : 0) { composer in
                    // A long sheet gets an outline: one entry per household, at its first block.
                    if part == 0 { composer.bookmark("\(household.basketNumber) — \(name(of: household))", level: bookmarkLevel) }
                }
            }
        }
    }

    /// Group name, date, place and volunteers, with the logo at the left when there is one.
    func titleBlock(_ sheet: SessionSheet, texts: TemplateFields, body: TextStyle, into composer: inout PageComposer,
                    measurer: some TextMeasurer) {
        let top = composer.y
        var x = composer.left
        var width = composer.contentWidth
        var logoHeight = 0.0
        if preset.blocks.contains(.logo), let logo = sheet.logo {
            let side = 44.0
            composer.place([.image(ImageBytes(logo), frame: Rect(x: x, y: top, width: side, height: side))], height: 0)
            x += side + 8
            width -= side + 8
            logoHeight = side
        }
        var lines: [(String, TextStyle)] = [
            (texts.fill(preset.title), TextStyle(family: .sans, size: body.size + 5, bold: true)),
            (texts.fill(preset.subtitle), TextStyle(family: .sans, size: body.size + 2)),
            (sheet.place, body),
        ]
        if preset.blocks.contains(.volunteers) {
            lines.append(("Permanences : " + (sheet.volunteers.isEmpty ? "aucune prévue" : sheet.volunteers.joined(separator: " · ")), body))
        }
        var y = top
        var items: [PageItem] = []
        for (text, style) in lines where !text.isEmpty {
            let height = measurer.measure(text, style: style, width: width).height
            items.append(.text(text, frame: Rect(x: x, y: y, width: width, height: height), style: style))
            y += height + 1.5
        }
        composer.place(items, height: max(y - top, logoHeight) + 6)
    }

    /// The table blocks of one household: one block, or several when it is taller than a page;
    /// a block that fits comes with its measure, so that placing it does not measure it again.
    func blocks(for household: SessionSheet.Household, sheet: SessionSheet, fit: Fit, composer: inout PageComposer,
                measurer: some TextMeasurer) -> [(Table.Block, Table.Measure?)] {
        let capacity = composer.pageCapacity
        let money = { (m: Money) in FrenchFormat.money(m, currency: sheet.currency) }
        let fields = fit.fields
        func row(_ line: SessionSheet.Line) -> Table.Row {
            Table.Row(fields.map { field in
                switch field {
                case .quantity: line.quantity
                case .product: line.product
                case .contract: line.contract
                case .unitPrice: money(line.unitPrice)
                case .amount: money(line.amount)
                case .basket, .household, .phone, .total, .signature: ""
                }
            })
        }
        var rows: [Table.Row] = []
        if preset.variant == .byContract {
            var contract: String?
            for line in household.lines {
                if line.contract != contract, let productColumn = fields.firstIndex(of: .product) {
                    var cells = Array(repeating: "", count: fields.count)
                    cells[productColumn] = line.contract
                    rows.append(Table.Row(cells, bold: true))
                    contract = line.contract
                }
                rows.append(row(line))
            }
        } else {
            rows = household.lines.map(row)
        }
        if preset.variant != .short, !fields.contains(.total), let amount = fields.firstIndex(of: .amount) {
            var cells = Array(repeating: "", count: fields.count)
            cells[amount] = money(household.total)
            if let label = fields.firstIndex(of: .product) ?? fields.firstIndex(of: .unitPrice) { cells[label] = "Total foyer" }
            rows.append(Table.Row(cells, bold: true))
        }
        var spans: [Int: String] = [:]
        var bold: Set<Int> = []
        let showPhones = preset.phones && !sheet.phonesHidden
        for (i, field) in fields.enumerated() {
            switch field {
            case .basket: spans[i] = String(household.basketNumber)
            case .household:
                // The `all` variant adds the household's balance in the group and what is left to pay,
                // under the name where the block has room, rather than widen the total column.
                var account: [String] = []
                if preset.variant == .all, let balance = household.balance, let toPay = household.toPay {
                    account = ["Solde\u{00A0}: \(money(balance)) · à payer\u{00A0}: \(money(toPay))"]
                }
                spans[i] = ([name(of: household)] + (showPhones && !fields.contains(.phone) ? household.phones : []) + account)
                    .joined(separator: "\n")
            case .phone: spans[i] = household.phones.joined(separator: "\n")
            case .signature: spans[i] = ""
            case .total:
                spans[i] = money(household.total)
                bold.insert(i)
            default: break
            }
        }
        let signature = SheetPreset.points(preset.signatureHeightMM)
        let whole = Table.Block(spans: spans, rows: rows, minHeight: signature, boldSpans: bold)
        let measured = fit.table.measure(whole, measurer)
        guard measured.height > capacity else { return [(whole, measured)] }
        // The first part fills what is left of this page; the others take a page each.
        let first = composer.roomForFirstPart()
        // Taller than a page: split between rows, repeating the household on each part.
        var parts: [Table.Block] = []
        var current: [Table.Row] = []
        for row in rows {
            let candidate = Table.Block(spans: spans, rows: current + [row], minHeight: signature, boldSpans: bold)
            if !current.isEmpty && fit.table.measure(candidate, measurer).height > (parts.isEmpty ? first : capacity) {
                parts.append(Table.Block(spans: spans, rows: current, minHeight: signature, boldSpans: bold))
                current = [row]
            } else {
                current.append(row)
            }
        }
        parts.append(Table.Block(spans: spans, rows: current, minHeight: signature, boldSpans: bold))
        let nameColumn = fields.firstIndex(of: .household)
        return parts.enumerated().map { index, part in
            var part = part
            if index > 0, let nameColumn { part.spans[nameColumn] = (spans[nameColumn] ?? "") + "\n(suite)" }
            return (part, nil)
        }
    }

    func place(_ block: Table.Block, table: Table, shaded: Bool, into composer: inout PageComposer, measurer: some TextMeasurer,
               measured: Table.Measure? = nil, keepWithNext: Double = 0, before: (inout PageComposer) -> Void = { _ in }) {
        let measured = measured ?? table.measure(block, measurer)
        composer.ensureRoom(measured.height + (measured.height + keepWithNext <= composer.pageCapacity ? keepWithNext : 0))
        before(&composer)
        composer.place(table.draw(block, at: Point(x: composer.left, y: composer.y), rowHeights: measured.rows,
                                  height: measured.height, shaded: shaded),
                       height: measured.height)
    }

}

extension SheetPreset.Column.Field {
    var alignment: TextStyle.Alignment {
        switch self {
        case .basket, .signature: .center
        case .quantity, .unitPrice, .amount, .total: .right
        default: .left
        }
    }
}

/// A preset that cannot lay out this sheet: names the preset and says what would fit.
public struct LayoutError: Error, CustomStringConvertible, Sendable, Equatable {
    public var preset: String
    public var reason: String
    public init(preset: String, reason: String) { self.preset = preset; self.reason = reason }
    public var description: String { "layout \(preset): \(reason)." }
}

/// Fills `{group}`, `{date}`, `{place}`, `{contract}`, `{page}` and `{pages}` in preset texts.
struct TemplateFields {
    let sheet: SessionSheet
    /// One pass over the template: a value is never searched again, so a group named
    /// `{place} AMAP` prints as such.
    func fill(_ template: String, page: Int? = nil, pages: Int? = nil) -> String {
        let values: [String: String] = [
            "group": sheet.groupName, "date": sheet.date, "when": sheet.when, "place": sheet.place,
            "contract": sheet.contracts.joined(separator: ", "),
            "page": page.map(String.init) ?? "", "pages": pages.map(String.init) ?? "",
        ]
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }
}

import Foundation
