import CXLSXWriter
import Foundation

extension Workbook {
    /// How libxlsxwriter buffers the cells.
    public struct Options: Sendable, Hashable {
        /// Flushes each row to a temp file once a later row is written: memory stays flat, but rows
        /// must then be written top to bottom, and text is stored inline instead of shared.
        public var constantMemory: Bool
        /// Where libxlsxwriter keeps its temp files; nil: `$TMPDIR`, else `/dev/shm`, else /tmp.
        public var temporaryDirectory: URL?

        public init(constantMemory: Bool = false, temporaryDirectory: URL? = nil) {
            self.constantMemory = constantMemory; self.temporaryDirectory = temporaryDirectory
        }
    }

    /// The document properties Excel shows under File › Info.
    public struct DocumentProperties: Sendable, Hashable {
        public var title: String?
        public var author: String?
        public var company: String?
        public var comments: String?
        /// Seconds since 1970 (UTC), written as the creation date; injected (never read from the
        /// clock) so that the same data always gives the same bytes.
        public var createdAt: Int

        public init(title: String? = nil, author: String? = "Cageot", company: String? = nil,
                    comments: String? = nil, createdAt: Int) {
            self.title = title; self.author = author; self.company = company
            self.comments = comments; self.createdAt = createdAt
        }
    }
}

extension Workbook.DocumentProperties {
    /// Hands the properties to libxlsxwriter, which copies every string.
    func apply(to handle: UnsafeMutablePointer<lxw_workbook>) -> lxw_error {
        let strings = [title, author, company, comments].map { $0.map { strdup(XMLText.safe($0))! } }
        defer { strings.forEach { free($0) } }
        var props = lxw_doc_properties()
        props.title = strings[0]
        props.author = strings[1]
        props.company = strings[2]
        props.comments = strings[3]
        // libxlsxwriter takes 0 to mean "now"; 1 keeps the output reproducible.
        props.created = time_t(createdAt == 0 ? 1 : createdAt)
        return workbook_set_properties(handle, &props)
    }
}
