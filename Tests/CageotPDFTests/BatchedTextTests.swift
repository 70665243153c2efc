import CageotLayout
import CageotPDF
import Foundation
import Testing

/// A page's text, rules and boxes are drawn in a few cairo operations (`GlyphBatch`, one path per
/// stroke style): the glyphs land where Pango draws them, the text reads back the same, boxes
/// still cover the ends of their rules, and what is painted afterwards still covers them.
@Suite final class BatchedTextTests {
    private let folder: URL

    init() throws { folder = try Tool.temporaryFolder() }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func render(_ items: [PageItem], name: String) throws -> URL {
        let url = folder.appendingPathComponent("\(name).pdf")
        try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
            .render([Page(size: .a4Portrait, items: items)], info: Fixtures.info, to: url)
        return url
    }

    private struct Word: Equatable { var text: String; var xMin, yMin, xMax, yMax: Double }

    /// The words pdftotext finds, with their boxes.
    private func words(_ url: URL) throws -> [Word] {
        let html = try Tool.run("pdftotext", ["-enc", "UTF-8", "-bbox", url.path, "-"]).stdout
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let field = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            return Word(text: field(5), xMin: Double(field(1))!, yMin: Double(field(2))!, xMax: Double(field(3))!, yMax: Double(field(4))!)
        }
    }

    @Test(arguments: [TextStyle.Alignment.left, .center, .right])
    func glyphsLandWherePangoDrawsThem(alignment: TextStyle.Alignment) throws {
        // The same text twice: in a frame it fits (batched), and in a frame too low for it, which
        // the drawer clips and leaves to pango_cairo_show_layout.
        let text = "Œufs fins (boîte de 12) — 12,50 €"
        let style = Fixtures.cell.with(alignment: alignment)
        let url = try render([.text(text, frame: Rect(x: 30, y: 40, width: 250, height: 14), style: style),
                              .text(text, frame: Rect(x: 30, y: 200, width: 250, height: 5), style: style)], name: "positions")
        let all = try words(url)
        let batched = all.filter { $0.yMin < 120 }
        let pango = all.filter { $0.yMin >= 120 }.map { Word(text: $0.text, xMin: $0.xMin, yMin: $0.yMin - 160, xMax: $0.xMax, yMax: $0.yMax - 160) }
        #expect(batched.map(\.text) == ["Œufs", "fins", "(boîte", "de", "12)", "—", "12,50", "€"])
        #expect(batched.map(\.text) == pango.map(\.text))
        for (a, b) in zip(batched, pango) {
            #expect(abs(a.xMin - b.xMin) < 0.01 && abs(a.xMax - b.xMax) < 0.01 && abs(a.yMin - b.yMin) < 0.01, "\(a) vs \(b)")
        }
    }

    @Test func wrappedTextKeepsItsLines() throws {
        let url = try render([.text("Pain de campagne au levain 1 kg", frame: Rect(x: 30, y: 40, width: 70, height: 40), style: Fixtures.cell)],
                             name: "wrapped")
        let lines = Dictionary(grouping: try words(url), by: { ($0.yMin * 100).rounded() / 100 })
            .sorted { $0.key < $1.key }.map { $0.value.sorted { $0.xMin < $1.xMin }.map(\.text).joined(separator: " ") }
        #expect(lines == ["Pain de", "campagne au", "levain 1 kg"])
    }

    @Test func ligaturesAndOddTextReadBack() throws {
        // DejaVu draws "fi" as one glyph: the PDF still says "fi". A character the fonts lack and
        // right-to-left text go through Pango, which draws them as before.
        let url = try render([.text("Les paniers non récupérés à la fin sont offerts", frame: Rect(x: 30, y: 40, width: 400, height: 14), style: Fixtures.cell),
                              .text("Nom 漢 Prénom", frame: Rect(x: 30, y: 60, width: 400, height: 14), style: Fixtures.cell),
                              .text("سلام", frame: Rect(x: 30, y: 80, width: 400, height: 14), style: Fixtures.cell)], name: "odd")
        let text = try Tool.run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).stdout
        #expect(text.contains("Les paniers non récupérés à la fin sont offerts"))
        #expect(!text.contains("\u{FB01}") && !text.contains("\u{FB03}"))
        #expect(text.contains("Nom") && text.contains("Prénom"))
        #expect(text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) || (0xFE70...0xFEFF).contains($0.value) }, "\(text)")
    }

    @Test func aPageOfCellsIsAFewTextOperations() throws {
        // 40 rows of 6 cells and a title: 241 texts, three fonts (bold title, cells, bold cells),
        // and a bar beside each row (a fill that covers no text leaves the batch alone).
        var items: [PageItem] = [.text("Émargement", frame: Rect(x: 40, y: 20, width: 300, height: 20), style: Fixtures.title)]
        for row in 0..<40 {
            for column in 0..<6 {
                items.append(.text("Cellule \(row)·\(column)", frame: Rect(x: 40 + Double(column) * 85, y: 50 + Double(row) * 18, width: 80, height: 12),
                                   style: Fixtures.cell.with(bold: column == 0)))
            }
            items.append(.fill(Rect(x: 556, y: 50 + Double(row) * 18, width: 30, height: 12), gray: 0.5))
            items.append(.line(from: Point(x: 40, y: 66 + Double(row) * 18), to: Point(x: 555, y: 66 + Double(row) * 18), width: 0.3, gray: 0.5))
        }
        let url = try render(items, name: "cells")
        let expanded = folder.appendingPathComponent("cells.qdf")
        #expect(try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path]).status == 0)
        let content = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
        // cairo writes "BT" alone on its line, or after the colour ("0 0 0 rg BT").
        let textObjects = content.split(separator: "\n").filter { $0 == "BT" || $0.hasSuffix(" BT") }.count
        #expect((1...3).contains(textObjects), "\(textObjects) text objects")
        // The 40 rules, of one width and gray, are one path stroked once.
        #expect(content.split(separator: "\n").filter { $0.hasSuffix(" S") || $0 == "S" }.count == 1)
        let text = try Tool.run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).stdout
        #expect(text.contains("Cellule 39·5") && text.contains("Cellule 0·0") && text.contains("Émargement"))
    }

    @Test func frenchSpacesStayInTheLatinFonts() throws {
        // The no-break spaces of French amounts ("1 234,50 €", "Solde : …") are drawn as the font's
        // space: no second (CID) font around each, the same places as Pango's, copied as spaces.
        // A text wrapped at a space writes no empty ActualText span for it.
        let text = "Total\u{00A0}: 1\u{202F}234,50\u{00A0}€"
        let url = try render([.text(text, frame: Rect(x: 30, y: 40, width: 250, height: 14), style: Fixtures.cell),
                              .text(text, frame: Rect(x: 30, y: 200, width: 250, height: 5), style: Fixtures.cell),
                              .text("Solde\u{00A0}: -189,84\u{00A0}€ · à payer\u{00A0}: 189,84\u{00A0}€", frame: Rect(x: 30, y: 300, width: 120, height: 40),
                                    style: Fixtures.cell)], name: "spaces")
        let all = try words(url)
        let batched = all.filter { $0.yMin < 120 }
        let pango = all.filter { $0.yMin >= 120 && $0.yMin < 250 }
        #expect(batched.map(\.text) == ["Total", ":", "1", "234,50", "€"])
        #expect(abs(batched.first!.xMin - pango.first!.xMin) < 0.01 && abs(batched.last!.xMax - pango.last!.xMax) < 0.01,
                "\(batched) vs \(pango)")
        let alone = try render([.text(text, frame: Rect(x: 30, y: 40, width: 250, height: 14), style: Fixtures.cell)], name: "alone")
        let fonts = try Tool.run("pdffonts", [alone.path]).stdout
        #expect(!fonts.contains("Identity-H") && fonts.contains("WinAnsi"), "\(fonts)")
        let wrapped = all.filter { $0.yMin >= 250 }
        #expect(Set(wrapped.map { ($0.yMin * 100).rounded() }).count == 2, "\(wrapped)")
        #expect(wrapped.map(\.text).joined(separator: " ") == "Solde : -189,84 € · à payer : 189,84 €")
        let expanded = folder.appendingPathComponent("spaces.qdf")
        #expect(try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path]).status == 0)
        #expect(!String(decoding: try Data(contentsOf: expanded), as: UTF8.self).contains("ActualText"))
    }

    @Test func aPageOfBoxedBlocksIsAFewStrokes() throws {
        // 12 blocks as a sheet's households: a name, rules between rows (light), between columns
        // (darker, from the block's top to its bottom), and a box drawn last around each.
        var items: [PageItem] = []
        for block in 0..<12 {
            let top = 40 + Double(block) * 60
            items.append(.text("Foyer \(block)", frame: Rect(x: 45, y: top + 3, width: 100, height: 12), style: Fixtures.cell))
            for row in 1..<3 {
                items.append(.line(from: Point(x: 150, y: top + Double(row) * 20), to: Point(x: 500, y: top + Double(row) * 20), width: 0.25, gray: 0.6))
            }
            for x in [150.0, 300, 400] {
                items.append(.line(from: Point(x: x, y: top), to: Point(x: x, y: top + 60), width: 0.25, gray: 0.4))
            }
            items.append(.box(Rect(x: 40, y: top, width: 500, height: 60), width: 0.5, gray: 0))
        }
        let page = Page(size: .a4Portrait, items: items)
        let url = try render(items, name: "blocks")
        let expanded = folder.appendingPathComponent("blocks.qdf")
        #expect(try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path]).status == 0)
        let lines = String(decoding: try Data(contentsOf: expanded), as: UTF8.self).split(separator: "\n")
        // One path per width and gray (two of rules, one of boxes), one text object.
        #expect(lines.filter { $0.hasSuffix(" S") || $0 == "S" }.count == 3)
        #expect(lines.filter { $0 == "BT" || $0.hasSuffix(" BT") }.count == 1)
        // Each box still covers the ends of the rules on its edges, as when drawn after them one
        // block at a time: black where a column rule meets a block's top edge (4 pixels a point).
        let image = try Tool.pixels(of: page)
        for block in 0..<12 {
            for x in [150.0, 300, 400] {
                let pixel = image.gray[Int((40 + Double(block) * 60) * 4) * image.width + Int(x * 4)]
                #expect(pixel < 40, "block \(block), x \(x): \(pixel)")
            }
        }
    }

    @Test func aStrokeOverPendingTextCoversIt() throws {
        // The text is drawn when the page ends, after the strokes: a white rule drawn over it must
        // still hide it, and a rule under the text (drawn before it) must not.
        let frame = Rect(x: 10, y: 10, width: 60, height: 14)
        let hidden = try Tool.pixels(of: Page(size: Size(width: 80, height: 34), items: [
            .text("MMMMMM", frame: frame, style: Fixtures.cell),
            .line(from: Point(x: 5, y: 17), to: Point(x: 75, y: 17), width: 16, gray: 1),
        ]))
        #expect(hidden.gray.allSatisfy { $0 > 250 })
        let shown = try Tool.pixels(of: Page(size: Size(width: 80, height: 34), items: [
            .line(from: Point(x: 5, y: 17), to: Point(x: 75, y: 17), width: 16, gray: 1),
            .text("MMMMMM", frame: frame, style: Fixtures.cell),
        ]))
        #expect(shown.gray.filter { $0 < 100 }.count > 50)
    }

    @Test func aFillDrawnAfterTextAndRulesCoversThem() throws {
        let frame = Rect(x: 10, y: 10, width: 60, height: 14)
        let covered = try Tool.pixels(of: Page(size: Size(width: 80, height: 34), items: [
            .text("Couvert", frame: frame, style: Fixtures.cell),
            .line(from: Point(x: 12, y: 17), to: Point(x: 68, y: 17), width: 1, gray: 0),
            .fill(frame, gray: 1),
        ]))
        #expect(covered.gray.allSatisfy { $0 > 250 })
        let shown = try Tool.pixels(of: Page(size: Size(width: 80, height: 34), items: [
            .fill(frame, gray: 0.9), .text("Visible", frame: frame, style: Fixtures.cell),
        ]))
        #expect(shown.gray.filter { $0 < 100 }.count > 50)
    }
}
