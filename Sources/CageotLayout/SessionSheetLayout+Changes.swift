import CageotCore
import CageotDocuments

extension SessionSheetLayout {
    /// The `changes` block: a page of its own at the end, one table per kind of change
    /// (household, contract, what changed), or one line when there is nothing to compare with.
    func changesPage(_ changes: SessionSheet.Changes, body: TextStyle, running: RunningTitle<some TextMeasurer>,
                     into composer: inout PageComposer, measurer: some TextMeasurer) {
        composer.continuationHeader = running.header(with: nil)
        if !composer.isAtTopOfPage { composer.startPage(withHeader: true) }
        composer.paragraph("Changements depuis la distribution précédente", style: body.with(bold: true, size: body.size + 3), measurer: measurer, gapAbove: 0)
        guard let previous = changes.previous else {
            composer.paragraph("Pas de distribution précédente pour ce groupe : rien à comparer.", style: body, measurer: measurer, gapAbove: 4)
            return
        }
        composer.paragraph("Par rapport à la distribution du \(previous), pour les contrats de celle-ci.", style: body, measurer: measurer, gapAbove: 2)
        if changes.groups.isEmpty {
            composer.paragraph("Aucun changement.", style: body, measurer: measurer, gapAbove: 6)
        }
        let table = changesTable(body: body, width: composer.contentWidth)
        let titleStyle = body.with(bold: true, size: body.size + 1)
        for group in changes.groups {
            let blocks = group.rows.map { row in
                Table.Block(rows: [Table.Row([preset.names == .abbreviated ? row.abbreviatedHousehold : row.household, row.contract, row.detail])])
            }
            let measured = blocks.map { table.measure($0, measurer) }
            // The kind's title stays with its column header and first row.
            composer.continuationHeader = running.header(with: nil)
            let titleHeight = measurer.measure(group.title, style: titleStyle, width: composer.contentWidth).height
            composer.ensureRoom(8 + titleHeight + 2 + table.headerHeight(measurer) + measured[0].height)
            composer.paragraph(group.title, style: titleStyle, measurer: measurer, gapAbove: 8)
            composer.skip(2)
            composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: table.headerHeight(measurer))
            composer.continuationHeader = running.header(with: table)
            for (block, size) in zip(blocks, measured) {
                composer.ensureRoom(size.height)
                composer.place(table.draw(block, at: Point(x: composer.left, y: composer.y), rowHeights: size.rows, height: size.height),
                               height: size.height)
            }
        }
    }

    /// Household a third of the width, contract a fifth, what changed the rest.
    func changesTable(body: TextStyle, width: Double) -> Table {
        let household = width / 3, contract = width / 5
        return Table(columns: [Table.Column("Foyer", width: household), Table.Column("Contrat", width: contract),
                               Table.Column("Changement", width: width - household - contract)],
                     style: body, padding: 2, minRowHeight: SheetPreset.points(preset.rowHeightMM))
    }
}
