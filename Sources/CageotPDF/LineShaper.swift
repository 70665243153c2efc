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
/// `PangoLayout` in LineShaperTests). Anything else goes to `LayoutCache`.
/// Not Sendable: Pango objects stay on one thread.
final class LineShaper {
    /// A shaped line, positioned from its top-left corner; all lengths in Pango units.
    final class Line {
        let width: Int32
        let height: Int32
        /// The ink rectangle from the top-left corner of the line.
        let ink: PangoRectangle
        let shaped: GlyphBatch.Shaped

        init(width: Int32, height: Int32, ink: PangoRectangle, shaped: GlyphBatch.Shaped) {
            self.width = width; self.height = height; self.ink = ink; self.shaped = shaped
        }

        deinit { shaped.release() }
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
    /// Shaped lines (and texts found to need a layout, as nil) by font and text.
    private var lines = Generations<LayoutCache.Key, Line?>(size: 512)

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
        faces = [:]
    }

    private func shape(_ text: String, font: TextStyle, description: OpaquePointer) -> Line? {
        guard !text.isEmpty, let face = face(font, description: description) else { return nil }
        var latin = false
        for scalar in text.unicodeScalars {
            switch face.kind(scalar.value) {
                case 3: latin = true
                case 2: continue
                default: return nil
            }
        }
        let item = latin ? face.latin : face.common
        guard let font = item.pointee.analysis.font, let glyphs = pango_glyph_string_new() else { return nil }
        defer { pango_glyph_string_free(glyphs) }
        var utf8 = text
        return utf8.withUTF8 { bytes -> Line? in
            bytes.withMemoryRebound(to: CChar.self) { chars -> Line? in
                let length = Int32(chars.count)
                withUnsafePointer(to: item.pointee.analysis) { analysis in
                    pango_shape_with_flags(chars.baseAddress, length, chars.baseAddress, length, analysis, glyphs, PANGO_SHAPE_NONE)
                }
                var ink = PangoRectangle()
                var logical = PangoRectangle()
                pango_glyph_string_extents(glyphs, font, &ink, &logical)
                ink.y -= logical.y  // from the baseline to the top of the line
                guard let run = GlyphBatch.run(glyphs, font: font, text: chars.baseAddress!, length: length,
                                               x: 0, baseline: -Double(logical.y) / Double(PANGO_SCALE)) else { return nil }
                let runs = run.glyphs.isEmpty ? [] : [run]
                for run in runs { cairo_scaled_font_reference(run.font) }
                return Line(width: logical.width, height: logical.height, ink: ink, shaped: GlyphBatch.Shaped(runs: runs))
            }
        }
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
