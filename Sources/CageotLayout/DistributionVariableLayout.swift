import CageotCore
import CageotDocuments

/// Lays out a variable-contract distribution sheet: title block, then one table block per
/// household (basket number, name and phones, contract balance, today's lines with a blank cell
/// for the weight or quantity delivered, the day's total, blank cells for a new provision and a
/// signature), kept on one page unless taller than a page; the column header repeats on every
/// page; `page n / N` at the foot. A4 landscape by default: ten columns do not fit a portrait page
/// at a readable size (portrait is available, the fixed columns then shrink).
public struct DistributionVariableLayout: Sendable {
    public struct Options: Sendable, Hashable {
        /// The size of the table's text; titles scale from it.
        public var baseFontSize: Double
        /// `.automatic` means landscape here.
        public var orientation: DistributionPageOrientation
        /// Room to sign: the least height of a household block.
        public var signatureHeight: Double
        public var margins: PageComposer.Margins

        public init(baseFontSize: Double = 8.5, orientation: DistributionPageOrientation = .landscape,
                    signatureHeight: Double = 30, margins: PageComposer.Margins = PageComposer.Margins()) {
            self.baseFontSize = baseFontSize; self.orientation = orientation
            self.signatureHeight = signatureHeight; self.margins = margins
        }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    public var pageSize: Size { options.orientation == .portrait ? .a4Portrait : .a4Landscape }
    var body: TextStyle { TextStyle(family: .condensed, size: options.baseFontSize) }

    /// Column indexes, for the cells of a row.
    enum Column: Int { case number, household, balance, quantity, product, unitPrice, amount, delivered, provision, signature }

    /// Ten columns; the product column takes what is left, and the others shrink together when
    /// fewer than 120 points would be left for it.
    public func table(width: Double) -> Table {
        let scale = options.baseFontSize / 8.5
        var columns: [Table.Column] = [
            .init("N°", width: 22 * scale, alignment: .center),
            .init("Foyer", width: 118 * scale),
            .init("Solde contrat", width: 54 * scale, alignment: .right),
            .init("Qté", width: 46 * scale, alignment: .right),
            .init("Produit", width: 0),
            .init("Prix u.", width: 46 * scale, alignment: .right),
            .init("Montant", width: 50 * scale, alignment: .right),
            .init("Poids / qté livré(e)", width: 62 * scale, alignment: .right),
            .init("Nouvelle provision reçue", width: 62 * scale, alignment: .center),
            .init("Signature", width: 84 * scale, alignment: .center),
        ]
        let fixed = columns.reduce(0) { $0 + $1.width }
        let minProduct = 120 * scale
        if width - fixed < minProduct {
            let shrink = max(0.1, (width - minProduct) / fixed)
            for i in columns.indices { columns[i].width *= shrink }
        }
        columns[Column.product.rawValue].width = width - columns.reduce(0) { $0 + $1.width }
        return Table(columns: columns, style: body)
    }

    public func layout(_ sheet: DistributionVariableSheet, measurer: some TextMeasurer) -> [Page] {
        var composer = PageComposer(size: pageSize, margins: options.margins)
        let table = table(width: composer.contentWidth)
        let size = options.baseFontSize
        let small = body.with(size: size * 0.88)

        composer.stack([
            (sheet.groupName, TextStyle(family: .sans, size: size * 1.65, bold: true)),
            ("Contrat variable « \(sheet.contractName) » — \(sheet.farmName)", TextStyle(family: .sans, size: size * 1.3)),
            ("Feuille d'émargement — \(sheet.when)", body.with(size: size * 1.06)),
            (sheet.place, body.with(size: size * 1.06)),
        ], measurer: measurer)

        composer.continuationHeader = DistributionLayoutKit.continuationHeader(
            "\(sheet.groupName) — \(sheet.contractName) — \(sheet.date) (suite)", style: small, table: table,
            width: table.width, measurer: measurer)
        let headerHeight = table.headerHeight(measurer)
        composer.ensureRoom(headerHeight + options.signatureHeight)
        composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: headerHeight)

        if sheet.households.isEmpty {
            let block = Table.Block(spans: [Column.product.rawValue: "Aucune commande confirmée pour cette distribution."],
                                    rows: [], minHeight: options.signatureHeight)
            DistributionLayoutKit.place(block, table: table, into: &composer, measurer: measurer)
        }
        for household in sheet.households {
            let whole = block(for: household, currency: sheet.currency)
            for part in DistributionLayoutKit.split(whole, table: table, composer: &composer,
                                                    nameColumn: Column.household.rawValue, measurer: measurer) {
                DistributionLayoutKit.place(part, table: table, into: &composer, measurer: measurer)
            }
        }

        let count = sheet.households.count
        let summary = "\(count) foyer\(count > 1 ? "s" : "") — total livré ce jour : \(FrenchFormat.money(sheet.total, currency: sheet.currency))"
        composer.paragraph(summary, style: body.with(bold: true, alignment: .right), measurer: measurer, gapAbove: 4)
        let legend = "Solde contrat : paiements reçus moins commandes de toutes les distributions (négatif : reste à régler)."
            + (sheet.phonesHidden ? " Téléphones masqués à la demande du groupe." : "")
        composer.paragraph(legend, style: small, measurer: measurer, gapAbove: 2)

        return composer.finish(footer: { n, total in "\(sheet.groupName) — \(sheet.contractName) — \(sheet.date) — page \(n) / \(total)" },
                               style: small)
    }

    /// One household: spans for the number, name and phones, balance, provision and signature;
    /// one row per line, then the day's total in bold.
    func block(for household: DistributionVariableSheet.Household, currency: String) -> Table.Block {
        let money = { (m: Money) in FrenchFormat.money(m, currency: currency) }
        func row(_ cells: [Column: String], bold: Bool = false) -> Table.Row {
            var out = Array(repeating: "", count: 10)
            for (column, text) in cells { out[column.rawValue] = text }
            return Table.Row(out, bold: bold)
        }
        let rows = household.lines.map { line in
            row([.quantity: line.quantity, .product: line.product, .unitPrice: money(line.unitPrice), .amount: money(line.amount),
                 .delivered: line.weighed ? (line.unit.isEmpty ? "pièce(s)" : line.unit) : ""])
        } + [row([.product: "Total du jour", .amount: money(household.delivered)], bold: true)]
        let name = ([household.name] + household.phones).joined(separator: "\n")
        return Table.Block(spans: [Column.number.rawValue: String(household.basketNumber), Column.household.rawValue: name,
                                   Column.balance.rawValue: household.balance.map(money) ?? "—",
                                   Column.provision.rawValue: "", Column.signature.rawValue: ""],
                           rows: rows, minHeight: options.signatureHeight)
    }
}
