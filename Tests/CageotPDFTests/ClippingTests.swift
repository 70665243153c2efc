import CageotLayout
import CageotPDF
import Foundation
import Testing

/// Text stays inside its frame: checked on pixels, since no text reader sees clipping.
@Suite struct ClippingTests {
    @Test func textNeverDrawsOutsideItsFrame() throws {
        // Pango keeps one line per paragraph however small the frame, and cannot break a glyph:
        // three paragraphs in a frame of one line, and a "W" wider than its frame.
        let frame = Rect(x: 20, y: 20, width: 60, height: 12)
        let narrow = Rect(x: 20, y: 45, width: 4, height: 12)
        let page = Page(size: Size(width: 100, height: 70),
                        items: [.text("Élodie Le Goff\nŒufs (boîte de 12)\n12,50 €", frame: frame, style: Fixtures.cell.with(size: 11)),
                                .text("W", frame: narrow, style: Fixtures.cell.with(size: 11))])
        try expectInkOnlyInside(page, frames: [frame, narrow])
    }

    /// A "J" starts half a point left of where its text starts: text shaped alone whose ink leans
    /// out of its frame is clipped to it too, and still reads back.
    @Test func textLeaningOutOfItsFrameIsClippedToIt() throws {
        let frame = Rect(x: 20, y: 20, width: 70, height: 12)
        let lines = Rect(x: 20, y: 40, width: 70, height: 26)
        let page = Page(size: Size(width: 100, height: 70),
                        items: [.text("JÉGOU Léon", frame: frame, style: Fixtures.cell.with(size: 11)),
                                .text("JOUËT Zoé\n06 12 34 56 78", frame: lines, style: Fixtures.cell.with(size: 11))])
        try expectInkOnlyInside(page, frames: [frame, lines])
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("leaning.pdf")
        try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render([page], info: Fixtures.info, to: url)
        let text = try Tool.run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).stdout
        #expect(text.contains("JÉGOU Léon") && text.contains("JOUËT Zoé") && text.contains("06 12 34 56 78"), "\(text)")
    }

    /// `page` draws ink in its `frames` and none outside them.
    private func expectInkOnlyInside(_ page: Page, frames: [Rect], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (inside, outside) = try ink(of: page, frames: frames)
        #expect(inside > 100, sourceLocation: sourceLocation)
        #expect(outside == 0, sourceLocation: sourceLocation)
    }

    /// The dark pixels of `page` inside one of `frames` (half a pixel of anti-aliasing allowed on
    /// their edges) and outside all of them.
    private func ink(of page: Page, frames: [Rect]) throws -> (inside: Int, outside: Int) {
        let image = try Tool.pixels(of: page)
        var inkInside = 0
        var inkOutside = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image.gray[y * image.width + x] < 250 {
                let (px, py) = ((Double(x) + 0.5) / 4, (Double(y) + 0.5) / 4)
                let inside = frames.contains {
                    px > $0.x - 0.25 && px < $0.maxX + 0.25 && py > $0.y - 0.25 && py < $0.maxY + 0.25
                }
                if inside { inkInside += 1 } else { inkOutside += 1 }
            }
        }
        return (inkInside, inkOutside)
    }

    /// Pango replaces the lines that do not fit with "…"; cairo keeps the text it stands for as
    /// /ActualText, so the full text can still be searched and copied.
    @Test func textTallerThanItsFrameIsEllipsizedButStaysSearchable() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let page = Page(size: .a4Portrait, items: [.text(Fixtures.frenchLine, frame: Rect(x: 20, y: 20, width: 80, height: 12), style: Fixtures.cell)])
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ellipsis.pdf")
        let expanded = folder.appendingPathComponent("ellipsis.qdf")
        try renderer.render([page], info: Fixtures.info, to: url)
        #expect(try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path]).status == 0)
        let content = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
        // "12,50 €" in UTF-16BE: it was not drawn, the ellipsis glyph stands for it.
        #expect(content.contains("/ActualText <feff") && content.contains("00310032002c00350030002020ac>"))
        let text = try Tool.run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).stdout
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == Fixtures.frenchLine)
    }

    @Test func textThatFitsIsNotEllipsized() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let page = Page(size: .a4Portrait, items: [.text("Œufs (boîte de 12)", frame: Rect(x: 20, y: 20, width: 300, height: 12), style: Fixtures.cell)])
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("fits.pdf")
        let expanded = folder.appendingPathComponent("fits.qdf")
        try renderer.render([page], info: Fixtures.info, to: url)
        #expect(try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path]).status == 0)
        #expect(!String(decoding: try Data(contentsOf: expanded), as: UTF8.self).contains("/ActualText"))
    }
}
