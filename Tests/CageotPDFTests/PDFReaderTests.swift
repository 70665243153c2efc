import CageotLayout
import CageotPDF
import Foundation
import Testing

/// The PDF as real readers see it: poppler's pdftotext, pdfinfo, pdffonts, and qpdf.
@Suite final class PDFReaderTests {
    private let folder: URL

    init() throws { folder = try Tool.temporaryFolder() }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Renders the two sample pages to a file in this test's folder and returns its path.
    private func renderSample() throws -> String {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let url = folder.appendingPathComponent("sample.pdf")
        try renderer.render(Fixtures.twoPages(), info: Fixtures.info, to: url)
        return url.path
    }

    @Test func frenchTextComesBackIntact() throws {
        let text = try Tool.run("pdftotext", ["-enc", "UTF-8", try renderSample(), "-"])
        #expect(text.status == 0)
        #expect(text.stdout.contains(Fixtures.frenchLine))
        #expect(text.stdout.contains("Feuille d'émargement 2"))
    }

    @Test func infoShowsTwoA4PagesAndTheMetadata() throws {
        let info = try Tool.run("pdfinfo", ["-isodates", try renderSample()])
        #expect(info.status == 0)
        let fields = Dictionary(info.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { first, _ in first })
        #expect(fields["Pages"] == "2")
        #expect(fields["Page size"]?.hasSuffix("(A4)") == true)
        #expect(fields["Title"] == Fixtures.info.title)
        #expect(fields["Author"] == "Cageot tests")
        #expect(fields["Subject"] == "Distribution du 7 mai")
        #expect(fields["Creator"] == "Cageot")
        #expect(fields["CreationDate"] == "2024-05-01T08:30:00Z")
        #expect(fields["ModDate"] == "2024-05-01T08:30:00Z")
    }

    @Test func fontsAreEmbedded() throws {
        let fonts = try Tool.run("pdffonts", [try renderSample()])
        #expect(fonts.status == 0)
        // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row[0].contains("DejaVuSans"), "unexpected font \(row[0])")
            #expect(row[row.count - 5] == "yes", "font \(row[0]) is not embedded")
        }
        let names = Set(rows.map { $0[0].split(separator: "+").last.map(String.init) ?? "" })
        #expect(names == ["DejaVuSans-Bold", "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"])
    }

    @Test func qpdfFindsNoStructuralError() throws {
        let check = try Tool.run("qpdf", ["--check", try renderSample()])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test func pagesKeepTheirOwnSize() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let url = folder.appendingPathComponent("mixed.pdf")
        let pages = [Page(size: .a4Portrait, items: [.text("portrait", frame: Rect(x: 10, y: 10, width: 100, height: 12), style: Fixtures.cell)]),
                     Page(size: .a4Landscape, items: [.text("paysage", frame: Rect(x: 10, y: 10, width: 100, height: 12), style: Fixtures.cell)])]
        try renderer.render(pages, info: Fixtures.info, to: url)
        let info = try Tool.run("pdfinfo", ["-f", "1", "-l", "2", url.path])
        let lines = info.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("Page 1 size: 595.276 x 841.89 pts (A4)"))
        #expect(lines.contains("Page 2 size: 841.89 x 595.276 pts (A4)"))
    }
}
