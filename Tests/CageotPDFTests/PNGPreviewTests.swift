import CageotLayout
import CageotPDF
import Foundation
import Testing

/// `PNGRenderer`: one page as a PNG of a given width, drawn like the PDF, the same bytes each time.
@Suite struct PNGPreviewTests {
    let renderer: PNGRenderer

    init() throws { renderer = PNGRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)) }

    /// Width and height from the IHDR chunk, after checking the signature.
    func size(_ png: [UInt8]) throws -> (width: Int, height: Int) {
        try #require(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && Array(png[12..<16]) == Array("IHDR".utf8))
        func be(_ range: Range<Int>) -> Int { png[range].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16..<20), be(20..<24))
    }

    @Test(arguments: [(800, 1131), (200, 283), (1240, 1754)])
    func anA4PageIsScaledToTheWidthAskedKeepingItsProportions(width: Int, height: Int) throws {
        let png = try renderer.render(Fixtures.twoPages()[0], width: width)
        #expect(try size(png) == (width, height))
    }

    @Test func samePageGivesSameBytesFromAnotherContext() throws {
        let page = Fixtures.twoPages()[0]
        let other = PNGRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        #expect(try renderer.render(page, width: 800) == (try other.render(page, width: 800)))
    }

    @Test func theDrawingShowsOnTheWhitePage() throws {
        let blank = try renderer.render(Page(size: .a4Portrait), width: 800)
        let drawn = try renderer.render(Fixtures.tablePages(1)[0], width: 800)
        // A uniform white page compresses to almost nothing; text and lines do not.
        #expect(blank.count < 10_000 && drawn.count > 10 * blank.count, "\(blank.count) / \(drawn.count)")
    }

    /// CFastDeflate lowers the level of cairo's PDF streams and of the workbooks' zip entries, not
    /// of libpng's zlib stream: the preview's image data is at zlib's default level (FLEVEL 2).
    @Test func previewsKeepZlibsDefaultLevel() throws {
        let png = try renderer.render(Fixtures.tablePages(1)[0], width: 800)
        let idat = try #require(png.firstRange(of: Array("IDAT".utf8)))
        #expect(png[idat.upperBound] == 0x78)
        #expect(png[idat.upperBound + 1] >> 6 == 2)
    }

    @Test func imagesDrawIncludingAJPEGThatHasNoPixelsHere() throws {
        let page = Page(size: .a4Portrait, items: [
            .image(ImageBytes(Fixtures.tinyPNG), frame: Rect(x: 10, y: 10, width: 40, height: 30)),
            .image(ImageBytes(Fixtures.tinyJPEG), frame: Rect(x: 60, y: 10, width: 40, height: 30)),
        ])
        #expect(try size(try renderer.render(page, width: 400)).width == 400)
    }

    @Test(arguments: [0, -5, 4001])
    func aWidthOutOfRangeIsAPNGErrorSayingWhatToAsk(width: Int) throws {
        let error = try #require(throws: PDFError.self) { try renderer.render(Fixtures.twoPages()[0], width: width) }
        #expect(error.description.hasPrefix("Cannot write the PNG"))
        #expect(error.description.contains("1 to 4000 pixels"))
    }
}
