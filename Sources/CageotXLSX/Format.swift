/// The look of a cell as a value; the workbook creates one libxlsxwriter format per distinct value.
///
/// Built by chaining: `Format().bold().background(.lightGray).border(.thin)`.
public struct Format: Sendable, Hashable {
    /// `1 234,56 €` in a French Excel (the separators follow the reader's locale).
    public static let euroNumberFormat = #"#,##0.00\ "€""#
    /// `31/12/2025`.
    public static let dateNumberFormat = "dd/mm/yyyy"

    public var isBold = false
    public var isItalic = false
    /// Points; nil keeps the workbook default (11).
    public var fontSize: Double?
    public var numberFormat: String?
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?
    public var wrapsText = false
    public var border: Border?
    public var backgroundColor: Color?

    public init() {}

    public func bold(_ on: Bool = true) -> Format { with { $0.isBold = on } }
    public func italic(_ on: Bool = true) -> Format { with { $0.isItalic = on } }
    public func fontSize(_ points: Double) -> Format { with { $0.fontSize = points } }
    public func numberFormat(_ format: String) -> Format { with { $0.numberFormat = format } }
    public func align(_ alignment: HorizontalAlignment) -> Format { with { $0.horizontalAlignment = alignment } }
    public func align(vertical alignment: VerticalAlignment) -> Format { with { $0.verticalAlignment = alignment } }
    public func wrap(_ on: Bool = true) -> Format { with { $0.wrapsText = on } }
    public func border(_ border: Border) -> Format { with { $0.border = border } }
    public func background(_ color: Color) -> Format { with { $0.backgroundColor = color } }

    private func with(_ change: (inout Format) -> Void) -> Format {
        var copy = self
        change(&copy)
        return copy
    }

    public enum HorizontalAlignment: Sendable, Hashable { case left, center, right }
    public enum VerticalAlignment: Sendable, Hashable { case top, center, bottom }
    /// A border on all four sides of the cell.
    public enum Border: Sendable, Hashable { case thin, medium, thick, dotted, dashed, double }

    /// An RGB colour, e.g. `Color(rgb: 0xD9D9D9)`.
    public struct Color: Sendable, Hashable {
        public var rgb: UInt32
        public init(rgb: UInt32) { self.rgb = rgb & 0xFF_FFFF }
        public static let lightGray = Color(rgb: 0xD9D9D9)
        public static let lightGreen = Color(rgb: 0xE2EFDA)
        public static let lightYellow = Color(rgb: 0xFFF2CC)
    }
}
