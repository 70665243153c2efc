import Foundation

/// Rounding that keeps a sum: every value is rounded down to `scale` decimals, then the units still
/// missing from the total go one each to the largest remainders; among equal remainders, to the
/// smaller group id. Remainders are compared at `scale + 16` decimals, so that the last of
/// `Decimal`'s 38 digits (left by a division) do not break a tie that exact arithmetic would make.
///
/// Values are only ever rounded up from their truncation, and only when their remainder is not 0,
/// so a value at a bound that is a whole unit (a floor or a cap in cents) never moves, and a value
/// within the bounds never leaves them.
enum LargestRemainder {
    static func round(_ values: [Decimal], ids: [Int], scale: Int, total: Decimal) -> (values: [Decimal], roundedUp: [Bool]) {
        var rounded = values.map { rounding($0, scale: scale, .down) }
        let unit = Decimal(sign: .plus, exponent: -scale, significand: 1)
        let missing = NSDecimalNumber(decimal: (total - rounded.reduce(0, +)) / unit).intValue
        let order = values.indices
            .map { (index: $0, remainder: rounding(values[$0] - rounded[$0], scale: scale + 16, .plain)) }
            .sorted { ($0.remainder, ids[$1.index]) > ($1.remainder, ids[$0.index]) }
        var roundedUp = Array(repeating: false, count: values.count)
        for entry in order.prefix(max(0, missing)) {
            rounded[entry.index] += unit
            roundedUp[entry.index] = true
        }
        return (rounded, roundedUp)
    }

    static func rounding(_ value: Decimal, scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }
}
