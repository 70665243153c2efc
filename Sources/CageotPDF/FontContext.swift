import CCairo
import CPango
import CageotLayout
import Foundation

/// The fonts of one folder, set up for Pango exactly as the PDF renderer draws them.
///
/// Not Sendable: Pango contexts and layouts must stay on one thread, so make one per thread or task.
///
/// Text is set at 72 dpi (9 pt is 9 PDF points) with glyph-position rounding and hinting off, so a
/// measurement made here matches what the renderer draws to the 1/1024 pt. Shaped layouts are
/// cached by content and reused (see `LayoutCache`), so measuring a cell and then drawing it, or
/// drawing the same price on every row, shapes the text once.
public final class FontContext {
    /// The folder whose fonts this context sees (and no other).
    public let fontsDirectory: URL

    private let config: PrivateFontConfig
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer  // PangoContext *
    private let cache: LayoutCache
    private let lines: LineShaper

    /// Loads the fonts of `fontsDirectory`; throws when the folder is missing or lacks the DejaVu families.
    public init(fontsDirectory: URL) throws(FontError) {
        self.fontsDirectory = fontsDirectory
        config = try PrivateFontConfig(fontsDirectory: fontsDirectory)
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw FontError(directory: fontsDirectory.path, reason: "Pango has no FreeType font map")
        }
        fontMap = map
        // PANGO_FC_FONT_MAP() is a macro Swift does not import: the FT cairo map is a PangoFcFontMap.
        pango_fc_font_map_set_config(OpaquePointer(map), config.handle)
        guard let context = pango_font_map_create_context(map) else {
            g_object_unref(map)
            throw FontError(directory: fontsDirectory.path, reason: "Pango could not create a context")
        }
        self.context = context
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)  // copies them
        cairo_font_options_destroy(options)
        cache = LayoutCache(context: context)
        lines = LineShaper(context: context)
    }

    deinit {
        // Layouts first (the cache goes with this object, but they reference the context).
        cache.removeAll()
        lines.removeAll()
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
        // `config` is released after this body, once Pango has dropped its reference.
    }

    /// A layout of `text` in `style` wrapped at `width` (unwrapped when nil) and ellipsized at the
    /// end past `maxHeight` (unlimited when nil). Valid until the next call.
    func layout(_ text: String, style: TextStyle, width: Double?, maxHeight: Double?) -> OpaquePointer {
        entry(text, style: style, width: width, maxHeight: maxHeight).layout
    }

    /// `text` in `style` placed in a frame `width` wide (unwrapped when nil) and ellipsized past
    /// `maxHeight` (unlimited when nil): shaped lines when it is plain text whose every line fits
    /// (see `LineShaper`), else a layout. Valid until the next call.
    func placed(_ text: String, style: TextStyle, width: Double?, maxHeight: Double?) -> PlacedText {
        if maxHeight == nil, let placed = shapedLines(text, style: style, width: width) { return placed }
        return .layout(entry(text, style: style, width: width, maxHeight: maxHeight))
    }

    /// `text`'s paragraphs (split at `\n`, as Pango splits them) placed one under the other as a
    /// layout `width` wide would place them (aligned on the widest line when nil): a plain one
    /// that fits is shaped alone, one that does not is broken into lines shaped alone where Pango
    /// breaks it (`LineShaper.wrapped`), else (when there is a width) gets a layout of its own.
    /// Nil (the whole text is then one layout) when none would be shaped alone, or one is empty,
    /// or one that does not fit ends with a space or there is no width to wrap it at.
    private func shapedLines(_ text: String, style: TextStyle, width: Double?) -> PlacedText? {
        let description = cache.description(style)
        let room = width.map { pango_units_from_double($0) }
        guard text.utf8.contains(UInt8(ascii: "\n")) else {
            guard let line = lines.line(text, style: style, description: description) else { return nil }
            guard let room, line.width > room else {
                return .line(line, offset: Self.offset(of: line.width, in: room ?? line.width, alignment: style.alignment))
            }
            guard let wrapped = lines.wrapped(text, style: style, description: description, room: room) else { return nil }
            return .paragraphs(wrapped.map { .line($0, offset: Self.offset(of: $0.width, in: room, alignment: style.alignment)) })
        }
        // Each paragraph's lines; none when it needs a layout of its own.
        var shaped: [(paragraph: String, lines: [LineShaper.Line])] = []
        for piece in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let paragraph = String(Substring(piece))
            guard let last = paragraph.unicodeScalars.last else { return nil }
            let line = lines.line(paragraph, style: style, description: description)
            if let line, line.width <= room ?? line.width {
                shaped.append((paragraph, [line]))
            } else {
                // Wrapped alone, a paragraph ending in a space does not break as it does before a
                // newline in the whole layout.
                guard let room, !last.properties.isWhitespace else { return nil }
                let wrapped = line == nil ? nil : lines.wrapped(paragraph, style: style, description: description, room: room)
                shaped.append((paragraph, wrapped ?? []))
            }
        }
        guard shaped.contains(where: { !$0.lines.isEmpty }) else { return nil }
        let widest = shaped.reduce(0) { widest, paragraph in paragraph.lines.reduce(widest) { max($0, $1.width) } }
        return .paragraphs(shaped.flatMap { paragraph, lines -> [PlacedText] in
            // A paragraph is left to a layout only when there is a width (`room`) to wrap it at.
            guard !lines.isEmpty else { return [.layout(cache.entry(paragraph, style: style, width: room ?? -1, height: -1))] }
            return lines.map { .line($0, offset: Self.offset(of: $0.width, in: room ?? widest, alignment: style.alignment)) }
        })
    }

    /// Where a line `width` long starts in a layout `room` wide (Pango units), as Pango places it: centred lines start on a whole point when both lengths are whole points.
    private static func offset(of width: Int32, in room: Int32, alignment: TextStyle.Alignment) -> Int32 {
        switch alignment {
            case .left: return 0
            case .right: return room - width
            case .center:
                let offset = (room - width) / 2
                return (room | width) & (PANGO_SCALE - 1) == 0 ? (offset + PANGO_SCALE / 2) & ~(PANGO_SCALE - 1) : offset
        }
    }

    /// The cache entry of `layout(_:style:width:maxHeight:)`, with the layout's glyphs for drawing.
    func entry(_ text: String, style: TextStyle, width: Double?, maxHeight: Double?) -> LayoutCache.Entry {
        let height: Int32 = if let maxHeight, width != nil { max(1, pango_units_from_double(maxHeight)) } else { -1 }
        return cache.entry(text, style: style, width: width.map { pango_units_from_double($0) } ?? -1, height: height)
    }
}
