/// A rectangle of cells, 0-based and inclusive, as libxlsxwriter counts them.
public struct CellRange: Sendable, Hashable {
    public var rows: ClosedRange<Int>
    public var columns: ClosedRange<Int>

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows; self.columns = columns
    }

    public init(row: Int, columns: ClosedRange<Int>) {
        self.init(rows: row...row, columns: columns)
    }
}
