/// Cairo could not produce the PDF (or the PNG preview); carries cairo's own status and where the output was going.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    /// Cairo's status string (`cairo_status_to_string`), or a short reason when cairo was not involved.
    public var status: String
    /// The output file, or `<memory>` when rendering to bytes.
    public var path: String
    /// The 1-based page being drawn when it failed, if any.
    public var page: Int?
    /// What the caller can do about it.
    public var advice: String
    /// `PDF`, or `PNG` for a page preview.
    public var format: String

    public init(status: String, path: String, page: Int? = nil, advice: String, format: String = "PDF") {
        self.status = status; self.path = path; self.page = page; self.advice = advice; self.format = format
    }

    public var description: String {
        let whereText = page.map { " (page \($0))" } ?? ""
        return "Cannot write the \(format) \(path)\(whereText): \(status). \(advice)"
    }
}
