import CXLSXWriter

/// libxlsxwriter refused a call or could not write the file; carries its own error code and where.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    /// The `lxw_error` value (never 0). Checks the wrapper makes before calling libxlsxwriter use
    /// the code libxlsxwriter itself would have returned, with the reason in `detail`.
    public var code: Int
    /// libxlsxwriter's text for `code` (`lxw_strerror`).
    public var message: String
    /// The workbook file being written.
    public var path: String
    /// The sheet, cell or range concerned, e.g. `Commandes!B12`; nil for the workbook as a whole.
    public var location: String?
    /// What the wrapper knows beyond the code, e.g. which check failed.
    public var detail: String?
    /// What the caller can do about it.
    public var advice: String

    public init(code: Int, message: String, path: String, location: String? = nil, detail: String? = nil,
                advice: String) {
        self.code = code; self.message = message; self.path = path
        self.location = location; self.detail = detail; self.advice = advice
    }

    public var description: String {
        let place = location.map { " at \($0)" } ?? ""
        let extra = detail.map { " (\($0))" } ?? ""
        return "Cannot write the spreadsheet \(path)\(place): \(message)\(extra) [lxw_error \(code)]. \(advice)"
    }
}

extension XLSXError {
    /// An error for `code` with libxlsxwriter's own message and advice fitting the code.
    init(_ code: lxw_error, path: String, location: String?, detail: String? = nil, constantMemory: Bool = false) {
        self.init(code: Int(code.rawValue), message: String(cString: lxw_strerror(code)), path: path,
                  location: location, detail: detail,
                  advice: Self.advice(for: code, constantMemory: constantMemory))
    }

    static func advice(for code: lxw_error, constantMemory: Bool) -> String {
        switch code {
        case LXW_ERROR_CREATING_XLSX_FILE:
            return "Check that the output folder exists and is writable, and that the path is not a folder."
        case LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE:
            return "Check that the temporary folder exists, is writable and has free space."
        case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE,
             LXW_ERROR_ZIP_BAD_ZIP_FILE, LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_PARAMETER_ERROR:
            return "Check the free space of the output and temporary folders, then run again."
        case LXW_ERROR_MEMORY_MALLOC_FAILED:
            return "The machine ran out of memory; write large workbooks with constant memory on."
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
            return constantMemory
                ? "With constant memory on, rows must be written top to bottom: a row above the current one cannot be written again. Rows go from 1 to 1,048,576 and columns from A to XFD."
                : "Rows go from 1 to 1,048,576 and columns from A to XFD."
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
             LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, LXW_ERROR_SHEETNAME_ALREADY_USED:
            return "Make the name with SheetName.safe(_:avoiding:): at most 31 characters, none of []:*?/\\, unique."
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
            return "A cell holds at most 32,767 characters; shorten the text."
        case LXW_ERROR_255_STRING_LENGTH_EXCEEDED, LXW_ERROR_128_STRING_LENGTH_EXCEEDED,
             LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
            return "Shorten the text (headers and footers hold 255 characters, number formats 128)."
        case LXW_ERROR_PARAMETER_VALIDATION, LXW_ERROR_NULL_PARAMETER_IGNORED:
            return "Fix the value passed by the caller; the detail says which check failed."
        default:
            return "This is unexpected: report it with the file and place named above."
        }
    }
}
