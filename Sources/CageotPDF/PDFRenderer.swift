import CCairo
import CageotLayout
import Foundation

/// Writes laid-out pages as a PDF with cairo, one PDF page per `Page` at its own size, text through
/// Pango with the fonts of its `FontContext` (embedded as subsets).
///
/// The same pages and `DocumentInfo` always give the same bytes: the dates come from
/// `info.createdAt`, never from the clock. Not Sendable: it draws with one `FontContext`.
public struct PDFRenderer {
    public let fonts: FontContext

    public init(fonts: FontContext) { self.fonts = fonts }

    /// Writes the PDF straight to `url` (the caller handles temporary file and rename).
    public func render(_ pages: [Page], info: DocumentInfo, to url: URL) throws(PDFError) {
        let path = url.path
        let first = try firstPageSize(pages, path: path)
        let surface = cairo_pdf_surface_create(path, first.width, first.height)!
        defer { cairo_surface_destroy(surface) }
        try draw(pages, info: info, on: surface, path: path)
    }

    /// Renders the PDF in memory, for callers that send it elsewhere (HTTP).
    public func render(_ pages: [Page], info: DocumentInfo) throws(PDFError) -> [UInt8] {
        let path = "<memory>"
        let first = try firstPageSize(pages, path: path)
        let sink = ByteSink()
        try withExtendedLifetime(sink) { () throws(PDFError) in
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(),
                                                              first.width, first.height)!
            defer { cairo_surface_destroy(surface) }
            try draw(pages, info: info, on: surface, path: path)
        }
        return sink.bytes
    }

    private func firstPageSize(_ pages: [Page], path: String) throws(PDFError) -> Size {
        guard let first = pages.first else {
            throw PDFError(status: "no page to render", path: path,
                           advice: "A PDF needs at least one page; check that the document has content.")
        }
        return first.size
    }

    /// The shared body: metadata, every page, then `cairo_surface_finish`, checking cairo at each step.
    private func draw(_ pages: [Page], info: DocumentInfo, on surface: OpaquePointer, path: String) throws(PDFError) {
        try check(cairo_surface_status(surface), path: path, page: nil)
        setMetadata(info, on: surface)
        let drawer = PageDrawer(surface: surface, fonts: fonts)
        var parent = Int32(CAIRO_PDF_OUTLINE_ROOT)
        for (index, page) in pages.enumerated() {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            for bookmark in page.bookmarks {
                // Outline links use PDF user space: points from the top-left corner, as Page does.
                let link = "page=\(index + 1) pos=[0 \(Int(bookmark.y.rounded()))]"
                let id = cairo_pdf_surface_add_outline(surface, bookmark.level == 0 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : parent,
                                                       bookmark.title, link, cairo_pdf_outline_flags_t(0))
                if bookmark.level == 0 { parent = id }
            }
            try drawer.draw(page, path: path, number: index + 1)
            cairo_show_page(drawer.cr)
            try check(drawer.status, path: path, page: index + 1)
        }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), path: path, page: nil)
    }

    private func setMetadata(_ info: DocumentInfo, on surface: OpaquePointer) {
        let date = PDFDate.iso8601(epochSeconds: info.createdAt)
        let values: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_CREATOR, "Cageot"),
            (CAIRO_PDF_METADATA_CREATE_DATE, date), (CAIRO_PDF_METADATA_MOD_DATE, date),
        ]
        for (key, value) in values where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }

    private func check(_ status: cairo_status_t, path: String, page: Int?) throws(PDFError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let advice = switch status {
        case CAIRO_STATUS_WRITE_ERROR:
            "Check that the folder exists, is writable, and that the disk is not full."
        case CAIRO_STATUS_NO_MEMORY:
            "The machine ran out of memory; render fewer pages at once."
        default:
            "This is a bug in Cageot's PDF renderer; please report it with the command that produced it."
        }
        throw PDFError(status: String(cString: cairo_status_to_string(status)), path: path, page: page, advice: advice)
    }
}

/// Collects the bytes cairo streams out (PDF and PNG surfaces alike).
final class ByteSink {
    var bytes: [UInt8] = []

    /// The `cairo_write_func_t` to pass with `Unmanaged.passUnretained(sink).toOpaque()`.
    static let write: cairo_write_func_t = { closure, data, length in
        let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
