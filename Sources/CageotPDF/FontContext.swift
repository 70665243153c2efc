import CCairo
import CPango
import CageotLayout
import Foundation

/// The fonts of one folder, set up for Pango exactly as the PDF renderer draws them.
///
/// Not Sendable: Pango contexts and layouts must stay on one thread, so make one per thread or task.
///
/// Text is set at 72 dpi (9 pt is 9 PDF points) with glyph-position rounding and hinting off, so a
/// measurement made here matches what the renderer draws to the 1/1024 pt. Each `TextStyle` gets one
/// `PangoLayout`, created on first use and reused (it holds that style's font description), because
/// creating layouts per cell is the measured hot spot.
public final class FontContext {
    /// The folder whose fonts this context sees (and no other).
    public let fontsDirectory: URL

    private let config: PrivateFontConfig
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer  // PangoContext *
    private var layouts: [TextStyle: OpaquePointer] = [:]  // PangoLayout *
    private var lastStyle: TextStyle?
    private var lastLayout: OpaquePointer?

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
    }

    deinit {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
        // `config` is released after this body, once Pango has dropped its reference.
    }

    /// The shared layout of `style`, now holding `text` wrapped at `width` (unwrapped when nil) and
    /// ellipsized at the end past `maxHeight` (unlimited when nil). Valid until the next call.
    func layout(_ text: String, style: TextStyle, width: Double?, maxHeight: Double?) -> OpaquePointer {
        let layout = layout(for: style)
        pango_layout_set_width(layout, width.map { pango_units_from_double($0) } ?? -1)
        if let maxHeight, width != nil {
            pango_layout_set_height(layout, max(1, pango_units_from_double(maxHeight)))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        } else {
            pango_layout_set_height(layout, -1)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE)
        }
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        return layout
    }

    private func layout(for style: TextStyle) -> OpaquePointer {
        if let lastLayout, style == lastStyle { return lastLayout }
        let layout = layouts[style] ?? makeLayout(style)
        lastStyle = style
        lastLayout = layout
        return layout
    }

    private func makeLayout(_ style: TextStyle) -> OpaquePointer {
        let layout = pango_layout_new(context)!
        let description = pango_font_description_new()
        pango_font_description_set_family(description, style.family.rawValue)
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_size(description, pango_units_from_double(style.size))
        pango_layout_set_font_description(layout, description)  // copies it
        pango_font_description_free(description)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let alignment: PangoAlignment = switch style.alignment {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, alignment)
        layouts[style] = layout
        return layout
    }
}
