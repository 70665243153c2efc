import CageotCore
import CageotDocuments

/// Lays out the check deposit slip (*bordereau de remise de chèques*) to hand to the bank with the
/// checks: the payee, the contract and range, one row per check (number, drawer, date, amount),
/// the count and the total, and room for the date and signature. A4 portrait; a typical deposit
/// (up to about forty checks) fits one page, a longer one continues with the header repeated.
public struct CheckDepositLayout: Sendable {
    public var baseFontSize: Double
    public var margins: PageComposer.Margins

    public init(baseFontSize: Double = 9, margins: PageComposer.Margins = PageComposer.Margins(top: 36, left: 40, bottom: 28, right: 40)) {
        self.baseFontSize = baseFontSize; self.margins = margins
    }

    var body: TextStyle { TextStyle(family: .condensed, size: baseFontSize) }

    /// N°, check number, drawer (takes what is left), date, amount.
    public func table(width: Double) -> Table {
        let s = baseFontSize / 9
        var columns: [Table.Column] = [
            .init("N°", width: 26 * s, alignment: .center), .init("N° de chèque", width: 90 * s),
            .init("Tireur", width: 0), .init("Date", width: 62 * s, alignment: .center),
            .init("Montant", width: 72 * s, alignment: .right),
        ]
        columns[2].width = max(60, width - columns.reduce(0) { $0 + $1.width })
        return Table(columns: columns, style: body, padding: 2)
    }

    public func layout(_ payments: Payments, measurer: some TextMeasurer) -> [Page] {
        var composer = PageComposer(size: .a4Portrait, margins: margins)
        let table = table(width: composer.contentWidth)
        let size = baseFontSize
        let range = "du \(FrenchFormat.shortDate(payments.from)) au \(FrenchFormat.shortDate(payments.to))"
        composer.stack([
            ("Bordereau de remise de chèques", TextStyle(family: .sans, size: size * 1.7, bold: true)),
            ("À l'ordre de : \(payments.payee ?? "(non renseigné)")", TextStyle(family: .sans, size: size * 1.25, bold: true)),
            ("\(payments.groupName) — contrat « \(payments.contractName) »", body.with(size: size * 1.1)),
            ("Chèques reçus \(range)", body.with(size: size * 1.1)),
        ], measurer: measurer)
        let small = body.with(size: size * 0.88)
        composer.continuationHeader = DistributionLayoutKit.continuationHeader(
            "Remise de chèques — \(payments.contractName) — \(range) (suite)", style: small, table: table,
            width: table.width, measurer: measurer)
        let headerHeight = table.headerHeight(measurer)
        composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: headerHeight)
        if payments.checks.isEmpty {
            let block = Table.Block(spans: [2: "Aucun chèque reçu sur la période."], rows: [Table.Row(["", "", "", "", ""])])
            DistributionLayoutKit.place(block, table: table, into: &composer, measurer: measurer)
        }
        for (index, check) in payments.checks.enumerated() {
            let row = Table.Row([String(index + 1), check.label, check.household, FrenchFormat.shortDate(check.date),
                                 FrenchFormat.money(check.amount)])
            DistributionLayoutKit.place(Table.Block(rows: [row]), table: table, into: &composer, measurer: measurer)
        }
        let count = payments.checks.count
        let total = Table.Row(["", "", "Total : \(count) chèque\(count > 1 ? "s" : "")", "", FrenchFormat.money(payments.checksTotal)],
                              bold: true)
        DistributionLayoutKit.place(Table.Block(rows: [total]), table: table, into: &composer, measurer: measurer, shade: true)
        composer.paragraph("Date de remise : ……………………        Signature :", style: body.with(size: size * 1.1),
                                        measurer: measurer, gapAbove: 18)
        return composer.finish(footer: { n, all in "\(payments.groupName) — remise de chèques — page \(n) / \(all)" }, style: small)
    }
}
