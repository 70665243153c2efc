/// How a run of text looks; the renderer maps `family` to a font bundled in `Fonts/`.
public struct TextStyle: Sendable, Hashable {
    public enum Family: String, Sendable, Hashable, CaseIterable {
        case sans = "DejaVu Sans", condensed = "DejaVu Sans Condensed"

        /// The case as a number, for `TextStyle`'s `==` and hash.
        var number: UInt8 {
            switch self {
                case .sans: 0
                case .condensed: 1
            }
        }
    }
    public enum Alignment: Sendable, Hashable { case left, center, right }

    public var family: Family
    public var size: Double
    public var bold: Bool
    public var alignment: Alignment

    public init(family: Family = .condensed, size: Double = 9, bold: Bool = false, alignment: Alignment = .left) {
        self.family = family; self.size = size; self.bold = bold; self.alignment = alignment
    }

    /// Compared and hashed by the family's case, not its name (a `String` raw value compares and
    /// hashes its text): styles key every text cache lookup while laying out a sheet.
    public static func == (a: TextStyle, b: TextStyle) -> Bool {
        a.family.number == b.family.number && a.size == b.size && a.bold == b.bold && a.alignment == b.alignment
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(family.number)
        hasher.combine(size)
        hasher.combine(bold)
        hasher.combine(alignment)
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
