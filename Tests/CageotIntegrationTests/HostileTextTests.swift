import CageotApp
import CageotCore
import CageotDocuments
import CageotLayout
import CageotPDF
import CageotPresets
import CageotStore
import Foundation
import Testing

/// The data of Fixtures/hostile-fixture.sql: names as long as CAMAP's columns allow, HTML and
/// `<script>` in the notes, control characters, bidi overrides, emoji the fonts lack, mojibake,
/// absurd quantities and prices, a household of 200 lines, a group named `../../etc`.
enum HostileFixture {
    static let sql = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/hostile-fixture.sql")
    /// Group `../../etc`: every trouble; group 2: a name of 64 characters and a place of full columns.
    static let sessions = [10, 20]
    static let distributions = [100, 200]
    static let classicCatalog = 2
    static let from = LocalDate(year: 2026, month: 12, day: 1)
    static let to = LocalDate(year: 2026, month: 12, day: 31)

    static func load() throws -> Connection {
        let connection = try TestDatabase.connect("hostile")
        try connection.executeScript("hostile fixture", try String(contentsOf: sql, encoding: .utf8))
        return connection
    }

    /// The products' names as stored (the test compares the sheets with the database, not with a copy).
    static func productNames(_ db: Connection) throws -> [Int: String] {
        Dictionary(uniqueKeysWithValues: try db.query("product names", #"SELECT id, name FROM "Product""#) {
            (try $0.decode("id", as: Int.self), try $0.decode("name", as: String.self))
        })
    }
}

/// Hostile text through every shipped preset: no crash, a valid PDF, no control character or
/// `<script>` in the printed text, long names printed whole, every text inside its frame when
/// measured with the fonts that draw it, and no file outside the output folder.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct HostileTextTests {
    static let library = PresetLibrary(directory: repositoryRoot.appendingPathComponent("layouts"))
    /// Every shipped preset, of every kind.
    static let presets = library.list().map(\.name)
    static let sessionPresets = presets.filter { (try? library.load($0).kind) == .session }

    /// A sheet made twice: laid out (to measure its frames) and written through `SheetJobs`.
    struct Made {
        var label: String
        var pages: [Page]
        var document: GeneratedDocument
        /// Texts that must come back whole from the PDF (spaces and line breaks aside).
        var expected: [String]
    }

    @Test func theFixtureIsAsHostileAsItSays() throws {
        let db = try HostileFixture.load()
        func value(_ sql: String) throws -> String {
            try db.query("fixture check", sql) { try $0.decode("v", as: String.self) }.first ?? ""
        }
        #expect(try value(#"SELECT max(length("lastName"))::text || ' ' || max(length("firstName"))::text AS v FROM "User""#) == "32 32")
        #expect(try value(#"SELECT max(length(name))::text AS v FROM "Product""#) == "128")
        #expect(try value(#"SELECT max(length(name))::text AS v FROM "Group""#) == "64")
        #expect(try value(#"SELECT length("txtDistrib")::text AS v FROM "Group" WHERE name = '../../etc'"#) == "5000")
        #expect(try value(#"SELECT (strpos("txtDistrib", '<script>alert(1)</script>') > 0)::text AS v FROM "Group" WHERE id = 1"#) == "true")
        #expect(try value(#"SELECT max(n)::text AS v FROM (SELECT count(*) AS n FROM "UserOrder" GROUP BY "basketId") c"#) == "200")
        #expect(try value(#"SELECT count(*)::text AS v FROM "User" WHERE "firstName" = ''"#) == "1")
        #expect(try value(#"SELECT ("placeId" IS NULL)::text AS v FROM "Group" WHERE id = 1"#) == "true")
        #expect(try value(#"SELECT max(quantity)::text || ' ' || min("productPrice")::text AS v FROM "UserOrder""#) == "1000000 0.001")
        for character in ["\u{01}", "\u{07}", "\u{1B}", "\t", "\r", "\u{200F}", "\u{202E}", "\u{200D}", "🥕", "🧀", "👩‍🌾", "HÃ©lÃ¨ne"] {
            let holders = try db.query("characters", #"SELECT count(*)::text AS v FROM "User" WHERE strpos("firstName" || "lastName" || COALESCE(phone2, ''), $1) > 0"#,
                                       [character]) { try $0.decode("v", as: String.self) }
            #expect(holders != ["0"], "no member's name holds \(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test(arguments: presets)
    func everyShippedPresetPrintsHostileDataWhole(preset name: String) throws {
        let db = try HostileFixture.load()
        let root = try temporaryFolder()
        // Deep enough that "../../etc" resolved against it would still land inside `root`, where we look.
        let output = root.appendingPathComponent("a/b/output", isDirectory: true)
        let factory = try DocumentFactory(environment: Fixture.environment(output: output))
        let jobs = try SheetJobs(connection: db, factory: factory, layout: name)
        let store = CamapStore(db)
        let preset = try Self.library.load(name)
        let product = try HostileFixture.productNames(db)
        let place = try db.query("place", #"SELECT name FROM "Place" WHERE id = 2"#) { try $0.decode("name", as: String.self) }[0]

        var made: [Made] = []
        switch preset.kind {
        case .session:
            for id in HostileFixture.sessions {
                let data = try store.sessionSheetData(session: id)
                let pages = try factory.sessionSheetPages(data, preset: preset).pages
                // No URL: the default path under the output folder, named after the group.
                let document = try jobs.sessionSheet(id)
                made.append(Made(label: "session \(id)", pages: pages, document: document,
                                 expected: id == 10 ? [product[1]!, product[3]!, product[11]!] : [product[20]!, place]))
            }
        case .grid:
            let data = try store.contractGridData(catalog: HostileFixture.classicCatalog, from: HostileFixture.from, to: HostileFixture.to)
            let pages = factory.contractGridPages(data, options: preset.gridOptions).pages
            let document = try jobs.contractGrid(catalog: HostileFixture.classicCatalog, from: HostileFixture.from, to: HostileFixture.to)
            made.append(Made(label: "grid", pages: pages, document: document, expected: [product[10]!, product[11]!]))
        case .variable, .matrix:
            let kind = try #require(preset.distributionKind)
            for id in HostileFixture.distributions {
                let data = try store.distributionSheetData(distribution: id)
                let pages = try factory.distributionSheetPages(data, kind: kind, variableLayout: preset.variableLayout,
                                                               matrixLayout: preset.matrixLayout).pages
                let document = try jobs.distributionSheet(id, kind: kind)
                made.append(Made(label: "distribution \(id)", pages: pages, document: document,
                                 expected: id == 100 ? [product[1]!, product[3]!] : [product[20]!]))
            }
        }

        let measurer = PangoTextMeasurer(fonts: try FontContext(fontsDirectory: repositoryRoot.appendingPathComponent("Fonts")))
        for sheet in made {
            let label = "\(name), \(sheet.label)"
            #expect(sheet.document.pages == sheet.pages.count, "\(label): \(sheet.document.pages) pages written, \(sheet.pages.count) laid out")
            #expect(sheet.pages.allSatisfy { $0.items.contains { if case .text = $0 { true } else { false } } }, "\(label): a page without text")
            let overflows = Self.overflows(sheet.pages, measurer: measurer)
            #expect(overflows.isEmpty, "\(label): \(overflows.count) texts leave their frame, e.g. \(overflows.prefix(5))")

            try run("qpdf", ["--check", sheet.document.path])
            let text = try run("pdftotext", [sheet.document.path, "-"])
            let raw = try run("pdftotext", ["-raw", sheet.document.path, "-"])
            for printed in [text, raw] {
                let controls = Self.controlCharacters(in: printed)
                #expect(controls.isEmpty, "\(label): the printed text holds \(Set(controls).sorted())")
                #expect(!printed.lowercased().contains("<script"), "\(label): <script> is printed")
            }
            // In drawing order (-raw), a name wrapped over several lines, or broken inside a word in a
            // narrow column, reads back whole once spaces, line breaks and hyphens are ignored.
            let squeezedRaw = Self.squeezed(raw)
            for expected in sheet.expected {
                #expect(squeezedRaw.contains(Self.squeezed(expected)), "\(label): \"\(expected)\" is not printed whole")
            }
            // Where the product column is wide (all but the matrix), no word of the long name is broken.
            if preset.kind != .matrix, let long = sheet.expected.first {
                let words = Set(text.replacingOccurrences(of: "-", with: "").split(whereSeparator: \.isWhitespace).map(String.init))
                let broken = long.replacingOccurrences(of: "-", with: "").split(separator: " ").map(String.init).filter { !words.contains($0) }
                #expect(broken.isEmpty, "\(label): words of \"\(long)\" broken or missing: \(broken)")
            }

            let path = URL(fileURLWithPath: sheet.document.path).standardizedFileURL.path
            #expect(path.hasPrefix(output.standardizedFileURL.path + "/"), "\(label): written to \(path)")
        }
        // Nothing anywhere under the temp folder but the sheets inside the output folder.
        let strays = Self.files(under: root).filter { !$0.hasPrefix(output.standardizedFileURL.path + "/") }
        #expect(strays.isEmpty, "\(name): files outside the output folder: \(strays)")
        #expect(!made.isEmpty)
    }

    @Test func aGroupNamedDotDotSlashGetsASafeFolderOfItsOwn() throws {
        let db = try HostileFixture.load()
        let output = try temporaryFolder().appendingPathComponent("output", isDirectory: true)
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        let documents = [try jobs.sessionSheet(10), try jobs.distributionSheet(100, kind: .variableSheet),
                         try jobs.distributionSheet(100, kind: .productMatrix),
                         try jobs.contractGrid(catalog: HostileFixture.classicCatalog, from: HostileFixture.from, to: HostileFixture.to)]
        for document in documents {
            let relative = String(document.path.dropFirst(output.path.count + 1))
            #expect(document.path.hasPrefix(output.path + "/") && !relative.contains(".."), "\(document.path)")
            #expect(relative.hasPrefix("etc/2026-12-0"), "\(relative)")
            #expect(FileManager.default.fileExists(atPath: document.path))
        }
        #expect(documents[0].path == output.appendingPathComponent("etc/2026-12-03/emargement-2026-12-03-etc-session-10.pdf").path)
    }

    @Test func notesLoseTheirTagsButKeepTheirText() throws {
        let db = try HostileFixture.load()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder())))
        let printed = normalized(try run("pdftotext", [try jobs.sessionSheet(10).path, "-"]))
        // The notes close the sheet, under "À savoir" (names above may hold tags: they are data, printed as is).
        let text = try #require(printed.components(separatedBy: "À savoir").dropFirst().last)
        for tag in ["<p", "<b>", "<h1", "<SCRIPT", "onclick", "&amp;", "&nbsp;", "<ul", "<li"] {
            #expect(!text.contains(tag), "\(tag) is printed")
        }
        for words in ["Bienvenue !", "Apportez vos sacs & vos boîtes.", "• un", "Consigne importante : rapportez les bocaux"] {
            #expect(text.contains(words), "\(words) is missing")
        }
    }

    /// `a < b` is text, not a tag: HTML only opens a tag on `<` followed by a letter, `/`, `!` or `?`.
    @Test
    func aLessThanSignInTheNotesIsNotATag() throws {
        let db = try HostileFixture.load()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder())))
        let text = normalized(try run("pdftotext", [try jobs.sessionSheet(10).path, "-"]))
        #expect(text.contains("Si vous avez < 3 paniers, prenez un sac."))
    }

    /// A group, place or contract name is data: `{date}` in it is printed, never replaced.
    @Test
    func placeholdersInDataArePrintedAsIs() throws {
        let db = try HostileFixture.load()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder())))
        _ = try db.execute("a group named with placeholders", #"UPDATE "Group" SET name = '{place} {date} {page}/{pages} AMAP' WHERE id = 2"#)
        let text = normalized(try run("pdftotext", ["-layout", try jobs.sessionSheet(20).path, "-"]))
        let title = text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(title == "{place} {date} {page}/{pages} AMAP", "\(text.prefix(200))")
        #expect(text.contains("{place} {date} {page}/{pages} AMAP — jeudi 3 décembre 2026 — page 1 / 1"))
    }

    /// A phone number has no letter of its own; it must not take the direction of an Arabic or
    /// Hebrew name printed above it in the same cell.
    @Test
    func aPhoneUnderARightToLeftNameKeepsItsDigitOrder() throws {
        let (_, db) = try Fixture.load()
        _ = try db.execute("an Arabic surname", #"UPDATE "User" SET "lastName" = 'حداد', phone = '06 12 34 56 78' WHERE id = 3"#)
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder())))
        let text = try run("pdftotext", ["-layout", try jobs.sessionSheet(10).path, "-"])
        #expect(text.contains("حداد"))
        #expect(text.contains("06 12 34 56 78"), "\(text)")
        #expect(!text.contains("78 56 34 12 06"))
    }

    /// The first household starts on the first page, under the column header, even when it is
    /// taller than a page: a page holding only the title and an empty table header is wasted paper.
    @Test(arguments: sessionPresets + ["variable"])
    func theFirstPageHoldsAHousehold(preset name: String) throws {
        let db = try HostileFixture.load()
        let factory = try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder()))
        let store = CamapStore(db)
        let preset = try Self.library.load(name)
        let names: [String]
        let pages: [Page]
        if preset.kind == .variable {
            let data = try store.distributionSheetData(distribution: 100)
            names = try DistributionVariableSheet(data).households.map(\.name)
            pages = try factory.distributionSheetPages(data, kind: .variableSheet, variableLayout: preset.variableLayout).pages
        } else {
            let (sheet, laidOut) = try factory.sessionSheetPages(try store.sessionSheetData(session: 10), preset: preset)
            names = sheet.households.flatMap { [$0.name, $0.abbreviatedName] }
            pages = laidOut
        }
        let first = try #require(pages.first)
        let shown = first.items.contains { item in
            guard case let .text(text, _, _) = item else { return false }
            return names.contains { text.hasPrefix($0) }
        }
        #expect(shown, "\(name): page 1 of \(pages.count) shows no household")
    }

    /// A logo that is not an image stops the sheet with a message naming it, and leaves no file.
    @Test func aCorruptLogoIsNamedAndLeavesNoFile() throws {
        let db = try HostileFixture.load()
        try db.executeScript("a corrupt logo", #"""
            INSERT INTO "File" (id, name, data, cdate) VALUES (9, 'logo.png', '\x89504e470d0a1a0a0000000d49484452deadbeef', '2025-01-01');
            UPDATE "Group" SET "imageId" = 9 WHERE id = 2
            """#)
        let output = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        do {
            let document = try jobs.sessionSheet(20, to: output.appendingPathComponent("sheet.pdf"))
            try run("qpdf", ["--check", document.path])  // printing it without the logo would do too
        } catch {
            #expect("\(error)".contains("PNG"), "\(error)")
            #expect(Self.files(under: output).isEmpty)
        }
    }

    // MARK: - Helpers

    /// Texts whose wrapped height, measured with the fonts that draw them, exceeds their frame, or
    /// whose frame leaves the page.
    static func overflows(_ pages: [Page], measurer: PangoTextMeasurer) -> [String] {
        var found: [String] = []
        for (number, page) in pages.enumerated() {
            for case let .text(text, frame, style) in page.items where !text.isEmpty {
                let needed = measurer.measure(text, style: style, width: frame.width).height
                let onPage = frame.x >= -0.5 && frame.y >= -0.5 && frame.x + frame.width <= page.size.width + 0.5
                    && frame.y + frame.height <= page.size.height + 0.5
                if needed > frame.height + 0.5 || !onPage {
                    found.append("page \(number + 1): \"\(text.prefix(30))\" needs \(needed) pt in \(frame)")
                }
            }
        }
        return found
    }

    /// C0 controls but the line feed and form feed pdftotext writes itself, DEL, and C1 controls.
    static func controlCharacters(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\u{0C}") || (0x7F...0x9F).contains(scalar.value)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Text without spaces, line breaks, hyphens or invisible format characters (soft hyphen, ZWJ,
    /// bidi marks), which wrapping adds or a PDF reader drops.
    static func squeezed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if scalar.properties.isWhitespace || scalar == "-" || category == .format || category == .control { continue }
            out.append(scalar)
        }
        return String(out)
    }

    /// Every regular file under `folder`, by standardized path.
    static func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return url.standardizedFileURL.path
        }
    }
}
