/// The choices behind a classic-contract sign-in grid (`cageot sheet --catalog`): what the basket
/// and contact columns show, how dates are written, the paper and the type size.
public struct ContractGridOptions: Sendable, Hashable, Codable {
    /// The basket as one text column (`1 × Panier de légumes - petit, 2 × Œufs (boîte de 12)`),
    /// or one quantity column per product.
    public enum Basket: String, Sendable, Hashable, Codable, CaseIterable { case oneColumn, perProduct }
    /// No contact column, the phones, or the phones and the e-mail address (two columns).
    /// Phones are never printed when the group hides them (`"Group".flags` bit 6).
    public enum Contact: String, Sendable, Hashable, Codable, CaseIterable { case none, phone, phoneAndEmail }
    /// Column headers written `03/12` or `jeu. 3 déc.`.
    public enum DateFormat: String, Sendable, Hashable, Codable, CaseIterable { case short, long }
    public enum Orientation: String, Sendable, Hashable, Codable, CaseIterable { case landscape, portrait }

    /// The type sizes the layout accepts; a size outside is brought back inside.
    public static let fontSizes: ClosedRange<Double> = 6...12

    public var basket: Basket
    public var contact: Contact
    public var dateFormat: DateFormat
    public var orientation: Orientation
    /// The body text size in points (names, basket, contacts); headers and marks follow it.
    public var fontSize: Double

    public init(basket: Basket = .oneColumn, contact: Contact = .phone, dateFormat: DateFormat = .short,
                orientation: Orientation = .landscape, fontSize: Double = 8) {
        self.basket = basket; self.contact = contact; self.dateFormat = dateFormat
        self.orientation = orientation; self.fontSize = fontSize
    }
}
