import CageotCore
import CageotXLSX
import Foundation
import Testing

/// Widths estimated from what is written, since libxlsxwriter cannot autofit.
@Suite struct ColumnWidthsTests {
    @Test func accentedLettersCountAsOneHoweverEncoded() {
        var widths = ColumnWidths(minimum: 0, padding: 0)
        widths.note(col: 0, text: "E\u{301}te\u{301}") // "Été" decomposed: 5 code points
        widths.note(col: 1, text: "\u{C9}t\u{E9}")
        #expect(widths.width(col: 0) == 3)
        #expect(widths.width(col: 1) == 3)
    }

    @Test func widestLineWinsAndTheCapHolds() {
        var widths = ColumnWidths(minimum: 6, maximum: 20, padding: 2)
        widths.note(col: 0, text: "court\nune ligne plus longue")
        widths.note(col: 0, text: "moyen")
        widths.note(col: 1, text: "ab")
        widths.note(col: 2, text: String(repeating: "x", count: 200))
        #expect(widths.width(col: 0) == 20) // 21 + 2, capped
        #expect(widths.width(col: 1) == 6) // raised to the minimum
        #expect(widths.width(col: 2) == 20)
        #expect(widths.width(col: 3) == nil)
    }

    @Test(arguments: [
        (Cell.money(Money(cents: 803)), 6.0),            // 8,03 €
        (.money(Money(cents: -123_456_789)), 15),        // -1 234 567,89 €
        (.date(LocalDate(year: 2026, month: 3, day: 1)), 10),
        (.integer(12345), 5),
        (.formula("=SUM(A1:A3)", cached: 12), 2),
    ])
    func cellIsMeasuredAsAFrenchExcelShowsIt(cell: Cell, characters: Double) {
        var widths = ColumnWidths(minimum: 0, padding: 0)
        widths.note(col: 0, cell: cell)
        #expect(widths.width(col: 0) == characters)
    }

    @Test func textIsMeasuredInCharactersWhateverItsScript() {
        var widths = ColumnWidths(minimum: 0, maximum: 100, padding: 0)
        widths.note(col: 0, text: "Ærø\u{85}ab")          // NEL ends a line: 3
        widths.note(col: 1, text: "ab\r\ncd\u{2028}efg")  // CR LF and LINE SEPARATOR: 3
        widths.note(col: 2, text: "👩‍👩‍👧 e\u{301}")          // one emoji of 5 code points, a space, é: 3
        widths.note(col: 3, cell: .decimal(Decimal(string: "2.675")!))
        widths.note(col: 3, cell: .decimal(Decimal(string: "-0.5")!))
        widths.note(col: 4, cell: .money(Money(cents: 99)), format: Format().bold()) // 0,99 € bold: 6.6
        #expect((0...4).map { widths.width(col: $0) } == [3, 3, 3, 5, 7])
    }

    @Test func blankCellLeavesTheColumnAlone() {
        var widths = ColumnWidths()
        widths.note(col: 0, cell: .blank)
        #expect(widths.width(col: 0) == nil)
    }
}
