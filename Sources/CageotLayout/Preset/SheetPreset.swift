import CageotCore

/// A named layout for sign-in sheets, as read from a file in `layouts/` (see docs/layouts.md).
/// Every field has a default, so a preset only says what differs.
public struct SheetPreset: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case session, grid, variable, matrix }
    public enum Variant: String, Sendable, Hashable, CaseIterable {
        case all, short, householdPerPage = "household-per-page", byContract = "by-contract"
    }
    public enum Paper: String, Sendable, Hashable, CaseIterable {
        case a4 = "A4", a3 = "A3", letter = "Letter"
        /// Portrait size in points.
        public var size: Size {
            switch self {
            case .a4: .a4Portrait
            case .a3: Size(width: 841.8898, height: 1190.5512)
            case .letter: Size(width: 612, height: 792)
            }
        }
    }
    public enum Orientation: String, Sendable, Hashable, CaseIterable { case portrait, landscape }
    public enum NameFormat: String, Sendable, Hashable, CaseIterable { case full, abbreviated }
    public enum SortOrder: String, Sendable, Hashable, CaseIterable { case surname, basket }
    public enum Grouping: String, Sendable, Hashable, CaseIterable { case none, contract }
    public enum Block: String, Sendable, Hashable, CaseIterable {
        case logo, volunteers, notes, walkIns = "walk-ins"
        /// Under the title: the group's main contact, the contracts' coordinators and farmers.
        case contacts
        /// After the notes: the volunteer slots of the next `planningSessions` sessions.
        case planning
        /// A last page: what changed since the previous session.
        case changes
    }

    /// A column of the session table: which field, its title and width (nil = automatic).
    public struct Column: Sendable, Hashable {
        public enum Field: String, Sendable, Hashable, CaseIterable {
            case basket, household, phone, quantity, product, contract
            case unitPrice = "unit-price", amount, total, signature
        }
        public var field: Field
        public var title: String
        public var widthMM: Double?
        public init(_ field: Field, title: String? = nil, widthMM: Double? = nil) {
            self.field = field
            self.title = title ?? field.defaultTitle
            self.widthMM = widthMM
        }
    }

    public var name = "default"
    public var kind: Kind = .session
    public var variant: Variant = .all
    public var paper: Paper = .a4
    public var orientation: Orientation = .portrait
    /// When the columns do not fit: shrink to `minFontSize`, then landscape, then A3.
    public var fallback = true
    public var marginsMM = Margins(top: 10, right: 10, bottom: 10, left: 10)
    public var fontFamily: TextStyle.Family = .condensed
    public var fontSize = 9.0
    public var minFontSize = 7.0
    /// The least height of a table row.
    public var rowHeightMM = 0.0
    public var signatureWidthMM = 30.0
    public var signatureHeightMM = 10.0
    public var columns: [Column] = Column.Field.sessionDefault.map { Column($0) }
    public var names: NameFormat = .full
    public var phones = true
    public var sort: SortOrder = .surname
    public var zebra = false
    /// One section per contract (its households and their lines in it), optionally a page each.
    public var groupBy: Grouping = .none
    public var pageBreakPerGroup = false
    public var title = "{group}"
    public var subtitle = "Feuille d'émargement — {when}"
    public var footer = "{group} — {date} — page {page} / {pages}"
    public var blocks: [Block] = [.logo, .volunteers, .notes]
    /// Blank rows at the end for members who did not order (walk-ins), when the block is shown.
    public var walkInRows = 0
    /// How many sessions to come the `planning` block shows (0 to 12).
    public var planningSessions = 4
    /// Classic-contract grids: the basket as one column or one column per product, the contact
    /// columns, and how dates head the columns.
    public var gridBasket: ContractGridOptions.Basket = .oneColumn
    public var gridContact: ContractGridOptions.Contact = .phone
    public var gridDateFormat: ContractGridOptions.DateFormat = .short

    public struct Margins: Sendable, Hashable {
        public var top, right, bottom, left: Double
        public init(top: Double, right: Double, bottom: Double, left: Double) {
            self.top = top; self.right = right; self.bottom = bottom; self.left = left
        }
    }

    public init() {}

    /// The preset `cageot sheet` uses for a kind when none is named and the group has none.
    public static func defaultName(for kind: Kind) -> String {
        switch kind {
        case .session: "all"
        case .grid: "grid"
        case .variable: "variable"
        case .matrix: "matrix"
        }
    }

    /// Millimetres to points.
    public static func points(_ mm: Double) -> Double { mm * 72 / 25.4 }
}

extension SheetPreset.Column.Field {
    public static let sessionDefault: [Self] = [.basket, .household, .quantity, .product, .unitPrice, .amount, .total, .signature]

    public var defaultTitle: String {
        switch self {
        case .basket: "N°"
        case .household: "Foyer"
        case .phone: "Téléphone"
        case .quantity: "Qté"
        case .product: "Produit"
        case .contract: "Contrat"
        case .unitPrice: "Prix u."
        case .amount: "Montant"
        case .total: "Total"
        case .signature: "Signature"
        }
    }

    /// Fields that print money, left out of the `short` variant.
    public var isPrice: Bool { self == .unitPrice || self == .amount || self == .total }
}
