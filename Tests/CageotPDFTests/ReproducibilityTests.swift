import CageotLayout
import CageotPDF
import Foundation
import Testing

/// The same pages and `DocumentInfo` give the same bytes, whatever the clock says.
@Suite struct ReproducibilityTests {
    @Test func sameInputGivesSameBytes() throws {
        let pages = Fixtures.twoPages() + [Page(size: .a4Portrait, items: [.image(ImageBytes(Fixtures.tinyPNG), frame: Rect(x: 10, y: 10, width: 40, height: 30))])]
        let first = try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render(pages, info: Fixtures.info)
        // A second context: nothing of the run may leak in (pdfinfo tests pin the dates to `info`).
        let second = try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render(pages, info: Fixtures.info)
        #expect(first.count > 1000)
        #expect(first == second)
    }

    @Test func fileAndMemoryRendersAreIdentical() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("same.pdf")
        try renderer.render(Fixtures.twoPages(), info: Fixtures.info, to: url)
        let memory = try renderer.render(Fixtures.twoPages(), info: Fixtures.info)
        #expect(try [UInt8](Data(contentsOf: url)) == memory)
    }

    @Test func anotherDateGivesOtherBytes() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        var later = Fixtures.info
        later.createdAt += 60
        #expect(try renderer.render(Fixtures.twoPages(), info: Fixtures.info) != renderer.render(Fixtures.twoPages(), info: later))
    }
}
