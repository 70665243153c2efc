import CPango
import CageotLayout
import Foundation

/// Shaped Pango layouts by content (style, width, height limit, text), so text that repeats on a
/// sheet — products, prices, quantities, and the measure-then-draw of every cell — is shaped once.
///
/// Kept in two `Generations`: the layouts the older one drops become spares, reused for new
/// entries instead of allocating (creating layouts per cell is the measured hot spot).
/// Not Sendable: Pango objects stay on one thread.
final class LayoutCache {
    /// The text is compared and hashed by its UTF-8 bytes, the very bytes Pango shapes: String's
    /// own `==` and hash normalize any text with a non-ASCII character (every price has its € and
    /// no-break space), which made the lookups a visible part of a sheet's time.
    struct Key: Hashable {
        var style: TextStyle
        var width: Int32  // Pango units, -1 for no wrapping
        var height: Int32  // Pango units, -1 for no limit
        var text: String

        static func == (a: Key, b: Key) -> Bool {
            guard a.width == b.width, a.height == b.height, a.style == b.style else { return false }
            let same = a.text.utf8.withContiguousStorageIfAvailable { x in
                b.text.utf8.withContiguousStorageIfAvailable { y in
                    x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
                }
            }
            return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(style)
            hasher.combine(width)
            hasher.combine(height)
            hasher.combine(text.utf8.count)
            if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    /// A cached layout, and its glyphs once the drawer asked for them.
    final class Entry {
        let layout: OpaquePointer  // PangoLayout *
        /// nil until asked for; then the glyphs, or nil inside when only Pango can draw the layout.
        private var shaped: GlyphBatch.Shaped??

        init(layout: OpaquePointer) { self.layout = layout }

        deinit {
            shaped??.release()
            g_object_unref(UnsafeMutableRawPointer(layout))
        }

        /// The layout's glyphs, worked out once; nil when only Pango can draw it.
        var glyphs: GlyphBatch.Shaped? {
            if let shaped { return shaped }
            let made = GlyphBatch.shape(layout)
            shaped = .some(made)
            return made
        }

        /// Forgets the glyphs before the layout takes another text.
        func reset() {
            shaped??.release()
            shaped = nil
        }
    }

    private let context: OpaquePointer  // PangoContext *, owned by FontContext
    private var entries: Generations<Key, Entry>
    private var spares: [Entry] = []
    private var descriptions: [TextStyle: OpaquePointer] = [:]  // PangoFontDescription *

    init(context: OpaquePointer, generationSize: Int = 512) {
        self.context = context
        entries = Generations(size: generationSize)
    }

    deinit { removeAll() }

    /// Frees every layout and font description.
    func removeAll() {
        for description in descriptions.values { pango_font_description_free(description) }
        entries.removeAll()
        spares = []
        descriptions = [:]
    }

    /// A layout holding `text`; it stays valid until the next call.
    func entry(_ text: String, style: TextStyle, width: Int32, height: Int32) -> Entry {
        entries.value(Key(style: style, width: width, height: height, text: text), make: make) { spares += $0 }
    }

    private func make(_ key: Key) -> Entry {
        let entry: Entry
        if let spare = spares.popLast() {
            spare.reset()
            entry = spare
        } else {
            entry = Entry(layout: pango_layout_new(context)!)
        }
        let layout = entry.layout
        pango_layout_set_font_description(layout, description(key.style))  // copied; a no-op when equal
        let alignment: PangoAlignment = switch key.style.alignment {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, alignment)
        // Every paragraph starts left to right: with Pango's automatic direction, a phone number
        // under an Arabic name would take that name's direction and print backwards. Right-to-left
        // words are still shaped right to left inside the line.
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_width(layout, key.width)
        pango_layout_set_height(layout, key.height)
        // Pango needs a height limit and an ellipsis mode together (and a width for either to act).
        pango_layout_set_ellipsize(layout, key.height >= 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE)
        pango_layout_set_text(layout, key.text, Int32(key.text.utf8.count))
        return entry
    }

    /// The font description of `style` (owned by the cache).
    func description(_ style: TextStyle) -> OpaquePointer {
        if let description = descriptions[style] { return description }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.family.rawValue)
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_size(description, pango_units_from_double(style.size))
        descriptions[style] = description
        return description
    }
}
