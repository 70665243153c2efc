import CageotApp
import CageotCore
import CageotDocuments
import CageotStore
import Foundation
import Testing

/// The hand-checked distributions of Fixtures/distribution-fixture.sql, loaded into a fresh replica.
enum DistributionFixture {
    static let sql = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/distribution-fixture.sql")
    static let variable = 200
    static let classic = 201

    static func load() throws -> Connection {
        let connection = try TestDatabase.connect("distribution")
        try connection.executeScript("distribution fixture", try String(contentsOf: sql, encoding: .utf8))
        return connection
    }

    static func generate(_ db: Connection, _ id: Int = variable, kind: DistributionSheetKind, output: URL,
                         name: String? = nil) throws -> GeneratedDocument {
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        return try jobs.distributionSheet(id, kind: kind, to: output.appendingPathComponent(name ?? "\(kind.rawValue).pdf"))
    }

    static func text(_ document: GeneratedDocument) throws -> String {
        normalized(try run("pdftotext", ["-layout", document.path, "-"]))
    }
}

/// SQL's own answers, to compare the printed figures with.
enum DistributionSQL {
    /// Each listed household's contract balance: Σ payments − Σ round(quantity × price, 2) of the
    /// subscriptions its lines of the day name, over every distribution, OPEN carts left out.
    static let balances = """
        WITH subs AS (
            SELECT DISTINCT COALESCE(b."userId", o."userId") AS household, o."subscriptionId" AS id
            FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
            WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0 AND o."subscriptionId" IS NOT NULL
        )
        SELECT subs.household, upper(u."lastName") AS name,
               (COALESCE(sum((SELECT sum(round(op.amount::numeric, 2)) FROM "Operation" op
                              WHERE op.type = 2 AND op."subscriptionId" = subs.id)), 0)
                - COALESCE(sum((SELECT sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))
                                FROM "UserOrder" o LEFT JOIN "Basket" b ON b.id = o."basketId"
                                WHERE o."subscriptionId" = subs.id AND o.quantity <> 0 AND (b.id IS NULL OR b.status <> 'OPEN'))), 0))::text AS balance
        FROM subs JOIN "User" u ON u.id = subs.household
        GROUP BY subs.household, u."lastName"
        """

    /// What each household takes home today.
    static let delivered = """
        SELECT COALESCE(b."userId", o."userId") AS household, upper(u."lastName") AS name,
               sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS total
        FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "User" u ON u.id = COALESCE(b."userId", o."userId")
        WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
        GROUP BY 1, u."lastName"
        """

    /// What the farmer brings, per product: pieces (lines) for multiWeight, weight for bulk and
    /// variable-price products, counts otherwise; and the product's amount.
    static let products = """
        SELECT p.name,
               (CASE WHEN p."multiWeight" THEN count(*)::numeric
                     WHEN p.bulk OR p."variablePrice" THEN sum(o.quantity::numeric * COALESCE(p.qt, 1)::numeric)
                     ELSE sum(o.quantity::numeric) END)::text AS quantity,
               sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS amount
        FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "Product" p ON p.id = o."productId"
        WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
        GROUP BY p.id, p.name, p."multiWeight", p.bulk, p."variablePrice"
        """

    static let total = """
        SELECT count(DISTINCT b.id) AS baskets, COALESCE(sum(round(o.quantity::numeric * o."productPrice"::numeric, 2)), 0)::text AS total
        FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
        WHERE o."distributionId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
        """

    static func money(_ text: Decimal) -> String { normalized(FrenchFormat.money(Money(rounding: text))) }

    static func balances(_ db: Connection, _ id: Int) throws -> [(household: Int, name: String, balance: Decimal)] {
        try db.query("balances", balances, [id]) {
            (try $0.decode("household"), try $0.decode("name"), try $0.decode("balance"))
        }
    }

    static func delivered(_ db: Connection, _ id: Int) throws -> [(household: Int, name: String, total: Decimal)] {
        try db.query("delivered", delivered, [id]) { (try $0.decode("household"), try $0.decode("name"), try $0.decode("total")) }
    }

    static func products(_ db: Connection, _ id: Int) throws -> [(name: String, quantity: Decimal, amount: Decimal)] {
        let rows = try db.query("products", products, [id]) {
            (try $0.decode("name", as: String.self), try $0.decode("quantity", as: Decimal.self), try $0.decode("amount", as: Decimal.self))
        }
        return Collation.sorted(rows) { [$0.0] }
    }

    static func total(_ db: Connection, _ id: Int) throws -> (baskets: Int, total: Decimal) {
        try db.query("total", total, [id]) { (try $0.decode("baskets"), try $0.decode("total")) }[0]
    }
}

/// The lines of `text` from the first one naming `name` up to the next `Total du jour`.
func distributionHouseholdBlock(_ text: String, _ name: String) -> [Substring] {
    let lines = text.split(separator: "\n")
    guard let start = lines.firstIndex(where: { $0.contains(name) }) else { return [] }
    let end = lines[start...].firstIndex { $0.contains("Total du jour") } ?? lines.endIndex - 1
    return Array(lines[start...end])
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct DistributionSheetTests {
    @Test func variableSheetShowsTitleLinesAndBlankCells() throws {
        let db = try DistributionFixture.load()
        let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder()))
        for expected in ["AMAP des Coteaux", "Volailles, œufs et vrac", "Ferme de Kervœn", "jeudi 3 décembre 2026",
                         "Salle des fêtes", "3 rue de l'Église, 44400 Rezé", "page 1 / 1",
                         "LE GOFF Élodie / Loïc", "N'DIAYE Anne-Sophie /", "ÉTIENNE Zoé",
                         "Œufs (boîte de 12)", "Farine de blé T80 (vrac)", "Poulet fermier (prix au kg)", "Tomme de chèvre",
                         "1,5 kg", "2,75 kg", "1,85 kg", "1,6 kg", "0,35 kg", "2,1 kg",
                         "8,03 €", "3,53 €", "22,02 €", "19,04 €", "2,50 €", "6,46 €", "8,68 €", "24,99 €", "2,68 €",
                         "Solde", "Poids / qté", "Nouvelle", "provision", "Signature", "Total du jour",
                         "3 foyers — total livré ce jour : 95,25 €"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // 2,68 € is the unit price of eggs here (2.675 rounded), never a line of another distribution:
        // the earlier distribution's lines (5,35 €, 20,23 €) and the classic contract (15,00 €) stay off.
        for absent in ["5,35 €", "20,23 €", "15,00 €", "Panier de légumes"] { #expect(!text.contains(absent), "\(absent) printed") }
        // Weighed lines (chickens, tomme) get the unit to write the weight before; the others get nothing.
        let lines = text.split(separator: "\n")
        let weighed = lines.filter { $0.contains("Poulet fermier") || $0.contains("Tomme de chèvre") }
        let counted = lines.filter { $0.contains("Œufs (boîte") || $0.contains("Farine de blé") }
        #expect(weighed.count == 4 && weighed.allSatisfy { $0.hasSuffix(" kg") }, "\(weighed)")
        #expect(counted.count == 4 && counted.allSatisfy { $0.hasSuffix(" €") }, "\(counted)")
    }

    @Test func balancesEqualWhatSqlComputes() throws {
        let db = try DistributionFixture.load()
        let data = try CamapStore(db).distributionSheetData(distribution: DistributionFixture.variable)
        let expected = try DistributionSQL.balances(db, DistributionFixture.variable)
        #expect(expected.count == 3)
        let computed = Dictionary(uniqueKeysWithValues: data.balances.map { ($0.householdId, $0.balance) })
        for row in expected { #expect(computed[row.household] == Money(rounding: row.balance), "\(row.name)") }
        // The hand-checked figures: a pending transfer counts, a refund subtracts, an OPEN cart does not.
        #expect(Set(expected.map { DistributionSQL.money($0.balance) }) == ["13,09 €", "-21,97 €", "-42,63 €"])

        let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder()))
        for row in expected {
            let block = distributionHouseholdBlock(text, row.name)
            #expect(block.first?.contains(DistributionSQL.money(row.balance)) == true, "\(row.name): \(DistributionSQL.money(row.balance))")
        }
    }

    @Test func dayTotalsEqualWhatSqlComputes() throws {
        let db = try DistributionFixture.load()
        let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder()))
        let delivered = try DistributionSQL.delivered(db, DistributionFixture.variable)
        #expect(Set(delivered.map { DistributionSQL.money($0.total) }) == ["11,56 €", "41,06 €", "42,63 €"])
        for row in delivered {
            let block = distributionHouseholdBlock(text, row.name)
            #expect(block.last?.contains("Total du jour") == true && block.last?.contains(DistributionSQL.money(row.total)) == true,
                    "\(row.name): \(DistributionSQL.money(row.total))")
        }
        let (baskets, total) = try DistributionSQL.total(db, DistributionFixture.variable)
        #expect(text.contains("\(baskets) foyers — total livré ce jour : \(DistributionSQL.money(total))"))
    }

    @Test func openBasketsAndCancelledLinesNeverReachEitherSheet() throws {
        let db = try DistributionFixture.load()
        let folder = try temporaryFolder()
        for kind in DistributionSheetKind.allCases {
            let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: kind, output: folder))
            #expect(!text.contains("MARTIN") && !text.contains("23,80"), "\(kind): the OPEN basket is printed")
            #expect(!text.contains("ABADIE"), "\(kind): a household with only a cancelled line is printed")
        }
    }

    @Test func householdsAreSortedBySurnameIgnoringAccents() throws {
        let db = try DistributionFixture.load()
        let folder = try temporaryFolder()
        for kind in DistributionSheetKind.allCases {
            let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: kind, output: folder))
            let order = ["ÉTIENNE Zoé", "LE GOFF Élodie", "N'DIAYE Anne-Sophie"].map { text.range(of: $0)!.lowerBound }
            #expect(order == order.sorted(), "\(kind)")
        }
    }

    @Test func phonesAreHiddenWhenTheGroupSaysSo() throws {
        let db = try DistributionFixture.load()
        let shown = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder()))
        #expect(shown.contains("06 11 22 33 44") && shown.contains("06 55 66 77 88") && shown.contains("07 00 00 00 01"))
        try db.execute("hide phones", #"UPDATE "Group" SET flags = flags | 64 WHERE id = 1"#)
        let hidden = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder()))
        for phone in ["06 11 22 33 44", "06 55 66 77 88", "07 00 00 00 01", "06 99 99 99 99"] {
            #expect(!hidden.contains(phone), "\(phone) printed")
        }
        #expect(hidden.contains("Téléphones masqués"))
    }

    @Test func matrixTotalsPerProductEqualWhatSqlComputes() throws {
        let db = try DistributionFixture.load()
        let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .productMatrix, output: try temporaryFolder()))
        let products = try DistributionSQL.products(db, DistributionFixture.variable)
        #expect(products.count == 4)
        let data = try CamapStore(db).distributionSheetData(distribution: DistributionFixture.variable)
        let matrix = DistributionMatrix(data)
        #expect(matrix.products.map(\.name) == products.map(\.name))
        for (product, row) in zip(matrix.products, products) {
            #expect(product.quantity == row.quantity && product.amount == Money(rounding: row.amount), "\(row.name)")
        }
        // What the farmer reads at the foot of each column, in column order.
        #expect(matrix.products.map { normalized($0.total) } == ["4,25 kg", "4", "3 pièces", "0,35 kg"])
        let lines = text.split(separator: "\n")
        let toBring = try #require(lines.first { $0.contains("Total à livrer") })
        expectDistributionInOrder(toBring, matrix.products.map { normalized($0.total) })
        let amounts = try #require(lines.first { $0.contains("Montant") && !$0.contains("Foyer") && $0.contains("€") })
        expectDistributionInOrder(amounts, products.map { DistributionSQL.money($0.amount) } + ["95,25 €"])
        let (baskets, total) = try DistributionSQL.total(db, DistributionFixture.variable)
        #expect(text.contains("\(baskets) foyers — total de la distribution : \(DistributionSQL.money(total))"))
    }

    @Test func matrixRowsCarryEachHouseholdsQuantitiesAndAmount() throws {
        let db = try DistributionFixture.load()
        let text = try DistributionFixture.text(try DistributionFixture.generate(db, kind: .productMatrix, output: try temporaryFolder()))
        let lines = text.split(separator: "\n")
        // Columns: flour, eggs, chickens (pieces), tomme; then the household's amount.
        let expected: [(String, [String])] = [("ÉTIENNE", ["2,75 kg", "1", "1", "0,35 kg", "42,63 €"]),
                                              ("LE GOFF", ["1,5 kg", "3", "11,56 €"]),
                                              ("N'DIAYE", ["2", "41,06 €"])]
        for (name, cells) in expected {
            let line = try #require(lines.first { $0.contains(name) })
            expectDistributionInOrder(line, [name] + cells)
        }
    }

    @Test func matrixWithManyProductsSplitsItsColumnsOverLandscapePages() throws {
        let db = try DistributionFixture.load()
        // 26 more products, each ordered once by LE GOFF at 1,10 € (3 × 0.365 = 1.095 → 1,10 €).
        try db.execute("many products", """
            INSERT INTO "Product" (id, "catalogId", name, price, qt, "unitType")
            SELECT 100 + n, 1, 'Confiture n°' || lpad(n::text, 2, '0'), 0.365, 1, 0 FROM generate_series(1, 26) n
            """)
        try db.execute("many lines", """
            INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date)
            SELECT 100 + n, 1, 100 + n, 200, 2000, 501, 3, 0.365, '2026-11-20' FROM generate_series(1, 26) n
            """)
        let document = try DistributionFixture.generate(db, kind: .productMatrix, output: try temporaryFolder())
        let info = try run("pdfinfo", [document.path])
        #expect(info.contains("841.89 x 595.276 pts"), "\(info)")
        #expect(document.pages == 3, "30 products: three runs of 10 columns")
        let pages = try (1...document.pages).map { page in
            normalized(try run("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", document.path, "-"]))
        }
        for (index, page) in pages.enumerated() {
            // Each run repeats the households and ends with its totals.
            for name in ["ÉTIENNE Zoé", "LE GOFF Élodie", "N'DIAYE Anne-Sophie"] { #expect(page.contains(name), "page \(index + 1): \(name)") }
            #expect(page.contains("Total à livrer") && page.contains("page \(index + 1) / 3"))
        }
        for n in 1...26 {
            let name = "n°\(n < 10 ? "0" : "")\(n)"
            #expect(pages.filter { $0.contains(name) }.count == 1, "\(name) printed on one page")
        }
        let (baskets, total) = try DistributionSQL.total(db, DistributionFixture.variable)
        #expect(DistributionSQL.money(total) == "123,85 €")
        #expect(pages[2].contains("\(baskets) foyers — total de la distribution : \(DistributionSQL.money(total))"))
    }

    @Test func matrixIsMadeForAClassicContractToo() throws {
        let db = try DistributionFixture.load()
        let document = try DistributionFixture.generate(db, DistributionFixture.classic, kind: .productMatrix, output: try temporaryFolder())
        let text = try DistributionFixture.text(document)
        #expect(text.contains("Légumes") && text.contains("GAEC des Prés") && text.contains("Panier de"))
        #expect(text.contains("1 foyer — total de la distribution : 15,00 €"))
        #expect(document.kind == "product-matrix" && document.scope == "distribution:201")
    }

    @Test func variableSheetOfAClassicContractIsRefusedAndWritesNothing() throws {
        let db = try DistributionFixture.load()
        let folder = try temporaryFolder()
        do {
            _ = try DistributionFixture.generate(db, DistributionFixture.classic, kind: .variableSheet, output: folder)
            Issue.record("a variable-contract sheet for a classic contract")
        } catch let error as DistributionSheetError {
            #expect(error == .classicContract(distributionId: 201, catalogId: 2, catalogName: "Légumes"))
            #expect(error.description.contains("classic contract") && error.description.contains("201")
                    && error.description.contains("classic-contract grid"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try db.query("ledger", "SELECT count(*) AS n FROM cageot.documents") { try $0.decode("n", as: Int.self) } == [0])
    }

    @Test func anUnknownDistributionIsNamedAndWritesNothing() throws {
        let db = try DistributionFixture.load()
        let folder = try temporaryFolder()
        for kind in DistributionSheetKind.allCases {
            do {
                _ = try DistributionFixture.generate(db, 999, kind: kind, output: folder)
                Issue.record("a sheet for a distribution that does not exist")
            } catch let error as NotFound {
                #expect(error.id == 999 && error.description.contains("999") && error.description.contains("Distribution"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func bothPdfsAreValidA4WithEmbeddedFonts() throws {
        let db = try DistributionFixture.load()
        let folder = try temporaryFolder()
        for kind in DistributionSheetKind.allCases {
            let document = try DistributionFixture.generate(db, kind: kind, output: folder)
            let info = try run("pdfinfo", [document.path])
            #expect(info.contains("Pages:           1") && info.contains("(A4)"), "\(kind): \(info)")
            // The variable sheet's ten columns need landscape; four products fit a portrait matrix.
            #expect(info.contains(kind == .variableSheet ? "841.89 x 595.276 pts" : "595.276 x 841.89 pts"), "\(kind): \(info)")
            #expect(info.contains("Title:           \(kind == .variableSheet ? "Feuille d'émargement" : "À livrer") — Volailles, œufs et vrac"))
            try expectBundledFontsEmbeddedAndValid(document.path)
            #expect(document.pages == 1 && document.bytes > 1000)
        }
    }

    @Test func sameDataAndClockGiveTheSameBytesAndAnyChangeANewFingerprint() throws {
        let db = try DistributionFixture.load()
        for kind in DistributionSheetKind.allCases {
            let a = try DistributionFixture.generate(db, kind: kind, output: try temporaryFolder())
            let b = try DistributionFixture.generate(db, kind: kind, output: try temporaryFolder())
            #expect(a.checksum == b.checksum && a.fingerprint == b.fingerprint)
        }
        let before = try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder())
        let matrix = try DistributionFixture.generate(db, kind: .productMatrix, output: try temporaryFolder())
        #expect(before.fingerprint != matrix.fingerprint)
        // A payment on an earlier day changes only the balance: still a new fingerprint and new bytes.
        try db.execute("a new payment", """
            INSERT INTO "Operation" (id, "userId", "groupId", type, name, amount, date, "subscriptionId") VALUES (100, 3, 1, 2, 'Chèque', 40, '2026-11-30', 503)
            """)
        let after = try DistributionFixture.generate(db, kind: .variableSheet, output: try temporaryFolder())
        #expect(after.fingerprint != before.fingerprint && after.checksum != before.checksum)
        #expect(try DistributionFixture.text(after).contains("-2,63 €"))
    }

    @Test func everyGeneratedSheetIsInTheLedgerAtItsDefaultPlace() throws {
        let db = try DistributionFixture.load()
        let output = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        let variable = try jobs.distributionSheet(200, kind: .variableSheet)
        let matrix = try jobs.distributionSheet(200, kind: .productMatrix)
        let folder = output.appendingPathComponent("amap-des-coteaux/2026-12-03").path
        #expect(variable.path == folder + "/variable-sheet-volailles-oeufs-et-vrac-distribution-200.pdf")
        #expect(matrix.path == folder + "/product-matrix-volailles-oeufs-et-vrac-distribution-200.pdf")
        #expect(FileManager.default.fileExists(atPath: variable.path) && FileManager.default.fileExists(atPath: matrix.path))
        let rows = try db.query("ledger", "SELECT kind, scope, fingerprint, checksum, path FROM cageot.documents ORDER BY id") { row in
            try ["kind", "scope", "fingerprint", "checksum", "path"].map { try row.decode($0, as: String.self) }
        }
        #expect(rows == [["variable-sheet", "distribution:200", variable.fingerprint, variable.checksum, variable.path],
                         ["product-matrix", "distribution:200", matrix.fingerprint, matrix.checksum, matrix.path]])
    }
}

/// Expects `parts` to appear in `line` one after the other, left to right.
func expectDistributionInOrder(_ line: Substring, _ parts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    var rest = line[...]
    for part in parts {
        guard let range = rest.range(of: part) else {
            Issue.record("\(part) missing, or out of order, in: \(line)", sourceLocation: sourceLocation)
            return
        }
        rest = rest[range.upperBound...]
    }
}
