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
    /// Text drawn on the page so far, not yet handed to cairo (all of it black), and its frames
    /// (its ink lies inside them); rules, then boxes, not yet stroked, in groups of one width and
    /// gray stroked as one path each, in order, before the text. Each cairo operation is
    /// recorded, analysed and written by the PDF surface at `show_page`, so a page drawn in a few
    /// (a sheet page has about a hundred rules and a box per household) costs a fraction of one
    /// drawn in hundreds.
    ///
    /// The order changes only where it makes no difference: a stroke joins the last group of its
    /// width and gray unless a later group paints near it, and a box is drawn over the rules,
    /// which every layout puts inside it or on its edges before it (a table block's rules end on
    /// its box; the next block's, drawn over that box's bottom edge, are covered by its own box,
    /// on the same line). A fill or image over anything pending, a stroke over pending text, and
    /// text drawn alone over a pending stroke draw what is pending first.
    private let glyphs = GlyphBatch()
    private var textFrames = Areas()
    private var rules: [StrokeGroup] = []
    private var boxes: [StrokeGroup] = []

    /// Rules or boxes of one width and gray, and the areas their strokes paint.
    private struct StrokeGroup {
        var width: Double
        var gray: Double
        var segments: [(from: Point, to: Point)] = []
        var boxes: [Rect] = []
        var areas = Areas()
    }

    /// Rectangles filed by horizontal band, so that asking what lies near a stroke looks at the
    /// few in its bands, not at every one of the page (a page has a few hundred).
    private struct Areas {
        private static let band = 32.0
        private var bands: [[Rect]] = []
        private(set) var isEmpty = true

        /// The bands `rect` spans, grown by `margin`; anything past the last band (or not a
        /// number) is filed in the first or last, where `near` still compares it exactly.
        private static func bands(_ rect: Rect, margin: Double) -> ClosedRange<Int> {
            func index(_ y: Double) -> Int { y.isNaN ? 0 : Int(min(max(y / band, 0), lastBand).rounded(.down)) }
            let low = index(rect.y - margin)
            return low...max(low, index(rect.maxY + margin))
        }

        private static let lastBand = 1023.0

        mutating func insert(_ rect: Rect) {
            let range = Self.bands(rect, margin: 0)
            while bands.count <= range.upperBound { bands.append([]) }
            for index in range { bands[index].append(rect) }
            isEmpty = false
        }

        /// Whether one of them lies within `margin` of `rect`.
        func near(_ rect: Rect, margin: Double) -> Bool {
            guard !isEmpty else { return false }
            for index in Self.bands(rect, margin: margin) where index < bands.count {
                for area in bands[index]
                where area.x - margin < rect.maxX && rect.x < area.maxX + margin && area.y - margin < rect.maxY && rect.y < area.maxY + margin {
                    return true
                }
            }
            return false
        }

        mutating func removeAll() {
            guard !isEmpty else { return }
            for index in bands.indices { bands[index].removeAll(keepingCapacity: true) }
            isEmpty = true
        }
    }

    /// How far two areas may lie apart and still be taken as touching: a rasterizer widens thin
    /// strokes to whole pixels.
    private static let margin = 1.0

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
            // A butt-capped rule paints its length, half its width either side; a slanted one
            // stays within its bounds grown by half its width.
            let area = if from.y == to.y {
                Rect(x: min(from.x, to.x), y: from.y - width / 2, width: abs(to.x - from.x), height: width)
            } else if from.x == to.x {
                Rect(x: from.x - width / 2, y: min(from.y, to.y), width: width, height: abs(to.y - from.y))
            } else {
                Rect(x: min(from.x, to.x) - width / 2, y: min(from.y, to.y) - width / 2,
                     width: abs(to.x - from.x) + width, height: abs(to.y - from.y) + width)
            }
            addStroke(isBox: false, width: width, gray: gray, areas: [area]) { $0.segments.append((from, to)) }
        case let .fill(rect, gray):
            flushPending(under: rect)  // a fill covers what was drawn before it
            setGray(gray)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_fill(cr)
        case let .box(rect, width, gray):
            // Its four sides, mitred at the corners; not its inside.
            let half = width / 2
            let areas = [
                Rect(x: rect.x - half, y: rect.y - half, width: rect.width + width, height: width),
                Rect(x: rect.x - half, y: rect.maxY - half, width: rect.width + width, height: width),
                Rect(x: rect.x - half, y: rect.y - half, width: width, height: rect.height + width),
                Rect(x: rect.maxX - half, y: rect.y - half, width: width, height: rect.height + width),
            ]
            addStroke(isBox: true, width: width, gray: gray, areas: areas) { $0.boxes.append(rect) }
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
            textFrames.insert(frame)
            return
        }
        // Drawn now, under the text still gathered (their frames do not overlap), but over the
        // rules and boxes gathered before it.
        if strokesNear(frame) { flushPending() }
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

    /// Strokes the rules then the boxes gathered so far, group by group, then draws the text in black.
    func flushPending() {
        for group in rules + boxes {
            setGray(group.gray)
            cairo_set_line_width(cr, group.width)
            for segment in group.segments {
                cairo_move_to(cr, segment.from.x, segment.from.y)
                cairo_line_to(cr, segment.to.x, segment.to.y)
            }
            for box in group.boxes { cairo_rectangle(cr, box.x, box.y, box.width, box.height) }
            cairo_stroke(cr)
        }
        rules.removeAll(keepingCapacity: true)
        boxes.removeAll(keepingCapacity: true)
        if !glyphs.isEmpty {
            setGray(0)
            glyphs.flush(cr)
        }
        textFrames.removeAll()
    }

    /// Adds a rule or box (`isBox`) painting `areas` to the last group of its kind, width and
    /// gray, unless a group stroked after that one paints near it: it then starts a new group.
    /// Near pending text, which is drawn after every stroke, what is pending is drawn first.
    private func addStroke(isBox: Bool, width: Double, gray: Double, areas: [Rect], add: (inout StrokeGroup) -> Void) {
        if areas.contains(where: { textFrames.near($0, margin: Self.margin) }) { flushPending() }
        if isBox {
            Self.add(to: &boxes, width: width, gray: gray, areas: areas, add: add)
        } else {
            Self.add(to: &rules, width: width, gray: gray, areas: areas, add: add)
        }
    }

    private static func add(to groups: inout [StrokeGroup], width: Double, gray: Double, areas: [Rect],
                            add: (inout StrokeGroup) -> Void) {
        var target: Int?
        for index in groups.indices.reversed() {
            if groups[index].width == width && groups[index].gray == gray {
                target = index
                break
            }
            if areas.contains(where: { groups[index].areas.near($0, margin: margin) }) { break }
        }
        let index = target ?? groups.count
        if target == nil { groups.append(StrokeGroup(width: width, gray: gray)) }
        add(&groups[index])
        for area in areas { groups[index].areas.insert(area) }
    }

    /// Whether a stroke pending paints near `rect`.
    private func strokesNear(_ rect: Rect) -> Bool {
        rules.contains { $0.areas.near(rect, margin: Self.margin) } || boxes.contains { $0.areas.near(rect, margin: Self.margin) }
    }

    /// Draws what was gathered if any of it lies under `rect`, which is about to be painted (a
    /// chart's bars beside their labels leave the batch alone).
    private func flushPending(under rect: Rect) {
        if textFrames.near(rect, margin: Self.margin) || strokesNear(rect) { flushPending() }
    }

    private func setGray(_ value: Double) {
        guard value != gray else { return }
        cairo_set_source_rgb(cr, value, value, value)
        gray = value
    }
}
