import CageotCore
import CageotDocuments

extension SessionSheetLayout {
    /// Shown in a slot nobody has taken yet, on a grey ground, with room to write a name.
    static let openSlot = "à pourvoir"

    /// The `planning` block, after the notes: a table of the next sessions (date, role, who),
    /// one block per session, kept on one page when it fits in one.
    func planningBlock(_ sheet: SessionSheet, body: TextStyle, running: RunningTitle<some TextMeasurer>,
                       into composer: inout PageComposer, measurer: some TextMeasurer) {
        let heading = "Planning des permanences — inscrivez-vous dans les cases «\u{00A0}\(Self.openSlot)\u{00A0}»"
        let headingStyle = body.with(bold: true, size: body.size + 1)
        let sessions = Array(sheet.planning.prefix(preset.planningSessions))
        composer.continuationHeader = running.header(with: nil)
        guard !sessions.isEmpty else {
            composer.paragraph(heading, style: headingStyle, measurer: measurer, gapAbove: 10)
            composer.paragraph("Aucune distribution prévue après celle-ci.", style: body, measurer: measurer, gapAbove: 2)
            return
        }
        let table = planningTable(sessions, body: body, width: composer.contentWidth, measurer: measurer)
        let blocks = sessions.map { session in
            Table.Block(spans: [0: session.date], rows: session.slots.isEmpty
                ? [Table.Row(["", "aucune permanence prévue", ""])]
                : session.slots.map { Table.Row(["", $0.role, $0.volunteer ?? Self.openSlot], bold: $0.volunteer == nil) })
        }
        let measured = blocks.map { table.measure($0, measurer) }
        let headingHeight = measurer.measure(heading, style: headingStyle, width: composer.contentWidth).height + 4
        // Kept together when it fits on a page: the heading, the column header and every session.
        let intro = headingHeight + table.headerHeight(measurer)
        let whole = intro + measured.map(\.height).reduce(0, +)
        composer.ensureRoom(10 + (whole <= composer.pageCapacity ? whole : intro + measured[0].height))
        composer.skip(composer.isAtTopOfPage ? 0 : 10)
        composer.place([.text(heading, frame: Rect(x: composer.left, y: composer.y, width: composer.contentWidth, height: headingHeight - 4),
                              style: headingStyle)], height: headingHeight)
        composer.place(table.header(at: Point(x: composer.left, y: composer.y), measurer), height: table.headerHeight(measurer))
        composer.continuationHeader = running.header(with: table)
        for (block, size) in zip(blocks, measured) {
            composer.ensureRoom(size.height)
            let origin = Point(x: composer.left, y: composer.y)
            let items = table.draw(block, at: origin, rowHeights: size.rows, height: size.height)
            composer.place(openSlotGrounds(block, table: table, at: origin, size: size) + items, height: size.height)
        }
    }

    /// Date as wide as the longest date, role a third of the rest, the volunteer the remainder;
    /// rows at least 6 mm tall so that a name can be written by hand.
    func planningTable(_ sessions: [SessionSheet.PlannedSession], body: TextStyle, width: Double, measurer: some TextMeasurer) -> Table {
        let padding = 2.0
        let bold = body.with(bold: true)
        let dates = sessions.map { measurer.measure($0.date, style: body, width: nil).width }.max() ?? 0
        let dateWidth = min(max(dates, measurer.measure("Date", style: bold, width: nil).width) + 2 * padding + 1, width * 0.25)
        let roleWidth = (width - dateWidth) / 3
        return Table(columns: [Table.Column("Date", width: dateWidth), Table.Column("Rôle", width: roleWidth),
                               Table.Column("Bénévole", width: width - dateWidth - roleWidth)],
                     style: body, padding: padding, minRowHeight: max(SheetPreset.points(6), SheetPreset.points(preset.rowHeightMM)))
    }

    /// Grey grounds behind the slots still to fill, where Table.draw puts their rows.
    func openSlotGrounds(_ block: Table.Block, table: Table, at origin: Point, size: (rows: [Double], height: Double)) -> [PageItem] {
        let stretch = block.rows.isEmpty ? 0 : (size.height - size.rows.reduce(0, +)) / Double(block.rows.count)
        var y = origin.y
        var grounds: [PageItem] = []
        let x = origin.x + table.columns[0].width + table.columns[1].width
        for (row, height) in zip(block.rows, size.rows) {
            if row.cells[2] == Self.openSlot {
                grounds.append(.fill(Rect(x: x, y: y, width: table.columns[2].width, height: height + stretch), gray: 0.9))
            }
            y += height + stretch
        }
        return grounds
    }
}
