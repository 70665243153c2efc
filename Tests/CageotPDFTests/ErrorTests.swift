import CageotLayout
import CageotPDF
import Foundation
import Testing

/// Failures name what failed and say what to do.
@Suite struct ErrorTests {
    @Test func missingFontsFolderIsNamed() {
        #expect {
            _ = try FontContext(fontsDirectory: URL(fileURLWithPath: "/nonexistent/Fonts"))
        } throws: { error in
            "\(error)".contains("/nonexistent/Fonts") && "\(error)".contains("does not exist")
        }
    }

    @Test func folderWithoutFontsIsRefused() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a font".utf8).write(to: folder.appendingPathComponent("README.txt"))
        #expect {
            _ = try FontContext(fontsDirectory: folder)
        } throws: { error in
            "\(error)".contains(folder.standardizedFileURL.path) && "\(error)".contains("no font")
        }
    }

    @Test func folderLackingTheCondensedFamilyIsRefused() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixtures.fontsDirectory.appendingPathComponent("DejaVuSans.ttf"),
                                         to: folder.appendingPathComponent("DejaVuSans.ttf"))
        #expect {
            _ = try FontContext(fontsDirectory: folder)
        } throws: { error in
            "\(error)".contains("DejaVu Sans Condensed")
        }
    }

    @Test func unwritablePathGivesCairoStatusAndPath() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let url = URL(fileURLWithPath: "/nonexistent/folder/out.pdf")
        #expect {
            try renderer.render(Fixtures.twoPages(), info: Fixtures.info, to: url)
        } throws: { error in
            guard let error = error as? PDFError else { return false }
            return error.path == url.path && error.status.contains("writing") && error.description.contains("folder exists")
        }
    }

    @Test func noPagesIsAnError() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        #expect(throws: PDFError.self) { try renderer.render([], info: Fixtures.info) }
    }
}
