import CageotLayout
import CageotPDF
import Foundation
import Testing

/// Pango measurements: points at 72 dpi, wrapping, weights and families, and agreement with the drawing.
@Suite struct TextMeasurerTests {
    let measurer: PangoTextMeasurer

    init() throws { measurer = PangoTextMeasurer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)) }

    @Test func ninePointTextIsAboutNinePointsHigh() {
        // DejaVu's line height is 1.164 em: 10.5 pt at 72 dpi, 14 at Pango's default 96 dpi.
        let size = measurer.measure("Œufs", style: Fixtures.cell, width: nil)
        #expect(abs(size.height - 10.48) < 0.1)
    }

    @Test func textWiderThanTheFrameWrapsToMoreLines() {
        let line = measurer.measure(Fixtures.frenchLine, style: Fixtures.cell, width: nil)
        let wrapped = measurer.measure(Fixtures.frenchLine, style: Fixtures.cell, width: line.width / 2)
        #expect(wrapped.width <= line.width / 2)
        #expect(wrapped.height >= 2 * line.height - 0.01)
    }

    @Test func wordLongerThanTheWidthIsBrokenAnywhere() {
        let word = "Œufsdepoulesélevéesenpleinair"
        let wrapped = measurer.measure(word, style: Fixtures.cell, width: 30)
        #expect(wrapped.width <= 30)
        #expect(wrapped.height > 3 * measurer.measure(word, style: Fixtures.cell, width: nil).height)
    }

    @Test func newlineStartsANewLine() {
        let one = measurer.measure("Élodie", style: Fixtures.cell, width: nil)
        let two = measurer.measure("Élodie\nLe Goff", style: Fixtures.cell, width: nil)
        #expect(abs(two.height - 2 * one.height) < 0.01)
    }

    @Test func boldIsWiderThanRegular() {
        let regular = measurer.measure(Fixtures.frenchLine, style: Fixtures.cell, width: nil)
        let bold = measurer.measure(Fixtures.frenchLine, style: Fixtures.cell.with(bold: true), width: nil)
        #expect(bold.width > regular.width * 1.05)
    }

    @Test func condensedIsNarrowerThanSans() {
        let condensed = measurer.measure(Fixtures.frenchLine, style: Fixtures.cell, width: nil)
        let sans = measurer.measure(Fixtures.frenchLine, style: TextStyle(family: .sans, size: 9), width: nil)
        #expect(condensed.width < sans.width * 0.95)
    }

    @Test func widthGrowsWithTheFontSize() {
        let small = measurer.measure("Paniers", style: Fixtures.cell, width: nil)
        let large = measurer.measure("Paniers", style: Fixtures.cell.with(size: 18), width: nil)
        #expect(abs(large.width - 2 * small.width) < 0.01)
    }

    /// Past a thousand distinct texts the layout cache recycles layouts across styles and widths:
    /// a recycled layout must measure like a new one.
    @Test func recycledLayoutsMeasureLikeNewOnes() throws {
        let styles = [Fixtures.cell, Fixtures.cell.with(bold: true, alignment: .right), TextStyle(family: .sans, size: 12)]
        let queries = (0..<3000).map { ("\(Fixtures.frenchLine) \($0)", styles[$0 % 3], $0 % 2 == 0 ? 80.0 : nil as Double?) }
        let first = queries.map { measurer.measure($0.0, style: $0.1, width: $0.2) }
        let fresh = PangoTextMeasurer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let again = queries.reversed().map { fresh.measure($0.0, style: $0.1, width: $0.2) }.reversed()
        #expect(zip(first, again).filter { $0 != $1 }.count == 0)
        #expect(Set(first.map(\.height)).count > 2)
    }

    /// pdftotext's word boxes come from the glyph advances cairo wrote: they must match the measure.
    @Test func drawnTextIsAsWideAsMeasured() throws {
        let text = "Œufs"
        let styles = [Fixtures.cell, Fixtures.cell.with(bold: true), TextStyle(family: .sans, size: 11)]
        let pages = styles.map { style in
            Page(size: .a4Portrait, items: [.text(text, frame: Rect(x: 100, y: 100, width: 300, height: 20), style: style)])
        }
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("widths.pdf")
        try PDFRenderer(fonts: measurer.fonts).render(pages, info: Fixtures.info, to: url)
        let html = try Tool.run("pdftotext", ["-bbox", url.path, "-"]).stdout
        let xMaxes = html.split(separator: "\n").filter { $0.contains("<word") }.compactMap { line -> Double? in
            guard let range = line.range(of: "xMax=\"") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(xMaxes.count == styles.count)
        for (style, xMax) in zip(styles, xMaxes) {
            let measured = measurer.measure(text, style: style, width: nil).width
            #expect(abs(xMax - (100 + measured)) < 0.05, "\(style): drawn to \(xMax), measured \(100 + measured)")
        }
    }
}
