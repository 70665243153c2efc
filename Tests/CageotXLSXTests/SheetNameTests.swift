import CageotXLSX
import Foundation
import Testing

/// Any text becomes a sheet name Excel accepts.
@Suite struct SheetNameTests {
    @Test(arguments: [
        ("Commandes", "Commandes"),
        ("Légumes: semaine 12/03", "Légumes- semaine 12-03"),
        ("[Bio] Œufs*?", "(Bio) Œufs--"),
        (#"A\B"#, "A-B"),
        ("'Les Jardins'", "Les Jardins"),
        ("  Tab\tand\nnewline  ", "Tab and newline"),
        ("", "Feuille"),
        ("'''", "Feuille"),
        ("History", "History (2)"),
        ("Groupement d’achats des Coteaux du Lyonnais", "Groupement d’achats des Coteaux"),
    ])
    func nameIsMadeValid(raw: String, expected: String) {
        let name = SheetName.safe(raw)
        #expect(name == expected)
        #expect(SheetName.isValid(name))
    }

    @Test func decomposedAccentsCountOnceAndAreComposed() {
        let raw = String(repeating: "e\u{301}", count: 40) // 40 "é", 80 code points
        let name = SheetName.safe(raw)
        #expect(name == String(repeating: "\u{E9}", count: 31))
        #expect(name.unicodeScalars.count == 31)
    }

    @Test func cutNeverSplitsAnEmojiOrLeavesATrailingSpace() {
        let name = SheetName.safe(String(repeating: "a", count: 29) + " 🥕🥕")
        #expect(name == String(repeating: "a", count: 29))
        #expect(name.utf16.count <= 31)
    }

    @Test func clashIsFoundCaseInsensitivelyAndSuffixed() {
        #expect(SheetName.safe("Commandes", avoiding: ["COMMANDES"]) == "Commandes (2)")
        #expect(SheetName.safe("Commandes", avoiding: ["commandes", "Commandes (2)"]) == "Commandes (3)")
        #expect(SheetName.safe("Épicerie", avoiding: ["ÉPICERIE"]) == "Épicerie (2)")
    }

    @Test func suffixFitsWithinTheLimit() {
        let long = "Groupement d’achats des Coteaux du Lyonnais"
        let first = SheetName.safe(long)
        let second = SheetName.safe(long, avoiding: [first])
        #expect(second == "Groupement d’achats des Cot (2)")
        #expect(second.utf16.count == 31)
    }

    @Test func tailIsKeptWholeAndBeforeTheNumber() {
        let long = "sam. 5 déc. AMAP [Sud]: Les très longs jardins"
        let first = SheetName.safe(long, tail: "grille")
        #expect(first == "sam. 5 déc. AMAP (Sud)- grille") // cut at 24, the trailing space dropped
        let second = SheetName.safe(long, tail: "grille", avoiding: [first])
        #expect(second == "sam. 5 déc. AMAP (Su grille (2)" && second.utf16.count == 31)
        // A tail that is itself too long is cut, and some of the name always stays.
        let odd = SheetName.safe("Nom", tail: String(repeating: "x", count: 40))
        #expect(odd.hasPrefix("Nom ") && odd.utf16.count <= 31 && SheetName.isValid(odd))
        #expect(SheetName.safe("Court", tail: "grille") == "Court grille")
    }

    @Test func workbookGivesEachSheetAUniqueName() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try CageotXLSX.Workbook(path: folder.appendingPathComponent("names.xlsx"), properties: Fixtures.properties)
        let first = try book.addWorksheet(named: "Les Jardins / Bio")
        let second = try book.addWorksheet(named: "les jardins - bio")
        #expect(first.name == "Les Jardins - Bio")
        #expect(second.name == "les jardins - bio (2)")
        #expect(book.worksheetNames == ["Les Jardins - Bio", "les jardins - bio (2)"])
        try book.close()
    }
}
