import CXLSXWriter

extension Worksheet {
    /// Sets the width of columns, in characters of the default font (Excel's unit).
    public func setColumnWidth(_ columns: ClosedRange<Int>, _ width: Double, format: Format? = nil) throws(XLSXError) {
        let range = CellRange(rows: 0...0, columns: columns)
        let location = CellReference.range(sheet: name, range)
        let (_, c1, _, c2) = try indices(range)
        let lxwFormat = try workbook.lxwFormat(format, location: location)
        try check(worksheet_set_column(handle, c1, c2, width, lxwFormat), location)
    }

    public func setColumnWidth(_ column: Int, _ width: Double, format: Format? = nil) throws(XLSXError) {
        try setColumnWidth(column...column, width, format: format)
    }

    /// Sets the height of a row in points. With constant memory on, call it before writing the row.
    public func setRowHeight(_ row: Int, _ height: Double, format: Format? = nil) throws(XLSXError) {
        let (r, _) = try index(row: row, col: 0)
        let location = CellReference.cell(sheet: name, row: row, col: 0)
        let lxwFormat = try workbook.lxwFormat(format, location: location)
        try check(worksheet_set_row(handle, r, height, lxwFormat), location)
    }

    /// Keeps the top `rows` rows and the left `columns` columns in view while scrolling.
    public func freezePanes(rows: Int, columns: Int = 0) throws(XLSXError) {
        let (r, c) = try index(row: rows, col: columns)
        worksheet_freeze_panes(handle, r, c)
    }

    /// Adds filter buttons to the first row of `range` (the column titles).
    public func autofilter(_ range: CellRange) throws(XLSXError) {
        let (r1, c1, r2, c2) = try indices(range)
        try check(worksheet_autofilter(handle, r1, c1, r2, c2), CellReference.range(sheet: name, range))
    }

    /// Merges `range` into one cell showing `value`. With constant memory on, a merge that spans
    /// several rows can only hold text (other values are written into its first cell afterwards).
    public func merge(_ range: CellRange, _ value: Cell, format: Format? = nil) throws(XLSXError) {
        let (r1, c1, r2, c2) = try indices(range)
        let location = CellReference.range(sheet: name, range)
        let lxwFormat = try workbook.lxwFormat(Self.effectiveFormat(for: value, format), location: location)
        let text: String
        if case .text(let string) = value { text = string } else { text = "" }
        try check(XMLText.cell(text).withCString { worksheet_merge_range(handle, r1, c1, r2, c2, $0, lxwFormat) }, location)
        if case .text = value { return }
        try write(row: range.rows.lowerBound, col: range.columns.lowerBound, value, format: format)
    }

    func check(_ status: lxw_error, _ location: String) throws(XLSXError) {
        if status != LXW_NO_ERROR { throw workbook.error(status, location: location) }
    }
}
