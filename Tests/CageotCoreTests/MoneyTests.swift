import CageotCore
import Foundation
import Testing

struct MoneyTests {
    @Test(arguments: [
        ("3", "2.675", 803),       // 8.025 → 8.03: half away from zero, not banker's
        ("1.5", "2.35", 353),      // 3.525 → 3.53
        ("1.85", "11.9", 2202),    // 22.015 → 22.02
        ("-1", "2.675", -268),     // a refund rounds away from zero too
        ("0", "9.99", 0),
        ("0.333", "3", 100),       // 0.999 → 1.00
        ("7", "0.1", 70),          // 0.7 exactly: no binary floating point drift
    ])
    func lineAmountRoundsHalfAwayFromZero(quantity: String, price: String, cents: Int64) {
        let amount = Money.lineAmount(quantity: Decimal(string: quantity)!, unitPrice: Decimal(string: price)!)
        #expect(amount.cents == cents)
    }

    @Test(arguments: [
        (Int64(1250), "12,50\u{00A0}€"), (5, "0,05\u{00A0}€"), (123456789, "1\u{202F}234\u{202F}567,89\u{00A0}€"),
        (-1250, "-12,50\u{00A0}€"), (0, "0,00\u{00A0}€"), (100000, "1\u{202F}000,00\u{00A0}€"),
    ])
    func moneyIsWrittenTheFrenchWay(cents: Int64, text: String) {
        #expect(FrenchFormat.money(Money(cents: cents)) == text)
    }

    @Test func sumsAreExact() {
        let amounts = Array(repeating: Money.lineAmount(quantity: 1, unitPrice: Decimal(string: "0.1")!), count: 10)
        #expect(amounts.sum() == Money(cents: 100))
    }

    @Test(arguments: [("1.5", "1,5"), ("12", "12"), ("0.25", "0,25"), ("1234.5", "1\u{202F}234,5"), ("2.0005", "2,001"), ("-0.5", "-0,5")])
    func decimalsUseACommaAndNoTrailingZeros(value: String, text: String) {
        #expect(FrenchFormat.decimal(Decimal(string: value)!) == text)
    }
}
