import CageotApp
import CageotCore
import CageotStore
import Foundation
import Testing

/// Page 1 of a few sheets, rendered at 50 dpi in gray and compared with the PNGs committed in
/// Reference/, with a tolerance (ImageTolerance): what text checks cannot see, a rule or a column
/// drawn in the wrong place, a box gone, a page turned.
/// `scripts/update-reference-images` rewrites the references after a deliberate change.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct ReferenceImageTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Reference")
    /// Set by scripts/update-reference-images: write the references instead of comparing with them.
    static let updating = ProcessInfo.processInfo.environment["CAGEOT_UPDATE_REFERENCES"] == "1"

    /// The sheets with a reference image, each made from a hand-checked fixture.
    enum Sheet: String, CaseIterable, Sendable {
        /// Fixtures/session-fixture.sql, session 10, with the `all`, `short` and `large-print` presets.
        case sessionAll = "session-all", sessionShort = "session-short", sessionLargePrint = "session-large-print"
        /// Fixtures/contract-grid-fixture.sql, catalog 1, December 2026, the `grid` preset.
        case contractGrid = "contract-grid"
        /// Fixtures/distribution-fixture.sql, distribution 200, the `variable` and `matrix` presets.
        case variableSheet = "variable-sheet", productMatrix = "product-matrix"

        var reference: URL { ReferenceImageTests.folder.appendingPathComponent("\(rawValue).png") }

        /// Loads the fixture into a fresh replica and writes the sheet's PDF into `folder`.
        func write(into folder: URL) throws -> URL {
            let url = folder.appendingPathComponent("\(rawValue).pdf")
            let factory = try DocumentFactory(environment: Fixture.environment(output: folder))
            let document: GeneratedDocument
            switch self {
            case .sessionAll, .sessionShort, .sessionLargePrint:
                let layout = self == .sessionShort ? "short" : self == .sessionLargePrint ? "large-print" : "all"
                let (_, db) = try Fixture.load()
                document = try SheetJobs(connection: db, factory: factory, recordInLedger: false, layout: layout).sessionSheet(10, to: url)
            case .contractGrid:
                let db = try TestDatabase.connect("refgrid")
                try db.executeScript("contract grid fixture", try String(contentsOf: ContractGridTests.fixture, encoding: .utf8))
                document = try SheetJobs(connection: db, factory: factory, recordInLedger: false)
                    .contractGrid(catalog: 1, from: ContractGridTests.from, to: ContractGridTests.to, to: url)
            case .variableSheet, .productMatrix:
                let db = try DistributionFixture.load()
                document = try SheetJobs(connection: db, factory: factory, recordInLedger: false)
                    .distributionSheet(DistributionFixture.variable, kind: self == .variableSheet ? .variableSheet : .productMatrix, to: url)
            }
            return URL(fileURLWithPath: document.path)
        }
    }

    @Test(arguments: Sheet.allCases)
    func pageOneLooksLikeItsReference(_ sheet: Sheet) throws {
        let folder = try temporaryFolder()
        let actual = try PageImages.render(try sheet.write(into: folder), in: folder)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try PageImages.writePNG(actual, to: sheet.reference)
            return
        }
        guard FileManager.default.fileExists(atPath: sheet.reference.path) else {
            Issue.record("\(sheet.rawValue): no reference image \(sheet.reference.path); make it with scripts/update-reference-images")
            return
        }
        if let failure = try Self.compare(actual, with: try PageImages.readPNG(sheet.reference), name: sheet.rawValue, folder: folder) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// The tolerance lets identical renders through and stops a page, or one column of it, drawn
    /// three pixels (1.5 mm at 50 dpi) off.
    @Test(arguments: Sheet.allCases)
    func aPageShiftedByThreePixelsFailsTheComparison(_ sheet: Sheet) throws {
        let folder = try temporaryFolder()
        let page = try PageImages.render(try sheet.write(into: folder), in: folder)
        #expect(try Self.compare(page, with: page, name: "same", folder: folder) == nil)
        let band = page.width * 2 / 5..<page.width * 3 / 5
        for (label, moved) in [("right", page.shifted(dx: 3)), ("down", page.shifted(dx: 0, dy: 3)),
                               ("a column", page.shifted(dx: 3, columns: band))] {
            let difference = try #require(moved.difference(from: page, strongLevel: ImageTolerance.references.strongLevel))
            #expect(!ImageTolerance.references.accepts(difference), "\(sheet.rawValue) shifted \(label): \(difference) passes")
        }
        // A failure leaves the actual image and a diff beside the test's outputs, and says where.
        let failure = try #require(try Self.compare(page.shifted(dx: 3), with: page, name: sheet.rawValue, folder: folder))
        for file in ["\(sheet.rawValue).actual.png", "\(sheet.rawValue).diff.png"] {
            let path = folder.appendingPathComponent(file).path
            #expect(failure.contains(path) && FileManager.default.fileExists(atPath: path), "\(failure)")
        }
    }

    @Test func aGrayImageSurvivesPNGAndBack() throws {
        let folder = try temporaryFolder()
        let image = GrayImage(width: 7, height: 3, pixels: (0..<21).map { UInt8($0 * 12) })
        let png = folder.appendingPathComponent("ramp.png")
        try PageImages.writePNG(image, to: png)
        #expect(try PageImages.readPNG(png) == image)
        #expect(try GrayImage(pgm: Data("P5\n# a comment\n2 1\n255\n".utf8) + Data([0, 255])) == GrayImage(width: 2, height: 1, pixels: [0, 255]))
        #expect(throws: ImageFileError.self) { try GrayImage(pgm: Data("P6\n2 1\n255\n".utf8) + Data([0, 0, 0, 0, 0, 0])) }
        #expect(throws: ImageFileError.self) { try GrayImage(pgm: Data("P5\n2 2\n255\n".utf8) + Data([0, 0, 0])) }
    }

    /// Every committed reference belongs to a sheet of this suite, and stays small.
    @Test func theReferenceFolderHoldsTheSheetsReferencesOnly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == Sheet.allCases.map { "\($0.rawValue).png" }.sorted())
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: Self.folder.appendingPathComponent(file).path)[.size] as? Int ?? 0
            #expect(size < 60_000, "\(file) is \(size) bytes")
        }
    }

    /// Nil when `actual` matches `reference` within the tolerance; otherwise what differs, with the
    /// actual image and a diff written into `folder`.
    static func compare(_ actual: GrayImage, with reference: GrayImage, name: String, folder: URL) throws -> String? {
        let tolerance = ImageTolerance.references
        let actualURL = folder.appendingPathComponent("\(name).actual.png")
        guard let difference = actual.difference(from: reference, strongLevel: tolerance.strongLevel) else {
            try PageImages.writePNG(actual, to: actualURL)
            return "\(name): the page is \(actual.width) × \(actual.height) pixels, the reference \(reference.width) × \(reference.height); "
                + "actual image: \(actualURL.path). If the change is deliberate, run scripts/update-reference-images."
        }
        guard !tolerance.accepts(difference) else { return nil }
        let diffURL = folder.appendingPathComponent("\(name).diff.png")
        try PageImages.writePNG(actual, to: actualURL)
        try PageImages.writePNG(actual.diffImage(against: reference), to: diffURL)
        return "\(name): \(difference), more than the tolerance (\(tolerance)); actual image: \(actualURL.path), "
            + "differences (dark on the reference): \(diffURL.path). If the change is deliberate, run scripts/update-reference-images."
    }
}
