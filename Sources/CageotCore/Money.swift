import Foundation

/// An exact amount of money in integer cents; the only money type past the row decoder.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// Rounds a decimal amount of euros to the cent, half away from zero.
    public init(rounding euros: Decimal) {
        var value = euros * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain) // .plain rounds half away from zero
        self.cents = NSDecimalNumber(decimal: rounded).int64Value
    }

    /// A line amount: quantity × unit price, computed in decimal and rounded to the cent.
    public static func lineAmount(quantity: Decimal, unitPrice: Decimal) -> Money {
        Money(rounding: quantity * unitPrice)
    }

    public var decimal: Decimal { Decimal(cents) / 100 }

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}
