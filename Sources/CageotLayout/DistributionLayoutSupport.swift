import CageotCore

/// Which way a distribution sheet's pages are turned.
public enum DistributionPageOrientation: String, Sendable, Hashable, CaseIterable {
    case portrait, landscape
    /// Portrait when the columns fit, landscape otherwise.
    case automatic

    var pageSize: Size { self == .portrait ? .a4Portrait : .a4Landscape }
}

/// The pieces both distribution layouts share: a title block, table blocks kept together, and
/// paragraphs, all placed through a `PageComposer`.
enum DistributionLayoutKit {
    /// Places a block on this page, or on the next one when it does not fit; `shade` paints it light grey first.
    static func place(_ block: Table.Block, table: Table, into composer: inout PageComposer, measurer: some TextMeasurer,
                      shade: Bool = false) {
        let measured = table.measure(block, measurer)
        composer.ensureRoom(measured.height)
        let origin = Point(x: composer.left, y: composer.y)
        let fill: [PageItem] = shade ? [.fill(Rect(x: origin.x, y: origin.y, width: table.width, height: measured.height), gray: 0.94)] : []
        composer.place(fill + table.draw(block, at: origin, rowHeights: measured.rows, height: measured.height), height: measured.height)
    }

    /// A block as it is, or cut between rows into parts no taller than `capacity` when it is
    /// taller than a page; the later parts say `(suite)` in the `nameColumn` span.
    static func split(_ whole: Table.Block, table: Table, composer: inout PageComposer, nameColumn: Int,
                      measurer: some TextMeasurer) -> [Table.Block] {
        let capacity = composer.pageCapacity
        guard table.measure(whole, measurer).height > capacity else { return [whole] }
        // The first part fills what is left of this page; the others take a page each.
        let first = composer.roomForFirstPart()
        var parts: [Table.Block] = []
        var current: [Table.Row] = []
        for row in whole.rows {
            let candidate = Table.Block(spans: whole.spans, rows: current + [row], minHeight: whole.minHeight)
            if !current.isEmpty && table.measure(candidate, measurer).height > (parts.isEmpty ? first : capacity) {
                parts.append(Table.Block(spans: whole.spans, rows: current, minHeight: whole.minHeight))
                current = [row]
            } else {
                current.append(row)
            }
        }
        parts.append(Table.Block(spans: whole.spans, rows: current, minHeight: whole.minHeight))
        return parts.enumerated().map { index, part in
            var part = part
            if index > 0, let name = part.spans[nameColumn] { part.spans[nameColumn] = name + "\n(suite)" }
            return part
        }
    }

    /// A running title and the table's header, drawn at the top of each continuation page.
    static func continuationHeader(_ running: String, style: TextStyle, table: Table, width: Double,
                                   measurer: some TextMeasurer) -> (Point) -> (items: [PageItem], height: Double) {
        let runningHeight = measurer.measure(running, style: style, width: width).height + 4
        let headerHeight = table.headerHeight(measurer)
        return { origin in
            let title = PageItem.text(running, frame: Rect(x: origin.x, y: origin.y, width: width, height: runningHeight), style: style)
            return ([title] + table.header(at: Point(x: origin.x, y: origin.y + runningHeight), measurer), runningHeight + headerHeight)
        }
    }
}
