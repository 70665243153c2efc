import CPango
import CageotLayout

/// Measures text with Pango through the same `FontContext` (and so the same layouts and font
/// settings) the PDF renderer draws with. Not Sendable, like its `FontContext`.
public final class PangoTextMeasurer: TextMeasurer {
    public let fonts: FontContext

    public init(fonts: FontContext) { self.fonts = fonts }

    /// The logical size of `text` in points, wrapped at word boundaries (anywhere inside a word too
    /// long for a line) when `width` is given.
    public func measure(_ text: String, style: TextStyle, width: Double?) -> Size {
        let logical = fonts.placed(text, style: style, width: width, maxHeight: nil).extents.logical
        return Size(width: Double(logical.width) / Double(PANGO_SCALE), height: Double(logical.height) / Double(PANGO_SCALE))
    }
}
