import CCairo
import CPango
import CageotLayout

/// Draws page items on one cairo context, which it owns with the document's decoded images
/// (decoded once per document, so a logo repeated on every page is embedded once).
/// Not Sendable: it draws with a `FontContext`.
final class PageDrawer {
    let cr: OpaquePointer  // cairo_t *
    private let fonts: FontContext
    private var images: [ImageBytes: CairoImage] = [:]
    /// The gray of the current source, to skip redundant `cairo_set_source_rgb` calls.
    private var gray: Double?
    /// Text drawn on the page so far, not yet handed to cairo (all of it black); rules not yet
    /// stroked, by width and gray (one path each: a sheet page has about a hundred rules); and
    /// where they lie (text's ink inside its frame, a rule within half its width).
    private let glyphs = GlyphBatch()
    private var pendingLines: [(width: Double, gray: Double, segments: [(from: Point, to: Point)])] = []
    private var pendingBounds: [Rect] = []

    init(surface: OpaquePointer, fonts: FontContext) {
        cr = cairo_create(surface)
        self.fonts = fonts
    }

    deinit { cairo_destroy(cr) }

    var status: cairo_status_t { cairo_status(cr) }

    /// Draws every item of `page` (page `number` of the output `path`, for the error).
    func draw(_ page: Page, path: String, number: Int) throws(PDFError) {
        for item in page.items {
            do {
                try draw(item)
            } catch {
                throw PDFError(status: error.reason, path: path, page: number,
                               advice: "Replace the image (a logo?) with a valid PNG or JPEG file.")
            }
        }
        flushPending()
    }

    /// Draws `item`; text and rules may wait for `flushPending()` (`draw(_:path:number:)` calls it
    /// at the end).
    func draw(_ item: PageItem) throws(ImageDecodingError) {
        switch item {
        case let .text(text, frame, style):
            drawText(text, frame: frame, style: style)
        case let .line(from, to, width, gray):
            if let index = pendingLines.firstIndex(where: { $0.width == width && $0.gray == gray }) {
                pendingLines[index].segments.append((from, to))
            } else {
                pendingLines.append((width, gray, [(from, to)]))
            }
            pendingBounds.append(Rect(x: min(from.x, to.x) - width / 2, y: min(from.y, to.y) - width / 2,
                                      width: abs(to.x - from.x) + width, height: abs(to.y - from.y) + width))
        case let .fill(rect, gray):
            flushPending(under: rect)  // a fill covers what was drawn before it
            setGray(gray)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_fill(cr)
        case let .box(rect, width, gray):
            flushPending(under: Rect(x: rect.x - width / 2, y: rect.y - width / 2, width: rect.width + width, height: rect.height + width))
            setGray(gray)
            cairo_set_line_width(cr, width)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_stroke(cr)
        case let .image(bytes, frame):
            flushPending(under: frame)
            try drawImage(bytes, frame: frame)
        }
    }

    /// Text from the frame's top-left, wrapped at its width, ellipsized past its height, and clipped
    /// to it when its ink would leave it (clipping only then keeps the PDF small and fast).
    private func drawText(_ text: String, frame: Rect, style: TextStyle) {
        guard !text.isEmpty, frame.width > 0, frame.height > 0 else { return }
        let scale = Double(PANGO_SCALE)
        // The text the measurer placed for this cell draws identically when it fits (an ellipsis
        // only appears when text is cut), and it is already shaped; otherwise shape the cut version.
        var placed = fonts.placed(text, style: style, width: frame.width, maxHeight: nil)
        var (ink, logical) = placed.extents
        if Double(logical.height) / scale > frame.height + 0.001 {
            placed = fonts.placed(text, style: style, width: frame.width, maxHeight: frame.height)
            ink = placed.extents.ink
        }
        let inside = ink.x >= 0 && ink.y >= 0
            && Double(ink.x + ink.width) / scale <= frame.width && Double(ink.y + ink.height) / scale <= frame.height
        // Text inside its frame joins the page's glyphs. Shaped text to clip (a "J" or a "T" leans
        // a fraction of a point out of its frame) is drawn now, alone under its clip; so is a
        // layout only Pango can draw, or that it ellipsized. Over or under the batch makes no
        // difference: they do not overlap.
        let batchable = placed.hasGlyphs
        if inside, batchable, placed.addGlyphs(to: glyphs, x: frame.x, y: frame.y) {
            pendingBounds.append(frame)
            return
        }
        setGray(0)
        if !inside {
            cairo_save(cr)
            cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
            cairo_clip(cr)
        }
        defer { if !inside { cairo_restore(cr) } }
        let layout: OpaquePointer
        switch placed {
            case .layout(let entry):
                layout = entry.layout
            case .line, .paragraphs:
                if batchable {
                    let clipped = GlyphBatch()
                    _ = placed.addGlyphs(to: clipped, x: frame.x, y: frame.y)
                    clipped.flush(cr)
                    return
                }
                layout = fonts.layout(text, style: style, width: frame.width, maxHeight: nil)
        }
        cairo_move_to(cr, frame.x, frame.y)
        pango_cairo_show_layout(cr, layout)
        cairo_new_path(cr)  // Pango leaves the move_to in the path
    }

    /// The image scaled to fit inside the frame, keeping its proportions, centred.
    private func drawImage(_ bytes: ImageBytes, frame: Rect) throws(ImageDecodingError) {
        let image: CairoImage
        if let cached = images[bytes] {
            image = cached
        } else {
            image = try CairoImage(bytes: bytes.bytes)
            images[bytes] = image
        }
        guard image.width > 0, image.height > 0, frame.width > 0, frame.height > 0 else { return }
        let scale = min(frame.width / image.width, frame.height / image.height)
        cairo_save(cr)
        cairo_translate(cr, frame.x + (frame.width - image.width * scale) / 2,
                        frame.y + (frame.height - image.height * scale) / 2)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image.surface, 0, 0)
        cairo_rectangle(cr, 0, 0, image.width, image.height)
        cairo_fill(cr)
        cairo_restore(cr)  // also restores the gray source
    }

    /// Strokes the rules gathered so far, then draws the text in black.
    func flushPending() {
        for group in pendingLines {
            setGray(group.gray)
            cairo_set_line_width(cr, group.width)
            for segment in group.segments {
                cairo_move_to(cr, segment.from.x, segment.from.y)
                cairo_line_to(cr, segment.to.x, segment.to.y)
            }
            cairo_stroke(cr)
        }
        pendingLines.removeAll(keepingCapacity: true)
        if !glyphs.isEmpty {
            setGray(0)
            glyphs.flush(cr)
        }
        pendingBounds.removeAll(keepingCapacity: true)
    }

    /// Draws what was gathered if any of it lies under `rect`, which is about to be painted (a
    /// chart's bars beside their labels leave the batch alone).
    private func flushPending(under rect: Rect) {
        if pendingBounds.contains(where: { $0.x < rect.maxX && rect.x < $0.maxX && $0.y < rect.maxY && rect.y < $0.maxY }) {
            flushPending()
        }
    }

    private func setGray(_ value: Double) {
        guard value != gray else { return }
        cairo_set_source_rgb(cr, value, value, value)
        gray = value
    }
}
