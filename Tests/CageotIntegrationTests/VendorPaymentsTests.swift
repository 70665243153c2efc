import CageotApp
import CageotCore
import CageotDocuments
import CageotStore
import Foundation
import Testing

/// Fixtures/payments-fixture.sql then Fixtures/vendor-payments-fixture.sql: farmer 1 has two
/// contracts in two groups in season 2026 and one in season 2025.
enum VendorPaymentsFixture {
    static let sql = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/vendor-payments-fixture.sql")
    static let vendor = 1

    static func load() throws -> Connection {
        let connection = try PaymentsFixture.load()
        try connection.executeScript("vendor payments fixture", try String(contentsOf: sql, encoding: .utf8))
        return connection
    }

    static func jobs(_ db: Connection, output: URL) throws -> SheetJobs {
        try SheetJobs(connection: db, factory: try DocumentFactory(
            environment: Fixture.environment(output: output, epochSeconds: PaymentsFixture.epoch)))
    }

    static func generate(_ db: Connection, vendor: Int = vendor, season: Int = 2026, output: URL,
                         name: String = "saison.xlsx") throws -> GeneratedDocument {
        try jobs(db, output: output).vendorPayments(vendor: vendor, season: season, from: nil, to: nil, to: output.appendingPathComponent(name))
    }
}

/// SQL's own answers per contract of a farmer's season (the year of `startDate`), independent of the store.
enum VendorPaymentsSQL {
    struct Contract {
        var name: String
        var subscriptions: Int
        var ordered: Decimal
        var paid: Decimal
        var balance: Decimal
        var checks: Int
        var checksTotal: Decimal
    }

    static func contracts(_ db: Connection, vendor: Int = VendorPaymentsFixture.vendor, season: Int) throws -> [Contract] {
        try db.query("season contracts", """
            WITH ordered AS (
                SELECT s."catalogId" AS c, sum(round(o.quantity::numeric * o."productPrice"::numeric, 2)) AS amount
                FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "Subscription" s ON s.id = o."subscriptionId"
                WHERE b.status <> 'OPEN' AND o.quantity <> 0 GROUP BY 1
            ), paid AS (
                SELECT s."catalogId" AS c, sum(round(op.amount::numeric, 2)) AS amount,
                       count(*) FILTER (WHERE op.data LIKE '%"check"%') AS checks,
                       COALESCE(sum(round(op.amount::numeric, 2)) FILTER (WHERE op.data LIKE '%"check"%'), 0) AS "checksTotal"
                FROM "Operation" op JOIN "Subscription" s ON s.id = op."subscriptionId" JOIN "Catalog" k ON k.id = s."catalogId"
                WHERE op.type = 2 AND op.date::date BETWEEN k."startDate"::date AND k."endDate"::date GROUP BY 1
            ), allpaid AS (
                SELECT s."catalogId" AS c, sum(round(op.amount::numeric, 2)) AS amount
                FROM "Operation" op JOIN "Subscription" s ON s.id = op."subscriptionId" WHERE op.type = 2 GROUP BY 1
            ), subs AS (SELECT "catalogId" AS c, count(*) AS n FROM "Subscription" GROUP BY 1)
            SELECT k.name, COALESCE(subs.n, 0)::int AS subscriptions, COALESCE(o.amount, 0)::text AS ordered,
                   COALESCE(a.amount, 0)::text AS paid, (COALESCE(a.amount, 0) - COALESCE(o.amount, 0))::text AS balance,
                   COALESCE(p.checks, 0)::int AS checks, COALESCE(p."checksTotal", 0)::text AS "checksTotal"
            FROM "Catalog" k
            LEFT JOIN subs ON subs.c = k.id LEFT JOIN ordered o ON o.c = k.id
            LEFT JOIN paid p ON p.c = k.id LEFT JOIN allpaid a ON a.c = k.id
            WHERE k."vendorId" = $1 AND extract(year FROM k."startDate") = $2
            ORDER BY k.id
            """, [vendor, season]) {
            Contract(name: try $0.decode("name"), subscriptions: try $0.decode("subscriptions"), ordered: try $0.decode("ordered"),
                     paid: try $0.decode("paid"), balance: try $0.decode("balance"), checks: try $0.decode("checks"),
                     checksTotal: try $0.decode("checksTotal"))
        }
    }
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct VendorPaymentsTests {
    @Test func seasonWorkbookSumsEveryContractOfTheFarmerToTheCent() throws {
        let db = try VendorPaymentsFixture.load()
        let document = try VendorPaymentsFixture.generate(db, output: try temporaryFolder())
        #expect(document.kind == "vendor-payments" && document.scope == "vendor:1:2026" && document.pages == 4)
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        #expect(book.sheets.map(\.name) == ["Récapitulatif", "Contrats", "Paiements", "Remise de chèques"])
        #expect(book.title == "Paiements — Les Jardins de Kervœn — saison 2026" && book.creator == "Les Jardins de Kervœn")
        let expected = try VendorPaymentsSQL.contracts(db, season: 2026)
        #expect(expected.map(\.name) == ["Légumes 2026-2027", "Légumes du Bourg 2026"])

        // Récapitulatif: one row per contract (Rezé before Bourg: "de" < "du"), then the total row.
        let summary = try book.sheet("Récapitulatif")
        #expect((1...2).map { "\(summary["A\($0)"]?.text ?? "")|\(summary["H\($0)"]?.text ?? "")" } == ["AMAP|Solde", "AMAP de Rezé|"])
        #expect(summary["A3"]?.text == "AMAP du Bourg" && summary["C2"]?.dataType == "d" && summary["D3"]?.dataType == "d")
        for (row, c) in zip(2...3, expected) {
            #expect(summary["B\(row)"]?.text == c.name)
            #expect(summary["E\(row)"]?.number == Double(c.subscriptions), "\(c.name)")
            #expect(summary["F\(row)"]?.number == double(c.ordered) && summary["G\(row)"]?.number == double(c.paid), "\(c.name)")
            #expect(summary["H\(row)"]?.number == double(c.balance), "\(c.name)")
        }
        let ordered = expected.map(\.ordered).reduce(0, +), paid = expected.map(\.paid).reduce(0, +)
        #expect(ordered == Decimal(string: "131.18") && paid == Decimal(string: "147.01"))
        #expect(summary["A4"]?.text == "Total" && summary["E4"]?.formula == "=SUM(E2:E3)" && summary["E4"]?.cached == 6)
        #expect(summary["F4"]?.formula == "=SUM(F2:F3)" && summary["F4"]?.cached == double(ordered))
        #expect(summary["G4"]?.cached == double(paid) && summary["H4"]?.cached == double(paid - ordered))
        #expect(summary.freezePanes == "C2")

        // The three tables over both contracts, each row led by its group and contract.
        let contracts = try book.sheet("Contrats")
        #expect(contracts["A1"]?.text == "AMAP" && contracts["B1"]?.text == "Contrat" && contracts["C1"]?.text == "Foyer")
        #expect(contracts.maxRow == 8 && contracts["A8"]?.text == "Total" && contracts.freezePanes == "D2")
        #expect((2...7).compactMap { contracts["C\($0)"]?.text }.suffix(2) == ["ABGRALL Yann", "BRIAND Hélène"])
        #expect(contracts["B7"]?.text == "Légumes du Bourg 2026" && contracts["L6"]?.text == "reste à payer")
        #expect(contracts["H8"]?.formula == "=SUM(H2:H7)" && contracts["H8"]?.cached == double(ordered))
        #expect(contracts["J8"]?.cached == double(paid) && contracts["K8"]?.cached == double(paid - ordered))
        let payments = try book.sheet("Paiements")
        #expect(payments.maxRow == 18 && payments["G18"]?.formula == "=SUM(G2:G17)" && payments["G18"]?.cached == double(paid))
        #expect(payments["A17"]?.text == "AMAP du Bourg" && payments["F16"]?.text == "Virement" && payments["G16"]?.number == 5)

        let checks = try book.sheet("Remise de chèques")
        #expect(checks["B2"]?.text == "Les Jardins de Kervœn" && checks["B3"]?.text == "contrats commençant en 2026")
        #expect(checks["B4"]?.text == "du 01/04/2026 au 30/06/2027")
        #expect((1...8).map { checks[cellName(6, $0)]?.text } == ["AMAP", "Contrat", "À l'ordre de", "N°", "N° de chèque", "Tireur", "Date", "Montant"])
        let count = expected.map(\.checks).reduce(0, +), total = expected.map(\.checksTotal).reduce(0, +)
        #expect(count == 6 && total == Decimal(string: "119.26"))
        #expect((7...12).map { checks["C\($0)"]?.text ?? "" } == Array(repeating: "EARL Les Jardins de Kervœn", count: 4) + ["GAEC Kervœn", "GAEC Kervœn"])
        #expect((7...12).map { checks["D\($0)"]?.number } == (1...6).map(Double.init))
        #expect(checks["H13"]?.formula == "=SUM(H7:H12)" && checks["H13"]?.cached == double(total))
        #expect(checks["H14"]?.formula == "=COUNT(H7:H12)" && checks["H14"]?.cached == Double(count))
        #expect(checks.freezePanes == "A7")
        for sheet in book.sheets {
            for (name, cell) in sheet.cells where cell.formula != nil { #expect(cell.cached != nil, "\(sheet.name)!\(name)") }
            #expect(sheet.orientation == "landscape" && sheet.autoFilter != nil, "\(sheet.name)")
        }
        // Vendor 2's contract and vendor 1's season 2025 are left out.
        let everything = book.sheets.flatMap { $0.cells.values.compactMap(\.text) }
        #expect(!everything.contains("Pain") && !everything.contains("Légumes 2025-2026") && !everything.contains("5555555"))
    }

    @Test func anEmptySeasonSaysSoAndAnUnknownFarmerWritesNothing() throws {
        let db = try VendorPaymentsFixture.load()
        let folder = try temporaryFolder()
        let empty = try VendorPaymentsFixture.generate(db, season: 2027, output: folder)
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: empty.path))
        #expect(book.sheets.map(\.name) == ["Récapitulatif"] && empty.pages == 1)
        #expect(try book.sheet("Récapitulatif")["A1"]?.text == "Aucun contrat pour la saison 2027")
        let previous = try VendorPaymentsFixture.generate(db, season: 2025, output: folder, name: "2025.xlsx")
        let summary = try VendorOrdersReader.read(URL(fileURLWithPath: previous.path)).sheet("Récapitulatif")
        #expect(summary["B2"]?.text == "Légumes 2025-2026" && summary["A3"]?.text == "Total" && summary["F3"]?.cached == 29.97)

        let nothing = try temporaryFolder()
        #expect(throws: NotFound(entity: "farmer (Vendor)", id: 999)) {
            try VendorPaymentsFixture.generate(db, vendor: 999, output: nothing)
        }
        #expect(throws: NotFound(entity: "farmer (Vendor)", id: 999)) {
            try VendorPaymentsFixture.jobs(db, output: nothing).vendorPaymentsCSV(vendor: 999, season: 2026, into: nothing)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: nothing.path).isEmpty)
    }

    @Test func defaultPlaceSameBytesAndLedger() throws {
        let db = try VendorPaymentsFixture.load()
        let output = try temporaryFolder()
        let jobs = try VendorPaymentsFixture.jobs(db, output: output)
        let first = try jobs.vendorPayments(vendor: 1, season: 2026)
        #expect(first.path == output.appendingPathComponent("producteurs/les-jardins-de-kervoen/paiements-les-jardins-de-kervoen-2026.xlsx").path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first.path))
        let second = try jobs.vendorPayments(vendor: 1, season: 2026)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.path)) == bytes && first.fingerprint == second.fingerprint)
        let recorded = try db.query("ledger", """
            SELECT count(*)::int AS n FROM cageot.documents WHERE kind = 'vendor-payments' AND scope = 'vendor:1:2026' AND checksum = $1
            """, [first.checksum]) { try $0.decode("n", as: Int.self) }
        #expect(recorded == [2])
        try db.execute("change a payment of the other group", #"UPDATE "Operation" SET amount = 21 WHERE id = 61"#)
        #expect(try jobs.vendorPayments(vendor: 1, season: 2026).fingerprint != first.fingerprint)
    }

    @Test func csvFilesHoldEveryTableWithBomSemicolonsAndDecimalCommas() throws {
        let db = try VendorPaymentsFixture.load()
        let folder = try temporaryFolder()
        let jobs = try VendorPaymentsFixture.jobs(db, output: folder)
        let season = try jobs.vendorPaymentsCSV(vendor: 1, season: 2026, into: folder.appendingPathComponent("saison"))
        #expect(season.map(\.lastPathComponent) == ["recapitulatif", "contrats", "paiements", "remise-cheques"]
            .map { "paiements-les-jardins-de-kervoen-2026-\($0).csv" })
        let lines = try season.map(csvLines)
        #expect(lines[0].first == "AMAP;Contrat;Début;Fin;Souscriptions;Commandé;Payé;Solde")
        #expect(lines[0][1] == "AMAP de Rezé;Légumes 2026-2027;01/09/2026;30/06/2027;4;87,97;109,66;21,69")
        #expect(lines[0].last == "Total;;;;6;131,18;147,01;15,83")
        #expect(lines[1].count == 8 && lines[1].last == "Total;;;;;;11;131,18;16;147,01;15,83;")
        #expect(lines[2].count == 18 && lines[2].last == "Total;;;;;;147,01")
        #expect(lines[3][5] == "AMAP du Bourg;Légumes du Bourg 2026;GAEC Kervœn;5;3333333;ABGRALL Yann;02/04/2026;20,00")
        #expect(lines[3].last == "Total;;;;;;;119,26")

        let contract = try jobs.paymentsCSV(catalog: 1, into: folder.appendingPathComponent("contrat"))
        #expect(contract.map(\.lastPathComponent) == ["contrats", "paiements", "remise-cheques"].map { "paiements-legumes-2026-2027-\($0).csv" })
        let contractLines = try contract.map(csvLines)
        #expect(contractLines[0].first == "Foyer;Alterné avec;Début;Fin;Distributions;Commandé;Paiements;Payé;Solde;Statut")
        #expect(contractLines[0].last == "Total;;;;8;87,97;13;109,66;21,69;")
        #expect(contractLines[1].contains("N'DIAYE Anne-Sophie;01/12/2026;virement;Remboursement;-5,00"))
        #expect(contractLines[2].last == "Total;;;;86,91")

        let empty = try jobs.vendorPaymentsCSV(vendor: 1, season: 2027, into: folder.appendingPathComponent("vide"))
        #expect(try empty.map(csvLines) == [["Aucun contrat pour la saison 2027"]])
    }

    /// The lines of a CSV file after checking its BOM and CRLF line ends.
    private func csvLines(_ url: URL) throws -> [String] {
        let bytes = try Data(contentsOf: url)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(url.lastPathComponent)")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n").dropLast()
    }
}

/// `B6` for a 1-based row and column.
private func cellName(_ row: Int, _ col: Int) -> String { "\(UnicodeScalar(UInt8(64 + col)))\(row)" }

private func double(_ value: Decimal) -> Double { Double(value.description)! }
