import CageotCore
import Foundation

/// Reads CAMAP's tables into Cageot's value types. Read-only: every statement here is a SELECT.
public struct CamapStore {
    public let connection: Connection

    public init(_ connection: Connection) { self.connection = connection }
}

/// A requested CAMAP row does not exist.
public struct NotFound: Error, CustomStringConvertible, Sendable, Equatable {
    public var entity: String
    public var id: Int
    public init(entity: String, id: Int) { self.entity = entity; self.id = id }
    public var description: String {
        let listing = entity.contains("session") ? " (`cageot sessions` lists the sessions)" : ""
        return "no \(entity) with id \(id) in this database. Check the id\(listing)."
    }
}

extension Row {
    /// Beyond this, a double column holds no quantity, price, rate or amount CAMAP can mean (a
    /// billion euros or kilograms), and products and sums of such values would overflow the 64-bit
    /// cents of `Money` (a trap, the whole batch lost): the row is refused, naming its column.
    static let largestMagnitude = Decimal(1_000_000_000)
    /// The most an order line may cost (quantity × unit price), 10^10 €: a session or a season
    /// would need millions of such lines before its total overflowed.
    static let largestLineAmount = Decimal(10_000_000_000)

    /// A decimal read from a double precision column, refusing NaN, infinities and magnitudes
    /// beyond `largestMagnitude`.
    func money(_ column: String) throws -> Decimal {
        let value = try decode(column, as: Decimal.self)
        guard abs(value) <= Self.largestMagnitude else {
            throw failure(column, expected: "a finite decimal number within ±1 000 000 000", value: "\(value)")
        }
        return value
    }

    /// The amount of an order line, quantity × unit price rounded to the cent, refusing a product
    /// beyond `largestLineAmount`.
    func lineAmount(quantity: Decimal, unitPrice: Decimal) throws -> Money {
        Money(rounding: try lineEuros(quantity: quantity, unitPrice: unitPrice))
    }

    /// quantity × unit price, unrounded; throws when it is out of the bounds every total can hold.
    func lineEuros(quantity: Decimal, unitPrice: Decimal) throws -> Decimal {
        let euros = quantity * unitPrice
        guard abs(euros) <= Self.largestLineAmount else {
            throw failure("quantity", expected: "a quantity whose amount at its unit price (\(unitPrice)) stays within 10 000 000 000 €",
                          value: "\(quantity)")
        }
        return euros
    }

    /// A `"User"` row selected with the given column prefix (`u.` columns aliased `uFirstName`…).
    func member(prefix p: String = "") throws -> Member {
        Member(id: try decode("\(p)id"),
               firstName: try decodeIfPresent("\(p)firstName") ?? "",
               lastName: try decodeIfPresent("\(p)lastName") ?? "",
               firstName2: try decodeIfPresent("\(p)firstName2"),
               lastName2: try decodeIfPresent("\(p)lastName2"),
               phone: try decodeIfPresent("\(p)phone"),
               phone2: try decodeIfPresent("\(p)phone2"),
               email: try decodeIfPresent("\(p)email"))
    }
}

/// The columns `Row.orderLine()` reads, from `"UserOrder" o`, `"Basket" b`, `"Product" p`, `"Catalog" c`.
let orderLineColumns = """
    o.id, b.id AS "basketId", b.num, COALESCE(b."userId", o."userId") AS "householdId",
    o.quantity, o."productPrice",
    c.id AS "catalogId", c.name AS "catalogName",
    p.id AS "productId", p.name AS "productName", p.qt, p."unitType", p.vat,
    p.bulk, p."variablePrice", p."multiWeight"
    """

extension Row {
    /// An order line selected with `orderLineColumns`: frozen price, current product fields.
    func orderLine() throws -> OrderLine {
        let unitCode: Int? = try decodeIfPresent("unitType")
        let unit = try unitCode.map { code in
            guard let unit = UnitType(rawValue: code) else {
                throw failure("unitType", expected: "a unit type (0 to 5)", value: String(code))
            }
            return unit
        }
        let product = ProductInfo(
            id: try decode("productId"), name: try decodeIfPresent("productName") ?? "", qt: try decodeIfPresent("qt"),
            unitType: unit, vat: try money("vat"), bulk: try decode("bulk"),
            variablePrice: try decode("variablePrice"), multiWeight: try decode("multiWeight"))
        let quantity = try money("quantity"), unitPrice = try money("productPrice")
        _ = try lineEuros(quantity: quantity, unitPrice: unitPrice)  // checked here; rounded where it is shown
        return OrderLine(id: try decode("id"), basketId: try decode("basketId"), basketNumber: try decode("num"),
                         householdId: try decode("householdId"), contractId: try decode("catalogId"),
                         contractName: try decodeIfPresent("catalogName") ?? "", product: product,
                         quantity: quantity, unitPrice: unitPrice)
    }
}

/// The `"User"` columns a member needs, aliased with a prefix so several users fit in one row.
func memberColumns(_ table: String, prefix p: String = "") -> String {
    ["id", "firstName", "lastName", "firstName2", "lastName2", "phone", "phone2", "email"]
        .map { "\(table).\"\($0)\" AS \"\(p)\($0)\"" }
        .joined(separator: ", ")
}
