import CageotCore
import CageotXLSX
import Foundation
import Testing

/// A contract's or member's name full of control characters (CAMAP stores what was typed or pasted)
/// must not make the workbook invalid XML: libxlsxwriter 1.1.4 escapes them in cells but copies them
/// as they are into headers, footers and document properties, and XML 1.0 forbids them there.
@Suite(.enabled(if: Reader.enabled, "python3 with openpyxl is not installed (set CI=true to fail instead)"))
struct ControlCharacterTests {
    @Test func controlCharactersInTextLeaveAWorkbookExcelOpens() throws {
        try #require(Reader.isAvailable, Comment(rawValue: Reader.missingMessage))
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("controles.xlsx")
        var properties = Fixtures.properties
        properties.title = "Titre\u{01}\u{1B} ok"
        let book = try Workbook(path: url, properties: properties)
        let sheet = try book.addWorksheet(named: "Foyers")
        // No NUL: PostgreSQL text cannot hold one.
        try sheet.write(row: 0, col: 0, .text("A\u{01}B\u{07}C\u{1B}D\u{7F}F\u{85}G\u{FFFF}H"))
        try sheet.write(row: 1, col: 0, .text("tab\there\rcr\nlf"))
        try sheet.write(row: 2, col: 0, .text("<script>alert(1)</script> & \u{202E}evil"))
        try sheet.setHeader("&C" + Worksheet.headerFooterLiteral("Légumes\u{01}\u{1B} & fruits"))
        try sheet.setFooter("&C" + Worksheet.headerFooterLiteral("\u{07}page") + " &P")
        try book.close()
        let read = try Reader.read(url)
        let cells = try read.sheet("Foyers").cells
        // Cells: libxlsxwriter escapes them itself (_x0001_), the file opens and keeps the letters.
        #expect(cells["A1"]?.text?.hasPrefix("A") == true && cells["A1"]?.text?.hasSuffix("H") == true)
        #expect(cells["A3"]?.text == "<script>alert(1)</script> & \u{202E}evil")
        #expect(read.title == "Titre ok")
        #expect(try read.sheet("Foyers").headerCenter == "Légumes && fruits")
    }
}
