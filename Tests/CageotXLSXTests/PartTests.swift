import CageotCore
import CageotXLSX
import Foundation
import Testing

/// The XML parts themselves, as libxlsxwriter's own tests compare them with Excel's.
@Suite struct PartTests {
    @Test func sheetXMLHoldsNumbersAsValuesAndThePageSetup() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("parts.xlsx")
        try Fixtures.writeOrders(to: url)
        let xml = try Reader.part("xl/worksheets/sheet1.xml", of: url)
        // A number cell has no t="s"/t="str" type and its value inline.
        #expect(xml.contains(#"<c r="B2"><v>3</v></c>"#))
        // libxlsxwriter prints 16 significant digits (8.029999999999999), which reads back as 8.03.
        let money = try #require(xml.firstMatch(of: #/<c r="D2" s="\d+"><v>([0-9.]+)</v></c>/#))
        #expect(Double(String(money.1)) == 8.03)
        // Text goes to the shared strings table.
        #expect(xml.range(of: #"<c r="A2" t="s"><v>\d+</v></c>"#, options: .regularExpression) != nil)
        // The formula keeps the cached value given, not 0.
        #expect(xml.range(of: #"<c r="D5" s="\d+"><f>SUM\(D2:D4\)</f><v>1266.59</v></c>"#,
                          options: .regularExpression) != nil)
        #expect(xml.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        #expect(xml.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#))
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<mergeCell ref="A6:F6"/>"#))
    }

    @Test func constantMemoryWritesTextInline() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("inline.xlsx")
        try Fixtures.writeOrders(to: url, constantMemory: true)
        let xml = try Reader.part("xl/worksheets/sheet1.xml", of: url)
        #expect(xml.contains(#"<c r="A4" t="inlineStr"><is><t>Miel d’acacia</t></is></c>"#))
    }

    @Test func controlCharactersAreEscapedNotLeftToCorruptTheXML() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("control.xlsx")
        let book = try Workbook(path: url, properties: Fixtures.properties, options: .init(constantMemory: true))
        try book.addWorksheet(named: "Notes").write(row: 0, col: 0, .text("a\u{1}b\u{0B}c"))
        try book.close()
        let xml = try Reader.part("xl/worksheets/sheet1.xml", of: url)
        #expect(xml.contains("<t>a_x0001_b_x000B_c</t>"))
    }
}
