/// A table whose header repeats on every page and whose blocks (a household, say) are kept
/// together: the building block of every sheet.
public struct Table: Sendable {
    public struct Column: Sendable, Hashable {
        public var title: String
        public var width: Double
        public var alignment: TextStyle.Alignment
        public init(_ title: String, width: Double, alignment: TextStyle.Alignment = .left) {
            self.title = title; self.width = width; self.alignment = alignment
        }
    }

    /// One row of cells, one per column (a cell under a spanning column is ignored).
    public struct Row: Sendable, Hashable {
        public var cells: [String]
        public var bold: Bool
        public init(_ cells: [String], bold: Bool = false) { self.cells = cells; self.bold = bold }
    }

    /// Rows kept together on one page, with cells that span all of them (basket number, name,
    /// signature box) and a minimum height (room to sign).
    public struct Block: Sendable, Hashable {
        public var spans: [Int: String]
        public var rows: [Row]
        public var minHeight: Double
        /// Spanning cells set in bold (a household total).
        public var boldSpans: Set<Int>
        public init(spans: [Int: String] = [:], rows: [Row], minHeight: Double = 0, boldSpans: Set<Int> = []) {
            self.spans = spans; self.rows = rows; self.minHeight = minHeight; self.boldSpans = boldSpans
        }
    }

    public var columns: [Column]
    public var style: TextStyle
    public var headerStyle: TextStyle
    public var padding: Double
    public var ruleWidth: Double
    /// The least height of a row.
    public var minRowHeight: Double
    /// Grey level of every other block's background (nil: no striping).
    public var zebra: Double?

    public init(columns: [Column], style: TextStyle = TextStyle(), headerStyle: TextStyle? = nil,
                padding: Double = 2.5, ruleWidth: Double = 0.5, minRowHeight: Double = 0, zebra: Double? = nil) {
        self.columns = columns
        self.style = style
        self.headerStyle = headerStyle ?? style.with(bold: true)
        self.padding = padding
        self.ruleWidth = ruleWidth
        self.minRowHeight = minRowHeight
        self.zebra = zebra
    }

    public var width: Double { columns.reduce(0) { $0 + $1.width } }

    func x(ofColumn index: Int) -> Double { columns[..<index].reduce(0) { $0 + $1.width } }

    func cellStyle(_ column: Int, bold: Bool) -> TextStyle {
        style.with(bold: bold, alignment: columns[column].alignment)
    }

    func textWidth(_ column: Int) -> Double { max(1, columns[column].width - 2 * padding) }

    /// The height of the repeated column header.
    public func headerHeight(_ measurer: some TextMeasurer) -> Double {
        columns.indices.map { measurer.measure(columns[$0].title, style: headerStyle, width: textWidth($0)).height }
            .max().map { $0 + 2 * padding } ?? 0
    }

    /// Row heights of a block, then its total height.
    public typealias Measure = (rows: [Double], height: Double)

    /// Row heights of a block, then its total height (at least the spans' and `minHeight`).
    public func measure(_ block: Block, _ measurer: some TextMeasurer) -> Measure {
        // Plain loops: this runs for every row of every block, twice when a block is split.
        let rows = block.rows.map { row in
            var tallest: Double?
            for i in columns.indices where i < row.cells.count && !row.cells[i].isEmpty && block.spans[i] == nil {
                let height = measurer.measure(row.cells[i], style: cellStyle(i, bold: row.bold), width: textWidth(i)).height
                tallest = max(tallest ?? height, height)
            }
            return tallest.map { max($0 + 2 * padding, minRowHeight) }
                ?? max(measurer.measure(" ", style: style, width: nil).height + 2 * padding, minRowHeight)
        }
        let spans = block.spans.map {
            measurer.measure($0.value, style: cellStyle($0.key, bold: block.boldSpans.contains($0.key)), width: textWidth($0.key)).height + 2 * padding
        }
        return (rows, max(rows.reduce(0, +), spans.max() ?? 0, block.minHeight))
    }

    /// Items drawing the column header with its top-left corner at `origin`.
    public func header(at origin: Point, _ measurer: some TextMeasurer) -> [PageItem] {
        let height = headerHeight(measurer)
        var items: [PageItem] = [.fill(Rect(x: origin.x, y: origin.y, width: width, height: height), gray: 0.88)]
        for (i, column) in columns.enumerated() {
            let frame = Rect(x: origin.x + x(ofColumn: i) + padding, y: origin.y + padding,
                             width: textWidth(i), height: height - 2 * padding)
            items.append(.text(column.title, frame: frame, style: headerStyle.with(alignment: column.alignment)))
        }
        items.append(.box(Rect(x: origin.x, y: origin.y, width: width, height: height), width: ruleWidth, gray: 0))
        return items
    }

    /// Items drawing `block` with its top-left corner at `origin`, given its measured heights.
    public func draw(_ block: Block, at origin: Point, rowHeights: [Double], height: Double, shaded: Bool = false) -> [PageItem] {
        var items: [PageItem] = []
        if shaded, let zebra {
            items.append(.fill(Rect(x: origin.x, y: origin.y, width: width, height: height), gray: zebra))
        }
        var y = origin.y
        let rowsHeight = rowHeights.reduce(0, +)
        // Rows stretch evenly when the block is taller than its rows (spans or room to sign).
        let stretch = block.rows.isEmpty ? 0 : (height - rowsHeight) / Double(block.rows.count)
        for (row, rowHeight) in zip(block.rows, rowHeights) {
            let h = rowHeight + stretch
            for i in columns.indices where block.spans[i] == nil && i < row.cells.count && !row.cells[i].isEmpty {
                let frame = Rect(x: origin.x + x(ofColumn: i) + padding, y: y + padding, width: textWidth(i), height: h - 2 * padding)
                items.append(.text(row.cells[i], frame: frame, style: cellStyle(i, bold: row.bold)))
            }
            y += h
            if y < origin.y + height - 0.01 {
                // A light rule between the rows of a block, not across the spanning columns: one
                // line per run of adjacent columns (it draws the same as one per column, with a
                // fraction of the PDF operators).
                var runStart: Int?
                for i in columns.indices.map({ $0 }) + [columns.count] {
                    if i < columns.count && block.spans[i] == nil {
                        if runStart == nil { runStart = i }
                    } else if let start = runStart {
                        let from = Point(x: origin.x + x(ofColumn: start), y: y), to = Point(x: origin.x + x(ofColumn: i), y: y)
                        items.append(.line(from: from, to: to, width: ruleWidth / 2, gray: 0.6))
                        runStart = nil
                    }
                }
            }
        }
        for (i, text) in block.spans.sorted(by: { $0.key < $1.key }) {
            let frame = Rect(x: origin.x + x(ofColumn: i) + padding, y: origin.y + padding, width: textWidth(i), height: height - 2 * padding)
            items.append(.text(text, frame: frame, style: cellStyle(i, bold: block.boldSpans.contains(i))))
        }
        for i in 1..<columns.count {
            let x0 = origin.x + x(ofColumn: i)
            items.append(.line(from: Point(x: x0, y: origin.y), to: Point(x: x0, y: origin.y + height), width: ruleWidth / 2, gray: 0.4))
        }
        items.append(.box(Rect(x: origin.x, y: origin.y, width: width, height: height), width: ruleWidth, gray: 0))
        return items
    }
}
