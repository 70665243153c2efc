import CCairo
import CPango
import CageotLayout

/// Plain text that fits on one line, shaped straight from the item Pango's itemizer would make of
/// it, without a `PangoLayout`: no itemizing, no line-breaking analysis, no layout lines.
///
/// Measuring text was 28 % of a week's sheets (BENCHMARKS.md), and more than half of each layout's
/// cost was not shaping but itemizing and finding break opportunities, which a one-line text of one
/// font and one script does not need. The shaped line does not depend on the width or alignment it
/// is placed at, so a name measured at its natural width and then drawn in its column is shaped once.
///
/// A text qualifies when every character is printable Latin, common punctuation, a digit, a space
/// or a currency sign that the style's own font has (so Pango would pick no other font), none is a
/// control, a line or paragraph separator, a bidirectional mark or a default-ignorable character
/// (so the text is one left-to-right item of one script). It is shaped with the analysis Pango gives
/// such a text (same font, script, language and level), by the same `pango_shape_with_flags` the
/// layout calls: the glyphs, their positions and the extents are Pango's own (checked against
/// `PangoLayout` in LineShaperTests). Such a text too wide for its frame is broken into lines
/// where Pango's word wrap breaks it (`wrapped`: a household's balance line), when Pango could
/// only break it after spaces. Anything else goes to `LayoutCache`.
/// Not Sendable: Pango objects stay on one thread.
final class LineShaper {
    /// A shaped line, positioned from its top-left corner; all lengths in Pango units.
    final class Line {
        let width: Int32
        let height: Int32
        /// The ink rectangle from the top-left corner of the line.
        let ink: PangoRectangle
        let shaped: GlyphBatch.Shaped
        /// Pango's glyphs of a whole paragraph, kept to break it into lines (`wrapped`).
        fileprivate let glyphs: UnsafeMutablePointer<PangoGlyphString>?

        fileprivate init(width: Int32, height: Int32, ink: PangoRectangle, shaped: GlyphBatch.Shaped,
                         glyphs: UnsafeMutablePointer<PangoGlyphString>?) {
            self.width = width; self.height = height; self.ink = ink; self.shaped = shaped; self.glyphs = glyphs
        }

        deinit {
            shaped.release()
            if let glyphs { pango_glyph_string_free(glyphs) }
        }
    }

    /// What a style's font needs to shape a line: the analyses of a Latin and of a common-only
    /// text, and which characters it can shape alone.
    private final class Face {
        let latin: UnsafeMutablePointer<PangoItem>
        let common: UnsafeMutablePointer<PangoItem>
        /// Per scalar below `Face.limit`: 0 not yet known, 1 not for this shaper, 2 common, 3 Latin.
        var kinds = [UInt8](repeating: 0, count: Face.limit)
        static let limit = 0x2200

        init(latin: UnsafeMutablePointer<PangoItem>, common: UnsafeMutablePointer<PangoItem>) {
            self.latin = latin
            self.common = common
        }

        deinit {
            pango_item_free(latin)
            pango_item_free(common)
        }

        /// The item whose analysis shapes `text`: Latin when it has a Latin letter; nil when a
        /// character is not for this shaper.
        func item(for text: String) -> UnsafeMutablePointer<PangoItem>? {
            var isLatin = false
            for scalar in text.unicodeScalars {
                switch kind(scalar.value) {
                    case 3: isLatin = true
                    case 2: continue
                    default: return nil
                }
            }
            return isLatin ? latin : common
        }

        /// What `scalar` is for this shaper (see `kinds`).
        func kind(_ scalar: UInt32) -> UInt8 {
            guard scalar < Face.limit else { return 1 }
            let known = kinds[Int(scalar)]
            if known != 0 { return known }
            let kind = Face.classify(scalar, font: latin.pointee.analysis.font)
            kinds[Int(scalar)] = kind
            return kind
        }

        private static func classify(_ scalar: UInt32, font: UnsafeMutablePointer<PangoFont>?) -> UInt8 {
            let printable = (0x20...0x7E).contains(scalar) || ((0xA0...0x24F).contains(scalar) && scalar != 0xAD)
                || (0x1E00...0x1EFF).contains(scalar) || (0x2010...0x2027).contains(scalar) || (0x202F...0x205E).contains(scalar)
                || (0x20A0...0x20C0).contains(scalar) || scalar == 0x2212
            guard printable, let font, pango_font_has_char(font, scalar) != 0 else { return 1 }
            return switch g_unichar_get_script(scalar) {
                case G_UNICODE_SCRIPT_LATIN: 3
                case G_UNICODE_SCRIPT_COMMON: 2
                default: 1
            }
        }
    }

    private let context: OpaquePointer  // PangoContext *, owned by FontContext
    /// By font: a style whose alignment is always `.left`.
    private var faces: [TextStyle: Face?] = [:]
    /// Shaped lines (and texts found to need a layout, as nil) by font and text. A session's sheet
    /// meets about a thousand texts of its own (names, phones, balances) between two uses of the
    /// amounts and prices every sheet shows: with 512 a generation, a quarter of a week's shapings
    /// were of a text shaped before and dropped (73,212 → 62,880 with 2,048; about 1.5 KB a line).
    private var lines = Generations<LayoutCache.Key, Line?>(size: 2048)
    /// Paragraphs broken into lines (or found to need a layout, as nil) by font, width and text.
    private var wraps = Generations<LayoutCache.Key, [Line]?>(size: 256)

    init(context: OpaquePointer) { self.context = context }

    /// `text` shaped on one line in `style`'s font (`description`), or nil when only a layout can
    /// place it; remembered, whatever the width and alignment it is asked for at.
    func line(_ text: String, style: TextStyle, description: OpaquePointer) -> Line? {
        let font = TextStyle(family: style.family, size: style.size, bold: style.bold)
        return lines.value(LayoutCache.Key(style: font, width: -1, height: -1, text: text)) { _ in
            shape(text, font: font, description: description)
        }
    }

    /// Frees every shaped line and face.
    func removeAll() {
        lines.removeAll()
        wraps.removeAll()
        faces = [:]
    }

    private func shape(_ text: String, font: TextStyle, description: OpaquePointer) -> Line? {
        guard !text.isEmpty, let item = face(font, description: description)?.item(for: text),
              let glyphs = pango_glyph_string_new() else { return nil }
        var utf8 = text
        let line = utf8.withUTF8 { bytes -> Line? in
            bytes.withMemoryRebound(to: CChar.self) { chars -> Line? in
                let length = Int32(chars.count)
                withUnsafePointer(to: item.pointee.analysis) { analysis in
                    pango_shape_with_flags(chars.baseAddress, length, chars.baseAddress, length, analysis, glyphs, PANGO_SHAPE_NONE)
                }
                return Self.line(glyphs, text: chars.baseAddress!, length: length, item: item, keep: true)
            }
        }
        if line == nil { pango_glyph_string_free(glyphs) }
        return line
    }

    /// The line of `glyphs`, the shaping of `length` bytes of `text` with `item`'s analysis;
    /// `keep` hands the glyphs over to it (else they stay the caller's). Nil when a glyph is missing.
    private static func line(_ glyphs: UnsafeMutablePointer<PangoGlyphString>, text: UnsafePointer<CChar>, length: Int32,
                             item: UnsafeMutablePointer<PangoItem>, keep: Bool) -> Line? {
        guard let font = item.pointee.analysis.font else { return nil }
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_glyph_string_extents(glyphs, font, &ink, &logical)
        ink.y -= logical.y  // from the baseline to the top of the line
        guard let run = GlyphBatch.run(glyphs, font: font, text: text, length: length,
                                       x: 0, baseline: -Double(logical.y) / Double(PANGO_SCALE)) else { return nil }
        let runs = run.glyphs.isEmpty ? [] : [run]
        for run in runs { cairo_scaled_font_reference(run.font) }
        return Line(width: logical.width, height: logical.height, ink: ink, shaped: GlyphBatch.Shaped(runs: runs), glyphs: keep ? glyphs : nil)
    }

    /// `text`, one paragraph wider than `room` (Pango units), in `style`'s font broken into lines
    /// where a layout `room` wide breaks it, each line the glyphs of its characters; remembered.
    /// Nil when only a layout can place it: a break Pango could take elsewhere than after a space
    /// (a hyphen, a slash…), a word wider than the room (Pango then breaks inside it), a leading
    /// or trailing space, or a text the line shaper does not take.
    func wrapped(_ text: String, style: TextStyle, description: OpaquePointer, room: Int32) -> [Line]? {
        let font = TextStyle(family: style.family, size: style.size, bold: style.bold)
        return wraps.value(LayoutCache.Key(style: font, width: room, height: -1, text: text)) { _ in
            guard room > 0, let whole = line(text, style: font, description: description), let glyphs = whole.glyphs,
                  let item = face(font, description: description)?.item(for: text) else { return nil }
            var utf8 = text
            return utf8.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    withExtendedLifetime(whole) { Self.wrap(chars, glyphs: glyphs, item: item, room: room) }
                }
            }
        }
    }

    /// Pango 1.50's word wrapping of a one-item paragraph (`process_item` in pango-layout.c): each
    /// line takes the most characters whose widths (from the whole paragraph's `glyphs`) fit the
    /// room, ending at a break opportunity, the space before the break not counted (Pango then
    /// empties its glyph); the rest of the paragraph starts the next line. Each line is the glyphs
    /// of its characters: LineShaperTests compares them with those of Pango's layouts, which shape
    /// each line again.
    private static func wrap(_ paragraph: UnsafeBufferPointer<CChar>, glyphs: UnsafeMutablePointer<PangoGlyphString>,
                             item: UnsafeMutablePointer<PangoItem>, room: Int32) -> [Line]? {
        guard let base = paragraph.baseAddress, paragraph.first != 0x20, paragraph.last != 0x20 else { return nil }
        // Each character's first byte, then the end.
        var offsets: [Int] = []
        offsets.reserveCapacity(paragraph.count + 1)
        for (offset, byte) in paragraph.enumerated() where UInt8(bitPattern: byte) & 0xC0 != 0x80 { offsets.append(offset) }
        let count = offsets.count
        offsets.append(paragraph.count)
        var attributes = [PangoLogAttr](repeating: PangoLogAttr(), count: count + 1)
        pango_get_log_attrs(base, Int32(paragraph.count), 0, item.pointee.analysis.language, &attributes, Int32(count + 1))
        // Every break Pango may take is after a space and before a character that is not blank.
        for position in 1..<count where attributes[position].is_line_break != 0 {
            guard paragraph[offsets[position] - 1] == 0x20, attributes[position].is_white == 0,
                  attributes[position].break_inserts_hyphen == 0 else { return nil }
        }
        var widths = [Int32](repeating: 0, count: count)
        pango_glyph_string_get_logical_widths(glyphs, base, Int32(paragraph.count), 0, &widths)
        var lines: [Line] = []
        var start = 0
        var glyph = 0  // the first glyph of the line
        while true {
            if widths[start...].reduce(0, +) <= room {
                guard let line = slice(glyphs, from: glyph, text: base, start: offsets[start], end: paragraph.count, item: item, wrapped: false)
                else { return nil }
                lines.append(line.line)
                return lines
            }
            // The characters the line takes: the last break before they no longer fit.
            var taken: Int?
            var width: Int32 = 0
            for characters in 0 ..< count - start {
                let extra = characters > 0 && attributes[start + characters - 1].is_white != 0 ? -widths[start + characters - 1] : 0
                let fits = width + extra <= room
                if !fits, taken != nil { break }
                if characters > 0, attributes[start + characters].is_line_break != 0 {
                    guard fits else { return nil }  // the first word alone is too wide: Pango breaks inside it
                    taken = characters
                }
                width += widths[start + characters]
            }
            guard let taken, let line = slice(glyphs, from: glyph, text: base, start: offsets[start], end: offsets[start + taken],
                                              item: item, wrapped: true), line.line.width <= room else { return nil }
            lines.append(line.line)
            start += taken
            glyph = line.next
        }
    }

    /// The line of the glyphs from `first` that stand for the bytes `start..<end` of `text`, and
    /// the glyph after them. A `wrapped` line ends with the space where the layout breaks the
    /// paragraph, whose glyph Pango empties (no width, no ink, left out of the text); nil when that
    /// space shares a cluster, or a glyph is missing.
    private static func slice(_ glyphs: UnsafeMutablePointer<PangoGlyphString>, from first: Int, text: UnsafePointer<CChar>,
                              start: Int, end: Int, item: UnsafeMutablePointer<PangoItem>, wrapped: Bool) -> (line: Line, next: Int)? {
        let all = glyphs.pointee
        var next = first
        while next < Int(all.num_glyphs), all.log_clusters[next] < Int32(end) { next += 1 }
        guard next > first, all.log_clusters[first] == Int32(start), let slice = pango_glyph_string_new() else { return nil }
        defer { pango_glyph_string_free(slice) }
        let count = next - first
        pango_glyph_string_set_size(slice, Int32(count))
        slice.pointee.glyphs.update(from: all.glyphs + first, count: count)
        for index in 0..<count { slice.pointee.log_clusters[index] = all.log_clusters[first + index] - Int32(start) }
        if wrapped {
            let last = count - 1
            guard last == 0 || slice.pointee.log_clusters[last] != slice.pointee.log_clusters[last - 1] else { return nil }
            slice.pointee.glyphs[last].glyph = PANGO_GLYPH_EMPTY
            slice.pointee.glyphs[last].geometry.width = 0
        }
        guard let line = line(slice, text: text + start, length: Int32(end - start), item: item, keep: false) else { return nil }
        return (line, next)
    }

    /// The face of `font` (a style aligned left), made on first use; nil if Pango does not
    /// itemize a letter and a digit of it into single items of its own font.
    private func face(_ font: TextStyle, description: OpaquePointer) -> Face? {
        if let face = faces[font] { return face }
        let face = item("a", description: description).flatMap { latin -> Face? in
            guard let common = item("0", description: description) else {
                pango_item_free(latin)
                return nil
            }
            guard latin.pointee.analysis.font == common.pointee.analysis.font else {
                pango_item_free(latin)
                pango_item_free(common)
                return nil
            }
            return Face(latin: latin, common: common)
        }
        faces[font] = face
        return face
    }

    /// The one item Pango makes of `text` in `description`, with its analysis (font, script,
    /// language, level) as a layout of that text would have it.
    private func item(_ text: String, description: OpaquePointer) -> UnsafeMutablePointer<PangoItem>? {
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        pango_attr_list_insert(attributes, pango_attr_font_desc_new(description))
        guard var list = pango_itemize_with_base_dir(context, PANGO_DIRECTION_LTR, text, 0, Int32(text.utf8.count), attributes, nil)
        else { return nil }
        defer { g_list_free(list) }
        guard list.pointee.next == nil, let data = list.pointee.data else {
            while true {
                if let data = list.pointee.data { pango_item_free(data.assumingMemoryBound(to: PangoItem.self)) }
                guard let next = list.pointee.next else { break }
                list = next
            }
            return nil
        }
        let item = data.assumingMemoryBound(to: PangoItem.self)
        guard item.pointee.analysis.level == 0, item.pointee.analysis.font != nil else {
            pango_item_free(item)
            return nil
        }
        return item
    }
}
