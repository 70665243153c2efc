import CageotCore
import CageotXLSX
import Foundation
import Testing

/// The workbook as a real reader (openpyxl) sees it: types, formats, print setup.
@Suite(.enabled(if: Reader.enabled, "python3 with openpyxl is not installed (set CI=true to fail instead)"))
struct ReadBackTests {
    /// The fixture as openpyxl reads it, plus its docProps/app.xml: written and read once per mode
    /// (each python3 start costs about a second).
    struct Fixture: Sendable {
        var book: ReadBook
        var appXML: String
    }

    private static let plain = Result { try write(constantMemory: false) }
    private static let constant = Result { try write(constantMemory: true) }

    private static func write(constantMemory: Bool) throws -> Fixture {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("commandes.xlsx")
        try Fixtures.writeOrders(to: url, constantMemory: constantMemory)
        return Fixture(book: try Reader.read(url), appXML: try Reader.part("docProps/app.xml", of: url))
    }

    static func fixture(constantMemory: Bool = false) throws -> Fixture {
        try #require(Reader.isAvailable, Comment(rawValue: Reader.missingMessage))
        return try (constantMemory ? constant : plain).get()
    }

    @Test(arguments: [false, true])
    func numbersAreNumbersNotText(constantMemory: Bool) throws {
        let sheet = try Self.fixture(constantMemory: constantMemory).book.sheet("Commandes")
        let quantity = try #require(sheet["B2"])
        #expect(quantity.dataType == "n" && quantity.number == 3)
        let price = try #require(sheet["C2"])
        #expect(price.dataType == "n" && price.number == 2.675)
        #expect(sheet["C3"]?.number == 4)
        #expect(sheet["E5"]?.number == 0.1 && sheet["E5"]?.numberFormat == "0.0%")
    }

    @Test(arguments: [false, true])
    func moneyIsANumberWithTheEuroFormat(constantMemory: Bool) throws {
        let sheet = try Self.fixture(constantMemory: constantMemory).book.sheet("Commandes")
        let small = try #require(sheet["D2"])
        #expect(small.dataType == "n")
        #expect(small.number == 8.03)
        #expect(small.numberFormat == #"#,##0.00\ "€""#)
        #expect(sheet["D4"]?.number == 1234.56)
        #expect(sheet["D4"]?.numberFormat == Format.euroNumberFormat)
    }

    @Test(arguments: [false, true])
    func datesAreDatesWithTheFrenchFormat(constantMemory: Bool) throws {
        let sheet = try Self.fixture(constantMemory: constantMemory).book.sheet("Commandes")
        let date = try #require(sheet["E2"])
        #expect(date.isDate)
        #expect(date.pyType == "datetime")
        #expect(date.text == "2026-03-12T00:00:00")
        #expect(date.numberFormat == "dd/mm/yyyy")
        #expect(sheet["E4"]?.text == "2026-12-31T00:00:00")
    }

    @Test(arguments: [false, true])
    func frenchTextKeepsItsAccentsComposed(constantMemory: Bool) throws {
        let sheet = try Self.fixture(constantMemory: constantMemory).book.sheet("Commandes")
        #expect(sheet["A2"]?.dataType == "s")
        // Stored as given (decomposed É); readers see the same characters.
        #expect(sheet["A2"]?.text == Fixtures.decomposedName)
        #expect(sheet["A4"]?.text == "Miel d’acacia")
        #expect(sheet["B1"]?.text == "Quantité")
        #expect(sheet["F2"]?.text == "Sans œufs, merci !\nÀ déposer")
        #expect(sheet["F2"]?.wrap == true)
    }

    @Test(arguments: [false, true])
    func formulaShowsItsCachedValueWithoutRecalculation(constantMemory: Bool) throws {
        let sheet = try Self.fixture(constantMemory: constantMemory).book.sheet("Commandes")
        let total = try #require(sheet["D5"])
        #expect(total.formula == "=SUM(D2:D4)")
        #expect(total.cached == 1266.59)
        #expect(total.bold)
    }

    @Test func printSetupFitsOneA4LandscapePageWide() throws {
        let sheet = try Self.fixture().book.sheet("Commandes")
        #expect(sheet.orientation == "landscape")
        #expect(sheet.paperSize == 9)
        #expect(sheet.fitToPage)
        #expect(sheet.fitToWidth ?? 1 == 1) // 1 is the schema default, so libxlsxwriter leaves it out
        #expect(sheet.fitToHeight == 0)
        #expect(sheet.printTitleRows == "$1:$1")
        #expect(sheet.printArea?.contains("$A$1:$F$6") == true)
        #expect(sheet.headerCenter == "Fruits && légumes")
        #expect(sheet.footerCenter == "Page &P / &N")
    }

    @Test func headerRowIsFrozenFilteredAndStyled() throws {
        let sheet = try Self.fixture().book.sheet("Commandes")
        #expect(sheet.freezePanes == "A2")
        #expect(sheet.autoFilter == "A1:F4")
        #expect(sheet.heights["1"] == 24)
        let title = try #require(sheet["A1"])
        #expect(title.bold && title.horizontal == "center" && title.border == "thin")
        #expect(title.fill == "FFD9D9D9")
        #expect(sheet["F3"]?.border == "thin") // a blank cell written for its border
        #expect(sheet.merged == ["A6:F6"])
        #expect(sheet["A6"]?.text == "Fruits & légumes — merci de venir à l’heure")
        #expect(sheet["A6"]?.italic == true)
    }

    @Test func columnWidthsFollowTheWidestTextWithinTheCap() throws {
        // Excel stores the width plus its 5-pixel cell padding (33 → 33.71): compare whole characters.
        let widths = try Self.fixture().book.sheet("Commandes").widths.mapValues { $0.rounded(.down) }
        // "Épinards & œufs — crème fraîche" is 31 characters however É is encoded: 31 + 2 padding.
        #expect(widths["A"] == 33)
        // "Quantité" in bold (8 × 1.1 = 8.8) + 2, rounded up; under the minimum nothing is narrower than 6.
        #expect(widths["B"] == 11)
        // "1 234,56 €" is 10 characters.
        #expect(widths["D"] == 12)
    }

    @Test func documentPropertiesComeFromTheInjectedValues() throws {
        let fixture = try Self.fixture()
        let book = fixture.book
        #expect(book.title == "Commandes de la semaine")
        #expect(book.creator == "Cageot")
        #expect(book.description == "Généré par Cageot")
        #expect(book.created == "2026-01-01T00:00:00")
        #expect(fixture.appXML.contains("<Company>AMAP des Coteaux</Company>"))
    }

    @Test func unsafeSheetNameIsSanitisedAndReadable() throws {
        let book = try Self.fixture().book
        #expect(book.sheets.map(\.name) == ["Commandes", "Paiements- mars-avril (2026)"])
        #expect(try book.sheet("Paiements- mars-avril (2026)")["A1"]?.text == "Famille Étienne")
    }
}
