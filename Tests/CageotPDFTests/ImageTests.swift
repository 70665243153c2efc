import CageotLayout
import CageotPDF
import Foundation
import Testing

/// Raster images: PNG decoded by cairo, JPEG passed through, damaged bytes reported.
@Suite struct ImageTests {
    /// `pdfimages -list` rows (width, height, encoding, object number) of the rendered page(s).
    private func embeddedImages(_ items: [PageItem], pages: Int = 1) throws -> [(width: Int, height: Int, encoding: String, object: Int)] {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("image.pdf")
        try renderer.render(Array(repeating: Page(size: .a4Portrait, items: items), count: pages), info: Fixtures.info, to: url)
        #expect(try Tool.run("qpdf", ["--check", url.path]).status == 0)
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        return try Tool.run("pdfimages", ["-list", url.path]).stdout.split(separator: "\n").dropFirst(2).map {
            let columns = $0.split(separator: " ")
            return (Int(columns[3]) ?? 0, Int(columns[4]) ?? 0, String(columns[8]), Int(columns[10]) ?? 0)
        }
    }

    @Test func pngImageIsEmbedded() throws {
        let images = try embeddedImages([.image(ImageBytes(Fixtures.tinyPNG), frame: Rect(x: 50, y: 50, width: 80, height: 80))])
        #expect(images.count == 1)
        #expect(images.first?.width == 4 && images.first?.height == 3)
    }

    @Test func jpegImageIsEmbeddedAsItIs() throws {
        let images = try embeddedImages([.image(ImageBytes(Fixtures.tinyJPEG), frame: Rect(x: 50, y: 50, width: 80, height: 80))])
        #expect(images.count == 1)
        #expect(images.first?.width == 8 && images.first?.height == 6)
        #expect(images.first?.encoding == "jpeg")
    }

    @Test func imageRepeatedOnEveryPageIsStoredOnce() throws {
        let images = try embeddedImages([.image(ImageBytes(Fixtures.tinyPNG), frame: Rect(x: 50, y: 50, width: 80, height: 80))], pages: 3)
        #expect(images.count == 3)
        #expect(Set(images.map(\.object)).count == 1)
    }

    @Test func damagedImageIsReportedWithItsPage() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let damaged = Array(Fixtures.tinyPNG.prefix(40))
        let pages = [Page(size: .a4Portrait), Page(size: .a4Portrait, items: [.image(ImageBytes(damaged), frame: Rect(x: 0, y: 0, width: 10, height: 10))])]
        #expect {
            try renderer.render(pages, info: Fixtures.info)
        } throws: { error in
            guard let error = error as? PDFError else { return false }
            return error.page == 2 && error.description.contains("PNG")
        }
    }

    @Test func bytesThatAreNoImageAreReported() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let page = Page(size: .a4Portrait, items: [.image(ImageBytes(Array("GIF89a".utf8)), frame: Rect(x: 0, y: 0, width: 10, height: 10))])
        #expect(throws: PDFError.self) { try renderer.render([page], info: Fixtures.info) }
    }
}
