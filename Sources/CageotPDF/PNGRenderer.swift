import CCairo
import CageotLayout

/// Draws one laid-out page as a PNG image, with the same `PageDrawer` as the PDF: a preview of
/// what will print, for a web page.
///
/// The page is scaled to `width` pixels (the height follows its proportions) on a white,
/// opaque background. The same page and width always give the same bytes: cairo's PNG writer
/// stores no date. JPEG images have no pixels here (the PDF embeds their bytes as they are), so
/// they show as a light grey box. Not Sendable: it draws with one `FontContext`.
public struct PNGRenderer {
    public let fonts: FontContext

    public init(fonts: FontContext) { self.fonts = fonts }

    /// The PNG bytes of `page`, `width` pixels wide (1 to 4000).
    public func render(_ page: Page, width: Int) throws(PDFError) -> [UInt8] {
        let path = "<preview>"
        guard (1...4000).contains(width), page.size.width > 0, page.size.height > 0 else {
            throw PDFError(status: "cannot draw a \(page.size.width)×\(page.size.height) pt page \(width) px wide", path: path,
                           advice: "Ask for a width from 1 to 4000 pixels.", format: "PNG")
        }
        let scale = Double(width) / page.size.width
        let height = max(1, Int((page.size.height * scale).rounded()))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), path: path)
        let sink = ByteSink()
        try withExtendedLifetime(sink) { () throws(PDFError) in
            // The drawer owns its context: release it (and its images) before writing the surface.
            do {
                let drawer = PageDrawer(surface: surface, fonts: fonts)
                cairo_set_source_rgb(drawer.cr, 1, 1, 1)
                cairo_paint(drawer.cr)
                cairo_scale(drawer.cr, scale, scale)
                try drawer.draw(page, path: path, number: 1)
                try check(drawer.status, path: path)
            }
            cairo_surface_flush(surface)
            try check(cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque()),
                      path: path)
        }
        return sink.bytes
    }

    private func check(_ status: cairo_status_t, path: String) throws(PDFError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw PDFError(status: String(cString: cairo_status_to_string(status)), path: path, page: 1,
                       advice: status == CAIRO_STATUS_NO_MEMORY ? "The machine ran out of memory; ask for a narrower preview."
                           : "This is a bug in Cageot's PNG preview; please report it with the request that produced it.",
                       format: "PNG")
    }
}
