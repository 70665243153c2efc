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

    private var pending: [Run] = []

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
                  item.analysis.level % 2 == 0, let font = item.analysis.font,
                  let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return nil }
            var logical = PangoRectangle()
            pango_layout_iter_get_run_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            let string = glyphItem.pointee.glyphs.pointee
            var run = Run(font: scaled)
            run.glyphs.reserveCapacity(Int(string.num_glyphs))
            run.text = Array(UnsafeRawBufferPointer(start: text + Int(item.offset), count: Int(item.length)))
            // Left to right, a cluster is the glyphs sharing one byte offset (`log_clusters`), and
            // stands for the bytes up to the next cluster's offset.
            var x = logical.x
            var index = 0
            let count = Int(string.num_glyphs)
            while index < count {
                let start = string.log_clusters[index]
                var end = index
                var drawn: Int32 = 0
                while end < count, string.log_clusters[end] == start {
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
                let next = end < count ? string.log_clusters[end] : item.length
                guard next > start else { return nil }
                run.clusters.append(cairo_text_cluster_t(num_bytes: next - start, num_glyphs: drawn))
                index = end
            }
            guard !run.glyphs.isEmpty else { continue }
            if let last = runs.indices.last, runs[last].font == scaled {
                runs[last].append(run, dx: 0, dy: 0)
            } else {
                runs.append(run)
            }
        } while pango_layout_iter_next_run(iter) != 0
        for run in runs { cairo_scaled_font_reference(run.font) }
        return Shaped(runs: runs)
    }

    /// Adds a shaped text whose top-left corner is at (`x`, `y`).
    func add(_ shaped: Shaped, x: Double, y: Double) {
        for run in shaped.runs {
            if let index = pending.firstIndex(where: { $0.font == run.font }) {
                pending[index].append(run, dx: x, dy: y)
            } else {
                var new = Run(font: cairo_scaled_font_reference(run.font))
                new.append(run, dx: x, dy: y)
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
    /// Appends `other`'s glyphs moved by (`dx`, `dy`), its text and its clusters.
    mutating func append(_ other: GlyphBatch.Run, dx: Double, dy: Double) {
        glyphs.reserveCapacity(glyphs.count + other.glyphs.count)
        for glyph in other.glyphs {
            glyphs.append(cairo_glyph_t(index: glyph.index, x: glyph.x + dx, y: glyph.y + dy))
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
