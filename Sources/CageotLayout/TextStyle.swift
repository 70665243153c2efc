/// How a run of text looks; the renderer maps `family` to a font bundled in `Fonts/`.
public struct TextStyle: Sendable, Hashable {
    public enum Family: String, Sendable, Hashable, CaseIterable { case sans = "DejaVu Sans", condensed = "DejaVu Sans Condensed" }
    public enum Alignment: Sendable, Hashable { case left, center, right }

    public var family: Family
    public var size: Double
    public var bold: Bool
    public var alignment: Alignment

    public init(family: Family = .condensed, size: Double = 9, bold: Bool = false, alignment: Alignment = .left) {
        self.family = family; self.size = size; self.bold = bold; self.alignment = alignment
    }

    public func with(bold: Bool? = nil, size: Double? = nil, alignment: Alignment? = nil) -> TextStyle {
        var copy = self
        if let bold { copy.bold = bold }
        if let size { copy.size = size }
        if let alignment { copy.alignment = alignment }
        return copy
    }
}

/// Measures text the way the renderer will draw it. The PDF module implements it with Pango;
/// layout tests use a fixed-width fake, so geometry is testable without a font file.
public protocol TextMeasurer {
    /// The size of `text` laid out in `style`, wrapped at word boundaries to `width` when given
    /// (a word longer than the width is broken anywhere). Lines are separated by `\n`.
    func measure(_ text: String, style: TextStyle, width: Double?) -> Size
}
