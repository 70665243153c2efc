import CageotCore
import CageotDocuments

/// Lays out a classic contract's sign-in grid: a title block, then one block per subscription
/// (the holder's line, the alternation partner's line below it, the basket, a cell per date), the
/// column header repeated on every page, a legend at the end and `page n / N` at the foot.
///
/// When the dates do not all fit across the page, they are split into bands of columns (each band
/// on its own pages, the name, contact and basket columns repeated) rather than shrinking the type:
/// a cell must stay wide enough to sign in, whatever the number of distributions. The fixed
/// columns only give way (their text wraps) when fewer than `minimumDatesPerPage` dates would fit.
public struct ContractGridLayout: Sendable {
    public var options: ContractGridOptions
    public var margins = PageComposer.Margins()
    public var padding = 2.5
    public var ruleWidth = 0.5
    /// Room to sign: the least height of each person's line.
    public var signatureHeight = 26.0
    /// The narrowest date column (room for a signature); wider when a header word needs it.
    public var minimumDateWidth = 40.0
    /// The widest date column, when few dates leave room to spare.
    public var maximumDateWidth = 90.0
    /// The fixed columns shrink rather than leave fewer date columns than this on a page.
    public var minimumDatesPerPage = 4

    /// Written in the cell of whoever collects an alternated basket at that distribution.
    public static let turnMark = "son tour"
    public static let absentMark = "absent"
    public static let noOrderMark = "pas de commande"
    public static let notSubscribedMark = "—"
    public static let legend = "À signer : case blanche. « absent » : absence déclarée. « pas de commande » : aucune commande "
        + "à cette date. « — » : hors de la période d'abonnement. ×2 sous une date : livraison double. ↔ : panier alterné "
        + "avec un autre compte ; « son tour » désigne qui retire le panier, la case grisée ne se signe pas."

    public init(_ options: ContractGridOptions = ContractGridOptions()) { self.options = options }

    public var pageSize: Size { options.orientation == .landscape ? .a4Landscape : .a4Portrait }
    public var body: TextStyle {
        let sizes = ContractGridOptions.fontSizes
        return TextStyle(family: .condensed, size: min(max(options.fontSize, sizes.lowerBound), sizes.upperBound))
    }
    var headerStyle: TextStyle { body.with(bold: true) }
    var markStyle: TextStyle { body.with(size: max(ContractGridOptions.fontSizes.lowerBound, body.size - 1), alignment: .center) }
    var smallStyle: TextStyle { body.with(size: max(ContractGridOptions.fontSizes.lowerBound, body.size - 1)) }

    public func layout(_ sheet: ContractGridSheet, measurer: some TextMeasurer) -> [Page] {
        var composer = PageComposer(size: pageSize, margins: margins)
        let columns = self.columns(for: sheet, width: composer.contentWidth, measurer: measurer)
        titleBlock(sheet, into: &composer, measurer: measurer)

        for (number, band) in columns.bands.enumerated() {
            let grid = Grid(sheet: sheet, columns: columns, band: band)
            let label = bandLabel(sheet, band: band, bands: columns.bands.count)
            let running = "\(sheet.groupName) — \(sheet.contractName) — \(sheet.vendorName) — \(sheet.period)"
                + (label.map { " — \($0)" } ?? " (suite)")
            let runningHeight = measurer.measure(running, style: smallStyle, width: composer.contentWidth).height + 4
            let headerHeight = self.headerHeight(grid, measurer)
            let contentWidth = composer.contentWidth
            composer.continuationHeader = { origin in
                let title = PageItem.text(running, frame: Rect(x: origin.x, y: origin.y, width: contentWidth, height: runningHeight - 4),
                                          style: smallStyle)
                return ([title] + header(grid, at: Point(x: origin.x, y: origin.y + runningHeight), measurer),
                        runningHeight + headerHeight)
            }
            if number > 0 {
                composer.startPage(withHeader: true)
            } else {
                if let label { composer.paragraph(label, style: smallStyle.with(bold: true), measurer: measurer, gapAbove: 0) }
                let first = sheet.rows.first.map { measure($0, grid: grid, measurer).height } ?? signatureHeight
                if !composer.ensureRoom(headerHeight + min(first, composer.pageCapacity - headerHeight)) {
                    composer.place(header(grid, at: Point(x: composer.left, y: composer.y), measurer), height: headerHeight)
                }
            }
            if sheet.rows.isEmpty {
                let frame = Rect(x: composer.left, y: composer.y, width: grid.width, height: signatureHeight)
                composer.ensureRoom(frame.height)
                composer.place([.text("Aucun abonnement à ce contrat sur cette période.",
                                      frame: Rect(x: frame.x + padding, y: composer.y + padding, width: frame.width - 2 * padding,
                                                  height: frame.height - 2 * padding), style: body),
                                .box(Rect(x: frame.x, y: composer.y, width: frame.width, height: frame.height), width: ruleWidth, gray: 0)],
                               height: frame.height)
            }
            for row in sheet.rows {
                var measured = measure(row, grid: grid, measurer)
                // A block never outgrows a page (its text is cut at the frame instead).
                let capacity = composer.pageCapacity
                if measured.height > capacity {
                    measured.people = measured.people.map { $0 * capacity / measured.height }
                    measured.height = capacity
                }
                composer.ensureRoom(measured.height)
                composer.place(draw(row, grid: grid, at: Point(x: composer.left, y: composer.y), measured: measured, measurer),
                               height: measured.height)
            }
        }
        composer.paragraph(Self.legend, style: smallStyle, measurer: measurer, gapAbove: 6)
        return composer.finish(footer: { n, total in "\(sheet.groupName) — \(sheet.contractName) — émargement — page \(n) / \(total)" },
                               style: smallStyle)
    }

    /// `Distributions 1 à 9 sur 26 (03/12 – 28/01)` when the dates are split, else nil.
    func bandLabel(_ sheet: ContractGridSheet, band: Range<Int>, bands: Int) -> String? {
        guard bands > 1, let first = band.first, let last = band.last else { return nil }
        let short = { (i: Int) in ContractGridSheet.dateTitle(sheet.dates[i].date, format: .short) }
        return "Distributions \(first + 1) à \(last + 1) sur \(sheet.dates.count) (\(short(first)) – \(short(last)))"
    }

    /// Group, contract and farm, the range, the counts.
    func titleBlock(_ sheet: ContractGridSheet, into composer: inout PageComposer, measurer: some TextMeasurer) {
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n > 1 ? "s" : "")" }
        var facts = [sheet.period.prefix(1).uppercased() + sheet.period.dropFirst(),
                     plural(sheet.dates.count, "distribution"), plural(sheet.rows.count, "abonnement")]
        if sheet.dates.isEmpty { facts.append("aucune distribution de ce contrat sur cette période") }
        if sheet.phonesHidden { facts.append("téléphones masqués (choix du groupe)") }
        let lines: [(String, TextStyle)] = [
            (sheet.groupName, TextStyle(family: .sans, size: 14, bold: true)),
            ("Feuille d'émargement — \(sheet.contractName)" + (sheet.vendorName.isEmpty ? "" : " — \(sheet.vendorName)"),
             TextStyle(family: .sans, size: 11)),
            (facts.joined(separator: " · "), body.with(size: body.size + 1)),
        ]
        composer.stack(lines, measurer: measurer)
    }

}
