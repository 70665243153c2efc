import CPango

/// A text as `FontContext.placed` lays it out: a line shaped alone, moved right by its alignment
/// in the frame (Pango units); paragraphs one under the other, each such a line or a layout; or
/// one Pango layout. Valid until the next `FontContext` call.
enum PlacedText {
    case line(LineShaper.Line, offset: Int32)
    case paragraphs([PlacedText])
    case layout(LayoutCache.Entry)

    /// Its ink and logical rectangles from the frame's top-left corner, as
    /// `pango_layout_get_extents` gives them.
    var extents: (ink: PangoRectangle, logical: PangoRectangle) {
        switch self {
            case let .line(line, offset):
                var ink = line.ink
                ink.x += offset
                return (ink, PangoRectangle(x: offset, y: 0, width: line.width, height: line.height))
            case let .paragraphs(paragraphs):
                // Pango's union of the lines' rectangles, a line of spaces (no ink) counting as a point.
                var ink = PangoRectangle()
                var left = Int32.max
                var right = Int32.min
                var top: Int32 = 0
                for (index, paragraph) in paragraphs.enumerated() {
                    var (paragraphInk, logical) = paragraph.extents
                    paragraphInk.y += top
                    ink = index == 0 ? paragraphInk : ink.union(paragraphInk)
                    left = min(left, logical.x)
                    right = max(right, logical.x + logical.width)
                    top += logical.height
                }
                return (ink, PangoRectangle(x: left, y: 0, width: right - left, height: top))
            case let .layout(entry):
                var ink = PangoRectangle()
                var logical = PangoRectangle()
                pango_layout_get_extents(entry.layout, &ink, &logical)
                return (ink, logical)
        }
    }

    /// Adds its glyphs to `batch`, its top-left corner at (`x`, `y`), moved down by `dy` first;
    /// false when only Pango can draw it (a paragraph's glyphs may then have been added: draw the
    /// whole text with Pango over a new batch, or not at all).
    func addGlyphs(to batch: GlyphBatch, x: Double, y: Double, dy: Double = 0) -> Bool {
        switch self {
            case let .line(line, offset):
                batch.add(line.shaped, x: x, y: y, dx: Double(offset) / Double(PANGO_SCALE), dy: dy)
            case let .paragraphs(paragraphs):
                var top: Int32 = 0
                for paragraph in paragraphs {
                    guard paragraph.addGlyphs(to: batch, x: x, y: y, dy: Double(top) / Double(PANGO_SCALE)) else { return false }
                    top += paragraph.extents.logical.height
                }
            case let .layout(entry):
                guard let shaped = entry.glyphs else { return false }
                batch.add(shaped, x: x, y: y, dy: dy)
        }
        return true
    }

    /// Whether `addGlyphs` can draw it all.
    var hasGlyphs: Bool {
        switch self {
            case .line: true
            case let .paragraphs(paragraphs): paragraphs.allSatisfy(\.hasGlyphs)
            case let .layout(entry): entry.glyphs != nil
        }
    }
}

extension PangoRectangle {
    /// The smallest rectangle holding both.
    func union(_ other: PangoRectangle) -> PangoRectangle {
        let left = min(x, other.x)
        let top = min(y, other.y)
        return PangoRectangle(x: left, y: top, width: max(x + width, other.x + other.width) - left,
                              height: max(y + height, other.y + other.height) - top)
    }
}
