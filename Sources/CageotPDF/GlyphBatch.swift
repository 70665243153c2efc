import CCairo
import CPango

/// The glyphs of a page's text, gathered by font and drawn with one `cairo_show_text_glyphs` per
/// font when the page is done (or before a fill or image that covers them).
///
/// Drawing each cell with `pango_cairo_show_layout` cost one cairo text operation per cell: about
/// 400 on a sheet page, each recorded, analysed and written separately by cairo's PDF surface at
/// `show_page`. A few operations per page draw the same glyphs at the same positions (measured in
/// BENCHMARKS.md). Not Sendable: it holds cairo fonts of one thread's Pango context.
final class GlyphBatch {
    /// A laid-out text's glyphs by font, positioned from the layout's top-left corner exactly as
    /// Pango's cairo renderer places them.
    struct Shaped {
        var runs: [Run]
    }

    /// Glyphs of one font, with the text they show and which bytes each glyph stands for (so a
    /// ligature still reads "fi" when the PDF's text is copied or searched, as Pango writes it).
    struct Run {
        var font: OpaquePointer  // cairo_scaled_font_t *, referenced
        var glyphs: [cairo_glyph_t] = []
        var text: [UInt8] = []
        var clusters: [cairo_text_cluster_t] = []
    }

    private(set) var pending: [Run] = []

    deinit {
        for run in pending { cairo_scaled_font_destroy(run.font) }
    }

    var isEmpty: Bool { pending.isEmpty }

    /// The glyphs of `layout`, or nil when only Pango can draw it: a glyph the fonts lack (Pango
    /// draws a box with its code point), right-to-left text (its clusters run backwards), or a run
    /// shifted by attributes Cageot never sets.
    static func shape(_ layout: OpaquePointer) -> Shaped? {
        guard let iter = pango_layout_get_iter(layout), let text = pango_layout_get_text(layout) else { return nil }
        defer { pango_layout_iter_free(iter) }
        let scale = Double(PANGO_SCALE)
        var runs: [Run] = []
        repeat {
            // nil at the end of each line.
            guard let glyphItem = pango_layout_iter_get_run_readonly(iter) else { continue }
            let item = glyphItem.pointee.item.pointee
            guard glyphItem.pointee.y_offset == 0, glyphItem.pointee.start_x_offset == 0, glyphItem.pointee.end_x_offset == 0,
                  item.analysis.level % 2 == 0, let font = item.analysis.font else { return nil }
            var logical = PangoRectangle()
            pango_layout_iter_get_run_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            guard let run = run(glyphItem.pointee.glyphs, font: font, text: text + Int(item.offset), length: item.length,
                                x: logical.x, baseline: baseline) else { return nil }
            guard !run.glyphs.isEmpty else { continue }
            if let last = runs.indices.last, runs[last].font == run.font {
                runs[last].append(run, dx: 0, dy: 0)
            } else {
                runs.append(run)
            }
        } while pango_layout_iter_next_run(iter) != 0
        for run in runs { cairo_scaled_font_reference(run.font) }
        return Shaped(runs: runs)
    }

    /// The glyphs of one shaped item (`text` is its first byte, `length` its bytes) in `font`,
    /// starting at `x` (Pango units) on `baseline` (points); nil when one of them is missing from
    /// the font. The run's cairo font is not referenced.
    static func run(_ string: UnsafeMutablePointer<PangoGlyphString>, font: UnsafeMutablePointer<PangoFont>,
                    text: UnsafePointer<CChar>, length: Int32, x start: Int32, baseline: Double) -> Run? {
        guard let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return nil }
        let scale = Double(PANGO_SCALE)
        let string = string.pointee
        var run = Run(font: scaled)
        run.glyphs.reserveCapacity(Int(string.num_glyphs))
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
        run.text.reserveCapacity(bytes.count)
        var space: hb_codepoint_t?? = .none  // the font's glyph of U+0020, looked up on first use
        var kept = 0  // the bytes before this one are in `run.text` or left out; the rest is copied at the end
        // Left to right, a cluster is the glyphs sharing one byte offset (`log_clusters`), and
        // stands for the bytes up to the next cluster's offset.
        var x = start
        var index = 0
        let count = Int(string.num_glyphs)
        while index < count {
            let first = string.log_clusters[index]
            var end = index
            var drawn: Int32 = 0
            while end < count, string.log_clusters[end] == first {
                let info = string.glyphs[end]
                defer { x += info.geometry.width; end += 1 }
                if info.glyph == PANGO_GLYPH_EMPTY { continue }
                if info.glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 {
                    if info.glyph == (0x20 | PANGO_GLYPH_UNKNOWN_FLAG) { continue }  // a space Pango draws as nothing
                    return nil
                }
                run.glyphs.append(cairo_glyph_t(index: UInt(info.glyph), x: Double(x + info.geometry.x_offset) / scale,
                                                y: baseline + Double(info.geometry.y_offset) / scale))
                drawn += 1
            }
            let next = end < count ? string.log_clusters[end] : length
            guard next > first else { return nil }
            let cluster = bytes[Int(first)..<Int(next)]
            index = end
            if drawn == 0 {
                // Nothing drawn (the space where a line wraps, a zero-width character): its text is
                // left out, or cairo would wrap it in an empty ActualText span.
                run.text += bytes[kept..<Int(first)]
                kept = Int(next)
                continue
            }
            if drawn == 1, cluster.count > 1, isBlankSeparator(cluster) {
                if space == .none {
                    var glyph: hb_codepoint_t = 0
                    space = hb_font_get_nominal_glyph(pango_font_get_hb_font(font), 0x20, &glyph) != 0 ? glyph : nil
                }
                if let glyph = space ?? nil {
                    run.glyphs[run.glyphs.count - 1].index = UInt(glyph)
                    run.text += bytes[kept..<Int(first)]
                    run.text.append(0x20)
                    kept = Int(next)
                    run.clusters.append(cairo_text_cluster_t(num_bytes: 1, num_glyphs: 1))
                    continue
                }
            }
            run.clusters.append(cairo_text_cluster_t(num_bytes: next - first, num_glyphs: drawn))
        }
        run.text += bytes[kept...]
        return run
    }

    /// Whether `bytes` (UTF-8) is one space separator other than U+0020 that is drawn blank: the
    /// no-break space before "€" or ":", the narrow one between thousands, and the typographic
    /// spaces. Their glyphs are outside the fonts' Latin (WinAnsi) subset, so cairo would put each in
    /// a second, CID font and switch fonts around it (a quarter of a sheet page's content stream,
    /// and two more font subsets per file). Drawn as the font's space glyph at the same place, and
    /// copied from the PDF as a plain space.
    private static func isBlankSeparator(_ bytes: UnsafeRawBufferPointer.SubSequence) -> Bool {
        // Read in place: every accented letter is a two-byte cluster that comes here.
        let i = bytes.startIndex
        switch bytes.count {
            case 2: return bytes[i] == 0xC2 && bytes[i + 1] == 0xA0  // U+00A0
            case 3:
                let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
                return a == 0xE2 && b == 0x80 && ((0x80...0x8A).contains(c) || c == 0xAF)  // U+2000–U+200A, U+202F
                    || a == 0xE2 && b == 0x81 && c == 0x9F || a == 0xE3 && b == 0x80 && c == 0x80  // U+205F, U+3000
            default: return false
        }
    }

    /// Adds a shaped text whose top-left corner is at (`x`, `y`), its glyphs moved by (`dx`, `dy`)
    /// first: a line's place in its layout adds up exactly as in the Pango layout (whole Pango
    /// units over 1024 are exact doubles), and only then is the frame's position added.
    func add(_ shaped: Shaped, x: Double, y: Double, dx: Double = 0, dy: Double = 0) {
        for run in shaped.runs {
            if let index = pending.firstIndex(where: { $0.font == run.font }) {
                pending[index].append(run, dx: x, dy: y, offset: (dx, dy))
            } else {
                var new = Run(font: cairo_scaled_font_reference(run.font))
                new.append(run, dx: x, dy: y, offset: (dx, dy))
                pending.append(new)
            }
        }
    }

    /// Draws the pending glyphs on `cr` with its current source, then forgets them.
    func flush(_ cr: OpaquePointer) {
        for run in pending {
            cairo_set_scaled_font(cr, run.font)
            run.text.withUnsafeBufferPointer { text in
                run.glyphs.withUnsafeBufferPointer { glyphs in
                    run.clusters.withUnsafeBufferPointer { clusters in
                        text.withMemoryRebound(to: CChar.self) { utf8 in
                            cairo_show_text_glyphs(cr, utf8.baseAddress, Int32(utf8.count), glyphs.baseAddress, Int32(glyphs.count),
                                                   clusters.baseAddress, Int32(clusters.count), cairo_text_cluster_flags_t(0))
                        }
                    }
                }
            }
            cairo_scaled_font_destroy(run.font)
        }
        pending = []
    }
}

extension GlyphBatch.Run {
    /// Appends `other`'s glyphs moved by `offset` then (`dx`, `dy`), its text and its clusters.
    mutating func append(_ other: GlyphBatch.Run, dx: Double, dy: Double, offset: (x: Double, y: Double) = (0, 0)) {
        // Reserving exactly what this text needs would copy the page's glyphs at every text;
        // doubling keeps appending linear.
        let needed = glyphs.count + other.glyphs.count
        if needed > glyphs.capacity { glyphs.reserveCapacity(max(needed, 2 * glyphs.capacity)) }
        for glyph in other.glyphs {
            glyphs.append(cairo_glyph_t(index: glyph.index, x: glyph.x + offset.x + dx, y: glyph.y + offset.y + dy))
        }
        text += other.text
        clusters += other.clusters
    }
}

extension GlyphBatch.Shaped {
    /// Releases the fonts `GlyphBatch.shape` referenced.
    func release() {
        for run in runs { cairo_scaled_font_destroy(run.font) }
    }
}
