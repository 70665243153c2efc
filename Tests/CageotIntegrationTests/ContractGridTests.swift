import CageotApp
import CageotCore
import CageotLayout
import CageotStore
import Foundation
import Testing

/// The classic-contract grid end to end on Fixtures/contract-grid-fixture.sql: PostgreSQL → PDF,
/// read back with poppler (word positions from `pdftotext -bbox`) and checked against SQL.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct ContractGridTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/contract-grid-fixture.sql")
    static let from = LocalDate(year: 2026, month: 12, day: 1)
    static let to = LocalDate(year: 2026, month: 12, day: 31)
    static let dates = ["03/12", "10/12", "17/12", "24/12"]

    /// The (subscription holder's last name, distribution id) pairs SQL says are absences: a parsed
    /// id of `absentDistribIds` that is a distribution of the range where the subscription has no
    /// confirmed, non-cancelled line.
    static let absencesSQL = """
        SELECT s.id AS subscription, upper(u."lastName") AS "lastName", d.id AS distribution
        FROM "Subscription" s
        JOIN "User" u ON u.id = s."userId"
        JOIN "Distribution" d ON d."catalogId" = s."catalogId"
        JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
        WHERE s."catalogId" = $1 AND s."startDate" < $3::date + 1 AND s."endDate" >= $2::date
          AND COALESCE(d.date, md."distribStartDate") >= $2::date AND COALESCE(d.date, md."distribStartDate") < $3::date + 1
          AND EXISTS (SELECT 1 FROM regexp_split_to_table(COALESCE(s."absentDistribIds", ''), ',') AS part(id)
                      WHERE part.id ~ '^\\s*[0-9]+\\s*$' AND trim(part.id)::numeric = d.id)
          AND NOT EXISTS (SELECT 1 FROM "UserOrder" o LEFT JOIN "Basket" b ON b.id = o."basketId"
                          WHERE o."distributionId" = d.id AND o.quantity <> 0 AND (b.id IS NULL OR b.status <> 'OPEN')
                            AND (o."subscriptionId" = s.id OR (o."subscriptionId" IS NULL AND o."userId" = s."userId")))
        ORDER BY 1, 3
        """

    func load() throws -> Connection {
        let connection = try Connection(try TestDatabase.fresh("grid"), logger: TestDatabase.logger)
        try connection.executeScript("contract grid fixture", try String(contentsOf: Self.fixture, encoding: .utf8))
        return connection
    }

    func generate(_ db: Connection, catalog: Int = 1, from: LocalDate = ContractGridTests.from, to: LocalDate = ContractGridTests.to,
                  options: ContractGridOptions = ContractGridOptions(), output: URL, file: String? = "grid.pdf") throws -> GeneratedDocument {
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        return try jobs.contractGrid(catalog: catalog, from: from, to: to, options: options,
                                     to: file.map { output.appendingPathComponent($0) })
    }

    /// Rows of the fixture's grid: a label and the word that starts its line on the page.
    static let rows: [(label: String, anchor: String)] = [
        ("BRÉHIER", "BRÉHIER"), ("CHÂTEAU", "CHÂTEAU"), ("DURAND", "DURAND"), ("ÉTIENNE", "ÉTIENNE"), ("MARTIN", "MARTIN"),
        ("LE GOFF", "LE"), ("N'DIAYE", "N'DIAYE"),
    ]

    /// What each cell of the fixture's grid shows (nil: blank, to sign).
    static let expectedCells: [String: [String?]] = [
        "BRÉHIER": ["—", "—", nil, nil],
        "CHÂTEAU": ["absent", "absent", "absent", "absent"],
        "DURAND": ["pas de commande", nil, nil, nil],
        "ÉTIENNE": [nil, "son tour", "son tour", nil],
        "MARTIN": ["son tour", nil, nil, "son tour"],
        "LE GOFF": [nil, "absent", nil, nil],
        "N'DIAYE": [nil, nil, "pas de commande", "absent"],
    ]

    @Test func everyCellShowsWhatTheFixtureSays() throws {
        let db = try load()
        let document = try generate(db, output: try temporaryFolder())
        #expect(document.pages == 1)
        let grid = try ContractGridPDFWords(document.path).grid(page: 1, rows: Self.rows, dates: Self.dates)
        for (label, cells) in Self.expectedCells {
            #expect(grid[label] == cells, "\(label)")
        }
    }

    @Test func absentCellsAreExactlyWhereSqlSaysDespiteGarbageIds() throws {
        let db = try load()
        let expected = try db.query("absences", Self.absencesSQL, [1, Self.from, Self.to]) {
            (try $0.decode("lastName", as: String.self), try $0.decode("distribution", as: Int.self))
        }
        #expect(expected.count == 6)
        let document = try generate(db, output: try temporaryFolder())
        let grid = try ContractGridPDFWords(document.path).grid(page: 1, rows: Self.rows, dates: Self.dates)
        var printed: [(String, Int)] = []
        for (label, cells) in grid {
            for (i, cell) in cells.enumerated() where cell == "absent" { printed.append((label, 203 + i)) }
        }
        let key = { (pair: (String, Int)) in "\(pair.0)@\(pair.1)" }
        #expect(Set(printed.map(key)) == Set(expected.map(key)))
        #expect(printed.count == expected.count)
    }

    @Test func alternationTurnsMatchCamapsCountFromTheContractStart() throws {
        let db = try load()
        // CAMAP's rule in SQL: distributions from the contract's start up to this one; odd → userId,
        // even → userId2, swapped by the line's flag bit 0.
        let turns = try db.query("turns", """
            SELECT d.id, (SELECT count(*) FROM "Distribution" e WHERE e."catalogId" = 1 AND e.date >= c."startDate" AND e.date <= d.date) AS n,
                   bool_or(o.flags & 1 = 1) AS swapped
            FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" JOIN "UserOrder" o ON o."distributionId" = d.id AND o."subscriptionId" = 2
            WHERE d."catalogId" = 1 AND d.date >= $1::date AND d.date < $2::date + 1 GROUP BY d.id, c."startDate", d.date ORDER BY d.date
            """, [Self.from, Self.to]) { row -> String in
            let n: Int = try row.decode("n")
            return (n % 2 == 1) != (try row.decode("swapped", as: Bool.self)) ? "ÉTIENNE" : "MARTIN"
        }
        #expect(turns == ["MARTIN", "ÉTIENNE", "ÉTIENNE", "MARTIN"])
        let grid = try ContractGridPDFWords(try generate(db, output: try temporaryFolder()).path).grid(page: 1, rows: Self.rows, dates: Self.dates)
        for (i, name) in turns.enumerated() {
            #expect(grid[name]?[i] == "son tour", "\(Self.dates[i]): \(name)")
            #expect(grid[name == "MARTIN" ? "ÉTIENNE" : "MARTIN"]?[i] == nil, "\(Self.dates[i]): only one of them collects")
        }
    }

    @Test func titleBasketsAndNamesKeepTheirAccents() throws {
        let db = try load()
        let document = try generate(db, output: try temporaryFolder())
        let text = normalized(try run("pdftotext", [document.path, "-"]))
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["AMAP des Écluses", "Feuille d'émargement — Légumes d'hiver — Ferme de Kervœn",
                         "Du 1er décembre 2026 au 31 décembre 2026", "4 distributions", "6 abonnements",
                         "BRÉHIER François", "CHÂTEAU Léa", "DURAND Noé / Inès", "ÉTIENNE Zoé", "↔ MARTIN Paul", "LE GOFF Élodie",
                         "N'DIAYE Anne-Sophie", "Panier de légumes - petit", "2 × Œufs", "1 × Panier de légumes - grand",
                         "×2", "page 1 / 1"] {
            #expect(flat.contains(expected), "missing \(expected)")
        }
        // CHÂTEAU, absent all month, shows the basket of her defaultOrders.
        #expect(flat.contains("1 × Œufs (boîte de 12)") || flat.contains("1 × Œufs (boîte de"))
        #expect(!flat.contains("ANCIEN") && !flat.contains("Lentilles") && !flat.contains("COORDINATRICE"))
        // The double delivery of 24/12 is not the usual basket: never "2 × Panier".
        #expect(!flat.contains("2 × Panier"))
    }

    @Test func phonesAreHiddenWhenTheGroupSaysSo() throws {
        let db = try load()
        let options = ContractGridOptions(contact: .phoneAndEmail)
        let hidden = try run("pdftotext", [try generate(db, options: options, output: try temporaryFolder()).path, "-"])
        #expect(!hidden.contains("06 11 22 33 44") && !hidden.contains("06 33 33 33 33") && !hidden.contains("Téléphone"))
        #expect(hidden.contains("elodie@example.fr") && hidden.contains("paul@example.fr") && hidden.contains("téléphones masqués"))
        try db.execute("show phones", #"UPDATE "Group" SET flags = flags & ~64 WHERE id = 1"#)
        let shown = try run("pdftotext", [try generate(db, options: options, output: try temporaryFolder()).path, "-"])
        #expect(shown.contains("06 11 22 33 44") && shown.contains("06 33 33 33 33") && shown.contains("Téléphone"))
    }

    @Test func pdfIsValidLandscapeA4WithEmbeddedFonts() throws {
        let db = try load()
        let document = try generate(db, output: try temporaryFolder())
        let info = try run("pdfinfo", [document.path])
        #expect(info.contains("Pages:           1"))
        #expect(info.contains("Page size:       841.89 x 595.276 pts (A4)"), "\(info)")
        #expect(info.contains("Title:           Feuille d'émargement — Légumes d'hiver — AMAP des Écluses — du 1er décembre 2026"))
        #expect(info.contains("Author:          AMAP des Écluses"))
        try expectBundledFontsEmbeddedAndValid(document.path)
        let portrait = try generate(db, options: ContractGridOptions(orientation: .portrait), output: try temporaryFolder())
        #expect(try run("pdfinfo", [portrait.path]).contains("Page size:       595.276 x 841.89 pts (A4)"))
    }

    @Test func sameInputsGiveTheSameBytesAndEveryGridIsInTheLedger() throws {
        let db = try load()
        let a = try generate(db, output: try temporaryFolder())
        let b = try generate(db, output: try temporaryFolder())
        #expect(a.checksum == b.checksum && a.fingerprint == b.fingerprint)
        let perProduct = try generate(db, options: ContractGridOptions(basket: .perProduct), output: try temporaryFolder())
        #expect(perProduct.fingerprint != a.fingerprint)
        try db.execute("one more absence", #"UPDATE "Subscription" SET "absentDistribIds" = '204,205' WHERE id = 1"#)
        let c = try generate(db, output: try temporaryFolder())
        #expect(c.fingerprint != a.fingerprint)
        let rows = try db.query("ledger", "SELECT kind, scope, checksum FROM cageot.documents ORDER BY id") {
            [try $0.decode("kind", as: String.self), try $0.decode("scope", as: String.self), try $0.decode("checksum", as: String.self)]
        }
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0[0] == "contract-grid" && $0[1] == "catalog:1:2026-12-01:2026-12-31" })
        #expect(rows.map { $0[2] } == [a.checksum, b.checksum, perProduct.checksum, c.checksum])
    }

    @Test func defaultFileIsNamedAfterGroupContractAndRange() throws {
        let db = try load()
        let output = try temporaryFolder()
        let document = try generate(db, output: output, file: nil)
        #expect(document.path == output.path + "/amap-des-ecluses/2026-12-01/emargement-contrat-legumes-d-hiver-2026-12-01-2026-12-31.pdf")
        #expect(FileManager.default.fileExists(atPath: document.path))
    }

    @Test func everyOptionRendersAValidGrid() throws {
        let db = try load()
        for basket in ContractGridOptions.Basket.allCases {
            for contact in ContractGridOptions.Contact.allCases {
                for dateFormat in ContractGridOptions.DateFormat.allCases {
                    let options = ContractGridOptions(basket: basket, contact: contact, dateFormat: dateFormat)
                    let document = try generate(db, options: options, output: try temporaryFolder())
                    let text = normalized(try run("pdftotext", [document.path, "-"]))
                    #expect(text.contains(dateFormat == .long ? "jeu." : "03/12"), "\(options)")
                    #expect(text.contains("Contrat / Panier") == (basket == .oneColumn), "\(options)")
                    #expect(text.contains("E-mail") == (contact == .phoneAndEmail), "\(options)")
                    try run("qpdf", ["--check", document.path])
                }
            }
        }
    }

    @Test func anUnknownCatalogIsNamedAndWritesNothing() throws {
        let db = try load()
        let folder = try temporaryFolder()
        #expect(throws: NotFound(entity: "contract (Catalog)", id: 999)) { try generate(db, catalog: 999, output: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aVariableContractIsRefusedPointingToTheOtherSheet() throws {
        let db = try load()
        let folder = try temporaryFolder()
        do {
            _ = try generate(db, catalog: 2, output: folder)
            Issue.record("a grid for a variable contract")
        } catch let error as ContractGridError {
            #expect(error == .variableContract(id: 2, name: "Épicerie en vrac"))
            #expect(error.description.contains("variable contract") && error.description.contains("classic contracts")
                    && error.description.contains("cageot sheet --session"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aRangeEndingBeforeItStartsIsRefused() throws {
        let db = try load()
        let folder = try temporaryFolder()
        #expect(throws: ContractGridError.invalidRange(from: Self.to, to: Self.from)) {
            try generate(db, from: Self.to, to: Self.from, output: folder)
        }
        #expect(String(describing: ContractGridError.invalidRange(from: Self.to, to: Self.from)).contains("2026-12-31"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aRangeWithoutDistributionsStillPrintsTheSubscribers() throws {
        let db = try load()
        let document = try generate(db, from: LocalDate(year: 2026, month: 12, day: 25), to: LocalDate(year: 2026, month: 12, day: 31),
                                    output: try temporaryFolder())
        let text = normalized(try run("pdftotext", [document.path, "-"]))
        #expect(text.contains("aucune distribution de ce contrat sur cette période") && text.contains("LE GOFF Élodie"))
    }
}

/// The words of a PDF with their boxes, as `pdftotext -bbox` reads them.
struct ContractGridPDFWords {
    struct Word { var text: String; var page: Int; var xMin, yMin, xMax, yMax: Double; var x: Double { (xMin + xMax) / 2 } }
    var words: [Word] = []

    init(_ path: String) throws {
        let html = try run("pdftotext", ["-bbox", path, "-"])
        var page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word "), let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { continue }
            func attribute(_ name: String) -> Double {
                guard let start = line.range(of: "\(name)=\"") else { return .nan }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            let text = String(line[line.index(after: open)..<close.lowerBound])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            words.append(Word(text: text, page: page, xMin: attribute("xMin"), yMin: attribute("yMin"),
                              xMax: attribute("xMax"), yMax: attribute("yMax")))
        }
    }

    /// The marks of one page's grid: for each row (found by the word starting its line), what each
    /// date column (found by its header) shows at the top of the row's line; nil for a blank cell.
    func grid(page: Int, rows: [(label: String, anchor: String)], dates: [String]) -> [String: [String?]] {
        let onPage = words.filter { $0.page == page }
        let headers = dates.map { title in onPage.filter { $0.text == title }.min { $0.yMin < $1.yMin } }
        let centres = headers.map { $0?.x ?? .nan }
        let half = zip(centres, centres.dropFirst()).map { $1 - $0 }.min().map { $0 / 2 } ?? 20
        let headerBottom = headers.compactMap { $0?.yMax }.max() ?? 0
        let marks = ["absent": "absent", "pas": "pas de commande", "tour": "son tour", "—": "—"]
        var grid: [String: [String?]] = [:]
        for (label, anchor) in rows {
            guard let top = onPage.first(where: { $0.text == anchor && $0.yMin > headerBottom })?.yMin else { continue }
            grid[label] = centres.map { centre in
                onPage.first { word in
                    marks[word.text] != nil && abs(word.x - centre) < half && abs(word.yMin - top) < 3
                }.flatMap { marks[$0.text] }
            }
        }
        return grid
    }
}
