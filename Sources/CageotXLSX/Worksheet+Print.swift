import CXLSXWriter
import Foundation

/// Print setup: what a farmer gets when printing the sheet.
extension Worksheet {
    public enum Paper: UInt8, Sendable {
        case letter = 1, a3 = 8, a4 = 9, a5 = 11
    }

    public func setLandscape() throws(XLSXError) {
        _ = try workbook.openHandle(location: name)
        worksheet_set_landscape(handle)
    }

    public func setPaper(_ paper: Paper) throws(XLSXError) {
        _ = try workbook.openHandle(location: name)
        worksheet_set_paper(handle, paper.rawValue)
    }

    /// Scales the print to `wide` pages across and `tall` pages down; 0 means as many as needed,
    /// so `fitToPages(wide: 1, tall: 0)` keeps every column on the page width.
    public func fitToPages(wide: Int, tall: Int) throws(XLSXError) {
        _ = try workbook.openHandle(location: name)
        guard let w = UInt16(exactly: wide), let t = UInt16(exactly: tall) else {
            throw workbook.error(LXW_ERROR_PARAMETER_VALIDATION, location: name,
                                 detail: "page counts \(wide)×\(tall) must be 0…65535")
        }
        worksheet_fit_to_pages(handle, w, t)
    }

    /// Prints these rows (usually the column titles) at the top of every page.
    public func repeatRowsOnPrint(_ rows: ClosedRange<Int>) throws(XLSXError) {
        let range = CellRange(rows: rows, columns: 0...0)
        let (r1, _, r2, _) = try indices(range)
        try check(worksheet_repeat_rows(handle, r1, r2), "\(name) rows \(rows.lowerBound + 1)-\(rows.upperBound + 1)")
    }

    /// Prints only `range`.
    public func setPrintArea(_ range: CellRange) throws(XLSXError) {
        let (r1, c1, r2, c2) = try indices(range)
        try check(worksheet_print_area(handle, r1, c1, r2, c2), CellReference.range(sheet: name, range))
    }

    /// The page header, in Excel's header syntax: `&L`, `&C`, `&R` start the left, centre and right
    /// parts, `&P` is the page number, `&N` the page count. Pass plain text through
    /// `headerFooterLiteral(_:)`. At most 255 characters.
    public func setHeader(_ text: String) throws(XLSXError) {
        _ = try workbook.openHandle(location: name)
        try check(worksheet_set_header(handle, XMLText.safe(text)), "\(name) header")
    }

    /// The page footer, same syntax as `setHeader(_:)`.
    public func setFooter(_ text: String) throws(XLSXError) {
        _ = try workbook.openHandle(location: name)
        try check(worksheet_set_footer(handle, XMLText.safe(text)), "\(name) footer")
    }

    /// `text` with its `&` doubled, so that "Fruits & légumes" prints as written.
    public static func headerFooterLiteral(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&&")
    }
}
