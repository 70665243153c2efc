import CFastDeflate
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

    /// cairo deflates every stream of a PDF at zlib's default level and lets nobody choose;
    /// CFastDeflate gives it Cageot's (1, unless CAGEOT_DEFLATE_LEVEL says otherwise). A zlib
    /// stream's second byte says which level made it (FLEVEL, RFC 1950).
    @Test func streamsAreDeflatedAtCageotsLevel() throws {
        let pages = Fixtures.twoPages() + Fixtures.tablePages(2)
        let pdf = try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render(pages, info: Fixtures.info)
        let levels = Self.zlibLevels(in: pdf)
        #expect(levels.count >= 6) // pages, fonts, their subsets
        #expect(Set(levels) == [Self.flevel(of: cageot_deflate_level())])
    }

    /// FLEVEL of a zlib stream made at `level` (zlib's deflate.c): 0 for 0 and 1, 1 below 6, 2 for 6, 3 above.
    static func flevel(of level: Int32) -> UInt8 {
        switch level {
        case -1, 6: 2
        case 0, 1: 0
        case 2..<6: 1
        default: 3
        }
    }

    /// The FLEVEL of each `/FlateDecode` stream of a PDF.
    static func zlibLevels(in pdf: [UInt8]) -> [UInt8] {
        let marker = Array(">>\nstream\n".utf8), filter = Array("/FlateDecode".utf8)
        var levels: [UInt8] = []
        var i = 0
        while i + marker.count + 2 <= pdf.count {
            guard pdf[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
            let dictionary = pdf[max(0, i - 300)..<i]
            let start = dictionary.lastIndex(of: UInt8(ascii: "<")) ?? dictionary.startIndex
            if pdf[start..<i].firstRange(of: filter) != nil {
                let header = i + marker.count
                #expect(pdf[header] == 0x78) // deflate, 32 KB window
                levels.append(pdf[header + 1] >> 6)
            }
            i += marker.count
        }
        return levels
    }
}
