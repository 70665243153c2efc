import CXLSXWriter
import Foundation

/// A native spreadsheet chart (Excel and LibreOffice draw it from the cells, so it follows any
/// change a treasurer makes): columns or horizontal bars, one or more series read from ranges.
public struct ChartSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case column, bar }

    /// A series: its name, and its categories and values as ranges of one sheet.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var sheet: String
        public var categories: CellRange
        public var values: CellRange
        public init(name: String, sheet: String, categories: CellRange, values: CellRange) {
            self.name = name; self.sheet = sheet; self.categories = categories; self.values = values
        }
    }

    public var kind: Kind
    public var title: String
    public var series: [Series]
    /// The value axis's number format (`#,##0 "€"`), nil for the default.
    public var valueFormat: String?
    /// The chart's size relative to Excel's default 480 × 288 pixels.
    public var xScale: Double
    public var yScale: Double

    public init(kind: Kind, title: String, series: [Series], valueFormat: String? = nil, xScale: Double = 1, yScale: Double = 1) {
        self.kind = kind; self.title = title; self.series = series; self.valueFormat = valueFormat
        self.xScale = xScale; self.yScale = yScale
    }
}

extension Worksheet {
    /// Draws `chart` with its top-left corner on the cell at `row`, `col`. libxlsxwriter copies every
    /// string it is given, so nothing here needs to outlive the call.
    public func insertChart(_ chart: ChartSpec, row: Int, col: Int) throws(XLSXError) {
        let (r, c) = try index(row: row, col: col)
        let location = CellReference.cell(sheet: name, row: row, col: col)
        let book = try workbook.openHandle(location: location)
        let type = UInt8(chart.kind == .column ? LXW_CHART_COLUMN.rawValue : LXW_CHART_BAR.rawValue)
        guard let handle = workbook_add_chart(book, type) else {
            throw workbook.error(LXW_ERROR_MEMORY_MALLOC_FAILED, location: location, detail: "workbook_add_chart returned NULL")
        }
        XMLText.safe(chart.title).withCString { chart_title_set_name(handle, $0) }
        for series in chart.series {
            for range in [series.categories, series.values] {
                _ = try index(row: range.rows.upperBound, col: range.columns.upperBound)
            }
            guard let s = chart_add_series(handle, nil, nil) else {
                throw workbook.error(LXW_ERROR_MEMORY_MALLOC_FAILED, location: location, detail: "chart_add_series returned NULL")
            }
            series.sheet.withCString { sheet in
                chart_series_set_categories(s, sheet, lxw_row_t(series.categories.rows.lowerBound),
                                            lxw_col_t(series.categories.columns.lowerBound),
                                            lxw_row_t(series.categories.rows.upperBound), lxw_col_t(series.categories.columns.upperBound))
                chart_series_set_values(s, sheet, lxw_row_t(series.values.rows.lowerBound), lxw_col_t(series.values.columns.lowerBound),
                                        lxw_row_t(series.values.rows.upperBound), lxw_col_t(series.values.columns.upperBound))
            }
            XMLText.safe(series.name).withCString { chart_series_set_name(s, $0) }
        }
        if chart.series.count < 2 { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        if let format = chart.valueFormat {
            // Columns: values on the vertical (y) axis; bars: on the horizontal one, which Excel still calls y.
            format.withCString { chart_axis_set_num_format(handle.pointee.y_axis, $0) }
        }
        var options = lxw_chart_options()
        options.x_scale = chart.xScale
        options.y_scale = chart.yScale
        let status = worksheet_insert_chart_opt(self.handle, r, c, handle, &options)
        guard status == LXW_NO_ERROR else { throw workbook.error(status, location: location, detail: "worksheet_insert_chart_opt") }
    }
}
