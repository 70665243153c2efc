/// A product as a catalog offers it; prices in thousandths of a euro so that sums stay exact.
struct ProductTemplate: Sendable {
    var name: String
    var ref: String?
    var priceMilli: Int
    /// The price before this season's increase, frozen in the first weeks' order lines.
    var oldPriceMilli: Int? = nil
    var vat: Double = 5.5
    var qt: Double?
    var unitType: Int?
    var organic = false
    var variablePrice = false
    var multiWeight = false
    var bulk = false
    var active = true
}
