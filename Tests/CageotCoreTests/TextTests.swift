import CageotCore
import CageotDocuments
import Testing

struct TextTests {
    @Test func namesSortIgnoringCaseAndAccents() {
        let names = ["LEMAIRE", "Zoé", "Le Goff", "Oeste", "ÉTIENNE", "Œuvray", "N'DIAYE", "Bréhier", "adam"]
        let sorted = names.sorted { Collation.precedes([$0], [$1]) }
        #expect(sorted == ["adam", "Bréhier", "ÉTIENNE", "Le Goff", "LEMAIRE", "N'DIAYE", "Oeste", "Œuvray", "Zoé"])
        #expect(Collation.key("Élodie") == Collation.key("ELODIE"))
        #expect(Collation.key("Kervœn") == "kervoen")
        // Same key: the raw strings break the tie, so the order is total and stable.
        #expect(Collation.precedes(["BREHIER"], ["Bréhier"]) != Collation.precedes(["Bréhier"], ["BREHIER"]))
    }

    /// The key folds ASCII byte by byte and Latin letters from a table: it must stay the key of
    /// folding the whole text through Unicode decomposition.
    @Test(arguments: ["Élodie", "LE GOFF", "Kervœn", "ÆSIR straße", "E\u{301}te\u{301}", "e\u{301}\u{301}é\u{327}",
                      "Ørsted Łódź Şahin", "Ἀθῆναι", "Ĳssel ǅ", "\u{00A0}nbsp\u{00AD}", "ÀÉÎÕÜ àéîõü ÇçÑñ", "Zoë-Ève N'DIAYE 12"])
    func collationKeyIsTheUnicodeFolding(text: String) {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar {
            case "Œ", "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "Æ", "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        #expect(Collation.key(text) == String(out))
    }

    @Test(arguments: ["Élodie", " Élodie ", "\u{00A0}Zoé\u{2003}", "\tx\n", "", "  ", "\u{0085}", "a",
                      " ", "  06 12  ", "Zoé", "é", " \u{00A0}x\u{00A0}", "x\u{2028}", "a b"])
    func nonBlankTrimsLikeFoundation(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.nonBlank == (trimmed.isEmpty ? nil : trimmed))
    }

    /// Plain ASCII names take a shortcut: it folds exactly as the full path (decomposition,
    /// marks dropped, lower case) would.
    @Test(arguments: ["LEMAIRE", "Le Goff", "N'DIAYE", "adam", "O'Neil-Smith 2", "", " \t~{}[]@`^_", "ZZ top"])
    func asciiNamesFoldLikeTheFullPath(_ name: String) {
        var folded = ""
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars
        where ![.nonspacingMark, .enclosingMark, .spacingMark].contains(scalar.properties.generalCategory) {
            folded += String(scalar).lowercased()
        }
        #expect(Collation.key(name) == folded)
    }

    @Test(arguments: [
        (Member(id: 1, firstName: "Élodie", lastName: "Le Goff"), "LE GOFF Élodie"),
        (Member(id: 1, firstName: "Élodie", lastName: "LE GOFF", firstName2: "Loïc", lastName2: "LE GOFF"), "LE GOFF Élodie / Loïc"),
        (Member(id: 1, firstName: "Élodie", lastName: "LE GOFF", firstName2: "Loïc", lastName2: "Le goff"), "LE GOFF Élodie / Loïc"),
        (Member(id: 1, firstName: "Anne-Sophie", lastName: "N'DIAYE", firstName2: "François", lastName2: "Bréhier"),
         "N'DIAYE Anne-Sophie / BRÉHIER François"),
        (Member(id: 1, firstName: "Zoé", lastName: "ÉTIENNE", firstName2: "", lastName2: ""), "ÉTIENNE Zoé"),
    ])
    func householdNamesFollowCamap(member: Member, name: String) {
        #expect(member.householdName == name)
    }

    @Test func htmlBecomesPlainText() {
        let html = "<p>Merci d'apporter vos sacs&nbsp;!</p><p>Permanence : <b>Loïc</b> &amp; Zoé</p><script>x</script><br>&#233;t&eacute;"
        #expect(PlainText.fromHTML(html) == "Merci d'apporter vos sacs\u{00A0}!\n\nPermanence : Loïc & Zoé\n\nété")
        #expect(PlainText.fromHTML("a <unclosed & b") == "a <unclosed & b")
        #expect(PlainText.fromHTML("<p>Si vous avez < 3 paniers, prenez un sac.</p>") == "Si vous avez < 3 paniers, prenez un sac.")
        #expect(PlainText.fromHTML("tabulation\tretour\rfin") == "tabulation retour fin")
        #expect(PlainText.fromHTML("\u{202E}evil\u{0007}") == "evil")
    }

    @Test(arguments: [
        ("AMAP du Jardin de Rezé", "amap-du-jardin-de-reze"), ("../../etc", "etc"), ("", "sans-nom"),
        ("Ferme de Kervœn", "ferme-de-kervoen"), ("  --  ", "sans-nom"),
    ])
    func fileNamesAreSafe(text: String, slug: String) {
        #expect(FileName.slug(text) == slug)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1_000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test(arguments: [
        (ProductInfo(id: 1, name: "Farine", qt: 1, unitType: .kilogram, bulk: true), "1.5", "1,5\u{00A0}kg"),
        (ProductInfo(id: 1, name: "Poulet", qt: 1, unitType: .kilogram, variablePrice: true, multiWeight: true), "1.85", "1,85\u{00A0}kg"),
        (ProductInfo(id: 1, name: "Miel", qt: 500, unitType: .gram, variablePrice: true), "2", "1\u{202F}000\u{00A0}g"),
        (ProductInfo(id: 1, name: "Œufs", qt: 12, unitType: .piece), "3", "3"),
        (ProductInfo(id: 1, name: "Panier", qt: nil, unitType: nil), "1", "1"),
    ])
    func quantitiesShowAsCamapShowsThem(product: ProductInfo, quantity: String, text: String) {
        #expect(product.formatQuantity(Decimal(string: quantity)!) == text)
    }
}

import Foundation
