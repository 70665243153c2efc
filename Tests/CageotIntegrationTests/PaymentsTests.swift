import CageotApp
import CageotCore
import CageotDocuments
import CageotStore
import Foundation
import Testing

/// The hand-checked contract of Fixtures/payments-fixture.sql, loaded into a fresh replica.
enum PaymentsFixture {
    static let sql = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/payments-fixture.sql")
    static let catalog = 1
    static let epoch = 1_795_942_800

    static func load() throws -> Connection {
        let connection = try TestDatabase.connect("payments")
        try connection.executeScript("payments fixture", try String(contentsOf: sql, encoding: .utf8))
        return connection
    }

    static func generate(_ db: Connection, catalog: Int = catalog, from: LocalDate? = nil, to: LocalDate? = nil,
                         output: URL, name: String = "paiements.xlsx") throws -> GeneratedDocument {
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output, epochSeconds: epoch)))
        return try jobs.payments(catalog: catalog, from: from, to: to, to: output.appendingPathComponent(name))
    }
}

/// SQL's own answers, computed independently of the store's queries.
enum PaymentsSQL {
    struct Subscription {
        var lastName: String
        var distributions: Int
        var ordered: Decimal
        var count: Int
        var paid: Decimal
        var balance: Decimal
        var status: String
    }

    static func subscriptions(_ db: Connection) throws -> [Subscription] {
        try db.query("subscriptions", """
            WITH ordered AS (
                SELECT o."subscriptionId" AS s, count(DISTINCT o."distributionId") AS n,
                       sum(round(o.quantity::numeric * o."productPrice"::numeric, 2)) AS amount
                FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                WHERE b.status <> 'OPEN' AND o.quantity <> 0 GROUP BY 1
            ), paid AS (
                SELECT "subscriptionId" AS s, count(*) AS n, sum(round(amount::numeric, 2)) AS amount
                FROM "Operation" WHERE type = 2 GROUP BY 1
            ), totals AS (
                SELECT s.id, u."lastName", COALESCE(o.n, 0) AS distributions, COALESCE(o.amount, 0) AS ordered,
                       COALESCE(p.n, 0) AS count, COALESCE(p.amount, 0) AS paid
                FROM "Subscription" s JOIN "User" u ON u.id = s."userId"
                LEFT JOIN ordered o ON o.s = s.id LEFT JOIN paid p ON p.s = s.id
                WHERE s."catalogId" = $1
            )
            SELECT "lastName", distributions::int AS distributions, ordered::text AS ordered, count::int AS count,
                   paid::text AS paid, (paid - ordered)::text AS balance,
                   CASE WHEN paid = ordered THEN 'payé' WHEN paid < ordered THEN 'reste à payer' ELSE 'à rembourser' END AS status
            FROM totals ORDER BY id
            """, [PaymentsFixture.catalog]) {
            Subscription(lastName: try $0.decode("lastName"), distributions: try $0.decode("distributions"),
                         ordered: try $0.decode("ordered"), count: try $0.decode("count"), paid: try $0.decode("paid"),
                         balance: try $0.decode("balance"), status: try $0.decode("status"))
        }
    }

    /// The checks of the contract's subscriptions received from `from` to `to`: number and amount.
    static func checks(_ db: Connection, from: LocalDate, to: LocalDate) throws -> [(number: String, amount: Decimal)] {
        try db.query("checks", """
            SELECT op.name, round(op.amount::numeric, 2)::text AS amount
            FROM "Operation" op JOIN "Subscription" s ON s.id = op."subscriptionId"
            WHERE s."catalogId" = $1 AND op.type = 2 AND op.data LIKE '%"check"%'
              AND op.date::date BETWEEN $2 AND $3
            ORDER BY op.name
            """, [PaymentsFixture.catalog, from, to]) { (try $0.decode("name"), try $0.decode("amount")) }
    }
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct PaymentsTests {
    @Test func contractRowsEqualWhatSqlComputesToTheCent() throws {
        let db = try PaymentsFixture.load()
        let document = try PaymentsFixture.generate(db, output: try temporaryFolder())
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        #expect(book.sheets.map(\.name) == ["Contrats", "Paiements", "Remise de chèques"])
        let sheet = try book.sheet("Contrats")
        #expect(sheet["A1"]?.text == "Foyer" && sheet["F1"]?.text == "Commandé" && sheet["I1"]?.text == "Solde")
        // Households by surname ignoring accents: EBERT, ÉTIENNE, LE GOFF, N'DIAYE; ABADIE (another contract) absent.
        #expect((2...5).compactMap { sheet["A\($0)"]?.text } == ["EBERT Paul", "ÉTIENNE Zoé", "LE GOFF Élodie / Loïc", "N'DIAYE Anne-Sophie"])
        #expect(sheet["B3"]?.text == "MARTIN Gaëlle" && sheet["B2"] == nil)
        #expect(sheet["C3"]?.dataType == "d" && sheet["D3"]?.dataType == "d")
        let expected = try PaymentsSQL.subscriptions(db)
        #expect(expected.count == 4)
        var ordered = Decimal(0), paid = Decimal(0), balance = Decimal(0)
        for s in expected {
            let row = try #require((2...5).first { sheet["A\($0)"]?.text?.hasPrefix(s.lastName) == true }, "\(s.lastName)")
            #expect(sheet["E\(row)"]?.number == Double(s.distributions), "\(s.lastName) distributions")
            #expect(sheet["F\(row)"]?.number == double(s.ordered), "\(s.lastName) ordered")
            #expect(sheet["G\(row)"]?.number == Double(s.count), "\(s.lastName) payments")
            #expect(sheet["H\(row)"]?.number == double(s.paid), "\(s.lastName) paid")
            #expect(sheet["I\(row)"]?.number == double(s.balance), "\(s.lastName) balance")
            #expect(sheet["J\(row)"]?.text == s.status, "\(s.lastName) status")
            ordered += s.ordered; paid += s.paid; balance += s.balance
        }
        // The hand-checked figures: every status appears, half cents rounded away from zero.
        #expect(Set(expected.map(\.status)) == ["payé", "reste à payer", "à rembourser"])
        #expect(ordered == Decimal(string: "87.97") && paid == Decimal(string: "109.66"))
        #expect(sheet["A6"]?.text == "Total")
        #expect(sheet["F6"]?.formula == "=SUM(F2:F5)" && sheet["F6"]?.cached == double(ordered))
        #expect(sheet["H6"]?.formula == "=SUM(H2:H5)" && sheet["H6"]?.cached == double(paid))
        #expect(sheet["I6"]?.cached == double(balance))
        for cell in sheet.cells.values where cell.formula != nil { #expect(cell.cached != nil) }
    }

    @Test func paymentsAreListedWithFrenchTypesAndRefundsNegative() throws {
        let db = try PaymentsFixture.load()
        let document = try PaymentsFixture.generate(db, output: try temporaryFolder())
        let sheet = try VendorOrdersReader.read(URL(fileURLWithPath: document.path)).sheet("Paiements")
        #expect(sheet["A1"]?.text == "Foyer" && sheet["C1"]?.text == "Type" && sheet["E1"]?.text == "Montant")
        let rows = (2..<sheet.maxRow)
        #expect(rows.count == 13)
        var byLabel: [String: (type: String?, amount: Double?, household: String?)] = [:]
        for row in rows {
            #expect(sheet["B\(row)"]?.dataType == "d", "row \(row) date")
            byLabel[sheet["D\(row)"]?.text ?? "(vide)"] = (sheet["C\(row)"]?.text, sheet["E\(row)"]?.number, sheet["A\(row)"]?.text)
        }
        let expected: [String: String] = [
            "1234567": "chèque", "1234568": "chèque", "7654321": "chèque", "0000042": "chèque",
            "Remboursement": "virement", "Espèces": "espèces", "TPE": "TPE", "Sur place": "sur place",
            "Cagnotte": "cagnotte", "Paiement ???": "autre", "Reliquat": "autre", "Crypto": "autre", "(vide)": "autre",
        ]
        for (label, type) in expected { #expect(byLabel[label]?.type == type, "\(label)") }
        #expect(byLabel["Remboursement"]?.amount == -5 && byLabel["Remboursement"]?.household == "N'DIAYE Anne-Sophie")
        #expect(byLabel["1234568"]?.amount == 6.91)
        #expect(byLabel["9999999"] == nil && byLabel["Paiement libre"] == nil && byLabel["Légumes 2026-2027"] == nil)
        let total = try PaymentsSQL.subscriptions(db).map(\.paid).reduce(Decimal(0), +)
        #expect(sheet["A\(sheet.maxRow)"]?.text == "Total")
        #expect(sheet["E\(sheet.maxRow)"]?.formula == "=SUM(E2:E\(sheet.maxRow - 1))")
        #expect(sheet["E\(sheet.maxRow)"]?.cached == double(total))
    }

    @Test(arguments: [
        (LocalDate(year: 2026, month: 10, day: 1), LocalDate(year: 2026, month: 11, day: 30), 2, "16.91"),
        (LocalDate(year: 2026, month: 11, day: 6), LocalDate(year: 2026, month: 12, day: 31), 0, "0"),
    ])
    func depositSlipListsExactlyTheChecksOfTheRange(from: LocalDate, to: LocalDate, count: Int, total: String) throws {
        let db = try PaymentsFixture.load()
        let document = try PaymentsFixture.generate(db, from: from, to: to, output: try temporaryFolder())
        try expectSlip(db, document: document, from: from, to: to, count: count, total: Decimal(string: total)!)
    }

    @Test func depositSlipDefaultsToTheWholeContract() throws {
        let db = try PaymentsFixture.load()
        let document = try PaymentsFixture.generate(db, output: try temporaryFolder())
        try expectSlip(db, document: document, from: LocalDate(year: 2026, month: 9, day: 1),
                       to: LocalDate(year: 2027, month: 6, day: 30), count: 4, total: Decimal(string: "86.91")!)
    }

    private func expectSlip(_ db: Connection, document: GeneratedDocument, from: LocalDate, to: LocalDate,
                            count: Int, total: Decimal) throws {
        let sheet = try VendorOrdersReader.read(URL(fileURLWithPath: document.path)).sheet("Remise de chèques")
        #expect(sheet["A1"]?.text == "Bordereau de remise de chèques")
        #expect(sheet["B2"]?.text == "EARL Les Jardins de Kervœn")
        #expect(sheet["B4"]?.text == "du \(FrenchFormat.shortDate(from)) au \(FrenchFormat.shortDate(to))")
        #expect(sheet["B6"]?.text == "N° de chèque" && sheet["E6"]?.text == "Montant")
        let expected = try PaymentsSQL.checks(db, from: from, to: to)
        #expect(expected.count == count)
        let rows = Array(7..<(7 + count))
        let listed = rows.map { (sheet["B\($0)"]?.text ?? "", sheet["E\($0)"]?.number ?? .nan) }.sorted { $0.0 < $1.0 }
        #expect(listed.map(\.0) == expected.map(\.number))
        #expect(listed.map(\.1) == expected.map { double($0.amount) })
        for row in rows {
            #expect(sheet["C\(row)"]?.text?.isEmpty == false && sheet["D\(row)"]?.dataType == "d", "row \(row)")
        }
        #expect(expected.map(\.amount).reduce(Decimal(0), +) == total)
        let totalRow = 7 + count
        #expect(sheet["A\(totalRow)"]?.text == "Total" && sheet["A\(totalRow + 1)"]?.text == "Nombre de chèques")
        let totalValue = sheet["E\(totalRow)"]?.cached ?? sheet["E\(totalRow)"]?.number
        let countValue = sheet["E\(totalRow + 1)"]?.cached ?? sheet["E\(totalRow + 1)"]?.number
        #expect(totalValue == double(total) && countValue == Double(count))
        if count > 0 {
            #expect(sheet["E\(totalRow)"]?.formula == "=SUM(E7:E\(totalRow - 1))")
            #expect(sheet["E\(totalRow + 1)"]?.formula == "=COUNT(E7:E\(totalRow - 1))")
        }
        #expect(sheet.freezePanes == "A7" && (sheet.printTitleRows == "$6:$6" || sheet.printTitleRows == "6:6"),
                "\(sheet.freezePanes ?? "nil") \(sheet.printTitleRows ?? "nil")")
    }

    @Test func workbookIsPrintableDatedAndRecorded() throws {
        let db = try PaymentsFixture.load()
        let document = try PaymentsFixture.generate(db, output: try temporaryFolder())
        #expect(document.kind == "payments" && document.scope == "catalog:1")
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        #expect(book.title == "Paiements — Légumes 2026-2027 — AMAP de Rezé" && book.creator == "AMAP de Rezé")
        #expect(book.created?.hasPrefix("2026-11-29T") == true, "\(book.created ?? "nil")")
        for sheet in book.sheets {
            #expect(sheet.orientation == "landscape" && sheet.paperSize == 9, "\(sheet.name)")
            #expect(sheet.fitToPage && (sheet.fitToWidth ?? 1) == 1 && sheet.fitToHeight == 0, "\(sheet.name)")
            #expect(sheet.freezePanes != nil && sheet.autoFilter != nil && !sheet.widths.isEmpty, "\(sheet.name)")
            // Money cells are numbers shown in euros.
            #expect(sheet.footerCenter == "&P / &N")
        }
        let recorded = try db.query("ledger", """
            SELECT count(*)::int AS n FROM cageot.documents WHERE kind = 'payments' AND scope = $1 AND checksum = $2
            """, [document.scope, document.checksum]) { try $0.decode("n", as: Int.self) }
        #expect(recorded == [1])
    }

    @Test func defaultFileGoesUnderTheGroupsPaymentsFolder() throws {
        let db = try PaymentsFixture.load()
        let output = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        let document = try jobs.payments(catalog: 1)
        #expect(document.path == output.appendingPathComponent("amap-de-reze/paiements/paiements-legumes-2026-2027.xlsx").path)
    }

    @Test func sameDataGiveSameBytes() throws {
        let db = try PaymentsFixture.load()
        let folder = try temporaryFolder()
        let first = try PaymentsFixture.generate(db, output: folder, name: "a.xlsx")
        let second = try PaymentsFixture.generate(db, output: folder, name: "b.xlsx")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path)) == Data(contentsOf: URL(fileURLWithPath: second.path)))
        #expect(first.fingerprint == second.fingerprint && first.checksum == second.checksum)
        try db.execute("change a payment", #"UPDATE "Operation" SET amount = 7 WHERE id = 11"#)
        let third = try PaymentsFixture.generate(db, output: folder, name: "c.xlsx")
        #expect(third.fingerprint != first.fingerprint && third.checksum != first.checksum)
    }

    /// A batch excludes the carts by the list read once for it (`unconfirmedBaskets`): the same
    /// totals as looking up each line's basket, and a cart opened after the list was read (a
    /// higher id) is still left out.
    @Test func batchWithTheCartsListedTotalsLikeOneLookingUpEachBasket() throws {
        let db = try PaymentsFixture.load()
        let store = CamapStore(db)
        let unconfirmed = try store.unconfirmedBaskets()
        #expect(unconfirmed.ids == [1003] && unconfirmed.lastId == 1061)
        let expected = try #require(try store.paymentsData(catalogs: [1, 2])[1])
        #expect(expected.orders.first { $0.subscriptionId == 501 }?.amount == Money(cents: 1691))
        try db.executeScript("a cart opened since", """
            INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES (1100, 4, 12, 4, '2026-10-10', 'OPEN');
            INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", "subscriptionId", quantity, "productPrice", date)
            VALUES (100, 4, 5, 102, 1100, 504, 3, 7.5, '2026-10-10');
            """)
        let listed = try store.paymentsData(catalogs: [1, 2], unconfirmed: unconfirmed)
        #expect(listed[1]?.orders == expected.orders)
        #expect(listed[2]?.orders == (try store.paymentsData(catalogs: [2])[2]?.orders))
        #expect(try store.paymentsData(catalogs: [1])[1]?.orders == expected.orders)
        // Once confirmed, the same cart counts, whether looked up or past the list's last id.
        try db.executeScript("the cart confirmed", #"UPDATE "Basket" SET status = 'CONFIRMED' WHERE id = 1100"#)
        let confirmed = try store.paymentsData(catalogs: [1], unconfirmed: unconfirmed)[1]?.orders.first { $0.subscriptionId == 504 }
        #expect(confirmed == PaymentsOrders(subscriptionId: 504, lines: 2, distributions: 2, amount: Money(cents: 3750)))
        #expect(try store.paymentsData(catalogs: [1])[1]?.orders.first { $0.subscriptionId == 504 } == confirmed)
    }

    @Test func unknownCatalogThrowsAndWritesNothing() throws {
        let db = try PaymentsFixture.load()
        let folder = try temporaryFolder()
        #expect(throws: NotFound(entity: "contract (Catalog)", id: 999)) {
            try PaymentsFixture.generate(db, catalog: 999, output: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

struct PaymentsLogicTests {
    @Test(arguments: [
        (#"{"type":"check"}"#, "chèque"), (#"{"type": "cash"}"#, "espèces"), (#"{"type":"transfer"}"#, "virement"),
        (#"{"type":"card-terminal"}"#, "TPE"), (#"{"type":"onthespot"}"#, "sur place"), (#"{"type":"moneypot"}"#, "cagnotte"),
        (#"{"type":"other"}"#, "autre"), (#"{"type":"bitcoin"}"#, "autre"), (#"{type: check"#, "autre"), ("", "autre"),
        ("[1,2]", "autre"), (#"{"type":42}"#, "autre"), ("null", "autre"), (#"{"type":null}"#, "autre"),
    ])
    func paymentTypeIsReadFromOperationDataNeverCrashing(data: String, label: String) {
        #expect(PaymentKind(operationData: data).label == label)
    }

    /// The compact form CAMAP writes is read without a JSON decoder: it gives what the decoder
    /// gives for it and for the same JSON spaced out, for every kind.
    @Test(arguments: PaymentKind.allCases)
    func compactAndSpacedDataGiveTheSameKind(kind: PaymentKind) {
        let type = #""type""#, value = "\"" + kind.rawValue + "\""
        #expect(PaymentKind(operationData: "{" + type + ":" + value + "}") == kind)
        #expect(PaymentKind(operationData: " { " + type + " : " + value + " } ") == kind)
        #expect(PaymentKind(operationData: "{" + type + ":" + value + #","remote":1}"#) == kind)
        #expect(PaymentKind(operationData: "{" + type + ":" + value) == .other) // cut short
    }

    @Test func missingDataIsOther() { #expect(PaymentKind(operationData: nil) == .other) }

    @Test(arguments: [(0, "payé"), (-1, "reste à payer"), (394, "à rembourser")])
    func statusFollowsTheBalanceSign(cents: Int64, status: String) {
        #expect(Payments.Status(balance: Money(cents: cents)).rawValue == status)
    }
}

private func double(_ value: Decimal) -> Double { Double(value.description)! }
