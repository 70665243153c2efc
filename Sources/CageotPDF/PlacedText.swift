import CPango

/// A text as `FontContext.placed` lays it out: lines shaped alone, each moved right by its
/// alignment in the frame (Pango units), or a Pango layout. Valid until the next `FontContext` call.
enum PlacedText {
    case line(LineShaper.Line, offset: Int32)
    case lines([LineShaper.Line], offsets: [Int32])
    case layout(LayoutCache.Entry)

    /// Its ink and logical rectangles from the frame's top-left corner, as
    /// `pango_layout_get_extents` gives them.
    var extents: (ink: PangoRectangle, logical: PangoRectangle) {
        switch self {
            case let .line(line, offset):
                var ink = line.ink
                ink.x += offset
                return (ink, PangoRectangle(x: offset, y: 0, width: line.width, height: line.height))
            case let .lines(lines, offsets):
                // Pango's union of the lines' rectangles, a line of spaces (no ink) counting as a point.
                var ink = PangoRectangle()
                var left = Int32.max
                var right = Int32.min
                var top: Int32 = 0
                for (index, (line, offset)) in zip(lines, offsets).enumerated() {
                    var lineInk = line.ink
                    lineInk.x += offset
                    lineInk.y += top
                    ink = index == 0 ? lineInk : ink.union(lineInk)
                    left = min(left, offset)
                    right = max(right, offset + line.width)
                    top += line.height
                }
                return (ink, PangoRectangle(x: left, y: 0, width: right - left, height: top))
            case let .layout(entry):
                var ink = PangoRectangle()
                var logical = PangoRectangle()
                pango_layout_get_extents(entry.layout, &ink, &logical)
                return (ink, logical)
        }
    }

    /// Adds its glyphs to `batch`, its top-left corner at (`x`, `y`); false (and nothing added)
    /// when only Pango can draw the layout.
    func addGlyphs(to batch: GlyphBatch, x: Double, y: Double) -> Bool {
        let scale = Double(PANGO_SCALE)
        switch self {
            case let .line(line, offset):
                batch.add(line.shaped, x: x, y: y, dx: Double(offset) / scale)
            case let .lines(lines, offsets):
                var top: Int32 = 0
                for (line, offset) in zip(lines, offsets) {
                    batch.add(line.shaped, x: x, y: y, dx: Double(offset) / scale, dy: Double(top) / scale)
                    top += line.height
                }
            case let .layout(entry):
                guard let shaped = entry.glyphs else { return false }
                batch.add(shaped, x: x, y: y)
        }
        return true
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
