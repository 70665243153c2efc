import CageotCore
import CageotDocuments

/// Lays out a product × household matrix: households down (basket number and name), one column
/// per product, the household's amount at the right, the totals to bring at the foot.
///
/// Columns: portrait when every product column gets at least `minColumnWidth`, else landscape;
/// when even landscape is too narrow, the products are split into runs of columns, each run
/// printed on its own pages with the N°, household and amount columns repeated (text is never
/// shrunk below `baseFontSize`, nor turned). Each run ends with its own totals rows.
public struct DistributionMatrixLayout: Sendable {
    public struct Options: Sendable, Hashable {
        /// The size of the table's text; titles and fixed columns scale from it.
        public var baseFontSize: Double
        public var orientation: DistributionPageOrientation
        /// A product column is never narrower: below it, the products are split over several pages.
        public var minColumnWidth: Double
        /// Nor wider: the household column takes what is left.
        public var maxColumnWidth: Double
        public var margins: PageComposer.Margins

        public init(baseFontSize: Double = 8, orientation: DistributionPageOrientation = .automatic,
                    minColumnWidth: Double = 42, maxColumnWidth: Double = 70,
                    margins: PageComposer.Margins = PageComposer.Margins()) {
            self.baseFontSize = baseFontSize; self.orientation = orientation
            self.minColumnWidth = minColumnWidth; self.maxColumnWidth = maxColumnWidth; self.margins = margins
        }
    }

    /// Where the product columns go: the page's orientation, the runs of columns, their width.
    public struct ColumnPlan: Sendable, Hashable {
        public var orientation: DistributionPageOrientation
        /// Product indexes printed together, in order; one run when they all fit.
        public var runs: [Range<Int>]
        public var productWidth: Double
        public var pageSize: Size { orientation.pageSize }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    var scale: Double { options.baseFontSize / 8 }
    var body: TextStyle { TextStyle(family: .condensed, size: options.baseFontSize) }
    var numberWidth: Double { 22 * scale }
    var householdWidth: Double { 120 * scale }
    var amountWidth: Double { 56 * scale }

    func contentWidth(_ orientation: DistributionPageOrientation) -> Double {
        orientation.pageSize.width - options.margins.left - options.margins.right
    }

    /// The orientation and runs of columns for `productCount` products.
    public func plan(productCount n: Int) -> ColumnPlan {
        let candidates: [DistributionPageOrientation] = options.orientation == .automatic ? [.portrait, .landscape] : [options.orientation]
        let fixed = numberWidth + householdWidth + amountWidth
        for orientation in candidates {
            let available = contentWidth(orientation) - fixed
            if n == 0 || available / Double(n) >= options.minColumnWidth {
                return ColumnPlan(orientation: orientation, runs: [0..<n],
                                  productWidth: n == 0 ? options.maxColumnWidth : min(options.maxColumnWidth, available / Double(n)))
            }
        }
        let orientation = candidates.last!
        let available = contentWidth(orientation) - fixed
        let perPage = max(1, Int(available / options.minColumnWidth))
        let runCount = (n + perPage - 1) / perPage
        let runSize = (n + runCount - 1) / runCount // balanced: 20 over 14 a page gives 10 + 10, not 14 + 6
        let runs = stride(from: 0, to: n, by: runSize).map { $0..<min(n, $0 + runSize) }
        return ColumnPlan(orientation: orientation, runs: runs, productWidth: min(options.maxColumnWidth, available / Double(runSize)))
    }

    /// The table of one run of product columns, as wide as the page.
    public func table(_ matrix: DistributionMatrix, run: Range<Int>, plan: ColumnPlan) -> Table {
        let width = contentWidth(plan.orientation)
        var columns: [Table.Column] = [.init("N°", width: numberWidth, alignment: .center), .init("Foyer", width: 0)]
        for product in matrix.products[run] {
            columns.append(.init(product.name + DistributionMatrixLayout.unitHint(product.tally), width: plan.productWidth,
                                 alignment: .center))
        }
        columns.append(.init("Montant", width: amountWidth, alignment: .right))
        columns[1].width = width - columns.reduce(0) { $0 + $1.width }
        return Table(columns: columns, style: body, padding: 2)
    }

    static func unitHint(_ tally: DistributionMatrix.Tally) -> String {
        switch tally {
        case .pieces: "\n(pièces)"
        case let .measure(unit): unit.isEmpty ? "" : "\n(\(unit))"
        case .count: ""
        }
    }

    public func layout(_ matrix: DistributionMatrix, measurer: some TextMeasurer) -> [Page] {
        let plan = plan(productCount: matrix.products.count)
        var composer = PageComposer(size: plan.pageSize, margins: options.margins)
        let size = options.baseFontSize
        let small = body.with(size: size * 0.9)
        let money = { (m: Money) in FrenchFormat.money(m, currency: matrix.currency) }
        let count = matrix.products.count

        var title: [(String, TextStyle)] = [
            (matrix.groupName, TextStyle(family: .sans, size: size * 1.75, bold: true)),
            ("À livrer — « \(matrix.contractName) » — \(matrix.farmName)", TextStyle(family: .sans, size: size * 1.4)),
            (matrix.when, body.with(size: size * 1.1)),
            (matrix.place, body.with(size: size * 1.1)),
        ]
        if plan.runs.count > 1 {
            title.append(("\(count) produits répartis en \(plan.runs.count) séries de colonnes, chacune sur ses pages (N°, foyer et montant répétés).",
                          small))
        }
        composer.stack(title, measurer: measurer)

        for (index, run) in plan.runs.enumerated() {
            let table = table(matrix, run: run, plan: plan)
            let runLabel = plan.runs.count > 1 ? " — produits \(run.lowerBound + 1) à \(run.upperBound) sur \(count)" : ""
            composer.continuationHeader = DistributionLayoutKit.continuationHeader(
                "\(matrix.groupName) — \(matrix.contractName) — \(matrix.date)\(runLabel)", style: small, table: table,
                width: table.width, measurer: measurer)
            if index > 0 {
                composer.startPage(withHeader: true)
            } else {
                let headerHeight = table.headerHeight(measurer)
                composer.ensureRoom(headerHeight * 2)
                composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: headerHeight)
            }
            if matrix.households.isEmpty {
                let block = Table.Block(spans: [1: "Aucune commande confirmée pour cette distribution."], rows: [], minHeight: 20)
                DistributionLayoutKit.place(block, table: table, into: &composer, measurer: measurer)
            }
            for (row, household) in matrix.households.enumerated() {
                let cells = [String(household.basketNumber), household.name] + Array(household.cells[run]) + [money(household.total)]
                DistributionLayoutKit.place(Table.Block(rows: [Table.Row(cells)]), table: table, into: &composer,
                                            measurer: measurer, shade: row % 2 == 1)
            }
            let totals = Table.Block(rows: [
                Table.Row(["", "Total à livrer"] + matrix.products[run].map(\.total) + [""], bold: true),
                Table.Row(["", "Montant"] + matrix.products[run].map { money($0.amount) } + [money(matrix.total)], bold: true),
            ])
            DistributionLayoutKit.place(totals, table: table, into: &composer, measurer: measurer, shade: true)
        }

        let households = matrix.households.count
        composer.paragraph(
            "\(households) foyer\(households > 1 ? "s" : "") — total de la distribution : \(money(matrix.total))",
            style: body.with(bold: true, alignment: .right), measurer: measurer, gapAbove: 4)

        return composer.finish(footer: { n, total in "\(matrix.groupName) — \(matrix.contractName) — \(matrix.date) — page \(n) / \(total)" },
                               style: small)
    }
}
