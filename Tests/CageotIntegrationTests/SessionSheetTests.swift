import CageotApp
import CageotCore
import CageotStore
import Foundation
import Testing

@Suite(.enabled(if: TestDatabase.isAvailable))
struct SessionSheetTests {
    /// What SQL says each confirmed household owes: Σ round(quantity × price, 2), half away from zero.
    static let householdTotalsSQL = """
        SELECT u."lastName", sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS total
        FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id JOIN "User" u ON u.id = b."userId"
        WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
        GROUP BY u."lastName" ORDER BY 1
        """

    func generate(_ connection: Connection, session: Int = 10, output: URL) throws -> GeneratedDocument {
        let jobs = try SheetJobs(connection: connection, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        return try jobs.sessionSheet(session, to: output.appendingPathComponent("sheet.pdf"))
    }

    @Test func sheetShowsEveryConfirmedLineWithItsAmount() throws {
        let (_, db) = try Fixture.load()
        let folder = try temporaryFolder()
        let document = try generate(db, output: folder)
        let text = normalized(try run("pdftotext", ["-layout", document.path, "-"]))

        for expected in ["AMAP de la Chênaie", "jeudi 3 décembre 2026, 18h – 19h30", "Salle des fêtes", "3 rue de l'Église, 44400 Rezé",
                         "LE GOFF Élodie / Loïc", "N'DIAYE Anne-Sophie /", "BRÉHIER", "François", "ÉTIENNE Zoé",
                         "Œufs (boîte de 12)", "Farine de blé T80", "Poulet fermier", "1,5 kg", "1,85 kg",
                         "8,03 €", "3,53 €", "22,02 €", "2,50 €", "11,56 €", "36,08 €",
                         "Distribution : MARTIN Gaëlle", "Accueil : à pourvoir", "Merci d'apporter vos sacs !"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // The OPEN basket (MARTIN Gaëlle, 2 chickens = 23,80 €) and the cancelled line are left out.
        #expect(!text.contains("23,80"))
        #expect(!text.contains("MARTIN Gaëlle\n") && text.components(separatedBy: "MARTIN Gaëlle").count == 2)
        #expect(text.contains("3 foyers"))
        #expect(!text.contains("<p>") && !text.contains("&nbsp;"))
    }

    @Test func householdTotalsEqualWhatSqlComputes() throws {
        let (_, db) = try Fixture.load()
        let folder = try temporaryFolder()
        let text = normalized(try run("pdftotext", ["-layout", try generate(db, output: folder).path, "-"]))
        let totals = try db.query("household totals", Self.householdTotalsSQL, [10]) {
            (try $0.decode("lastName", as: String.self), try $0.decode("total", as: Decimal.self))
        }
        #expect(totals.count == 3)
        for (name, total) in totals {
            let money = normalized(FrenchFormat.money(Money(rounding: total)))
            // The household total stands in the Total column, on the household's first line.
            let first = text.components(separatedBy: "\n").first { $0.contains(name) }
            #expect(first?.trimmingCharacters(in: .whitespaces).hasSuffix(money) == true, "\(name): \(money) in \(first ?? "-")")
        }
    }

    @Test func theAllVariantShowsEachHouseholdsBalanceAndWhatIsLeftToPay() throws {
        let (_, db) = try Fixture.load()
        let text = normalized(try run("pdftotext", ["-layout", try generate(db, output: try temporaryFolder()).path, "-"]))
        let balances = try db.query("balances", #"SELECT u."lastName", ug.balance::numeric::text AS b FROM "UserGroup" ug JOIN "User" u ON u.id = ug."userId" WHERE ug."groupId" = 1 AND ug."userId" IN (1, 2)"#) {
            (try $0.decode("lastName", as: String.self), try $0.decode("b", as: Decimal.self))
        }
        for (name, balance) in balances {
            let money = Money(rounding: balance)
            let toPay = normalized(FrenchFormat.money(money.cents < 0 ? -money : .zero))
            #expect(text.contains("Solde : \(normalized(FrenchFormat.money(money))) · à payer : \(toPay)"), "\(name)")
        }
        #expect(text.contains("Solde : -12,50 € · à payer : 12,50 €") && text.contains("Solde : 30,00 € · à payer : 0,00 €"))
        // ÉTIENNE has no membership row: no balance is invented.
        #expect(text.components(separatedBy: "Solde :").count - 1 == 2)
    }

    /// `"UserGroup".balance` is a cache: NaN, an infinity or 1e300 there leaves that household's
    /// balance out; the sheet is still written (it used to fail on the first such row).
    @Test func aCachedBalanceThatIsNotANumberIsLeftOutNotFatal() throws {
        let (_, db) = try Fixture.load()
        _ = try db.execute("a NaN balance", #"UPDATE "UserGroup" SET balance = 'NaN' WHERE "groupId" = 1 AND "userId" = 1"#)
        _ = try db.execute("an infinite balance", #"UPDATE "UserGroup" SET balance = '-Infinity' WHERE "groupId" = 1 AND "userId" = 2"#)
        let text = normalized(try run("pdftotext", ["-layout", try generate(db, output: try temporaryFolder()).path, "-"]))
        #expect(text.components(separatedBy: "Solde :").count - 1 == 0, "\(text)")
        #expect(!text.contains("NaN") && !text.contains("Infinity"))
        _ = try db.execute("one sane balance", #"UPDATE "UserGroup" SET balance = 1e300 WHERE "groupId" = 1 AND "userId" = 1"#)
        _ = try db.execute("one sane balance", #"UPDATE "UserGroup" SET balance = 30 WHERE "groupId" = 1 AND "userId" = 2"#)
        let again = normalized(try run("pdftotext", ["-layout", try generate(db, output: try temporaryFolder()).path, "-"]))
        #expect(again.components(separatedBy: "Solde :").count - 1 == 1 && again.contains("Solde : 30,00 €"), "\(again)")
    }

    @Test func householdsAreSortedBySurnameIgnoringAccents() throws {
        let (_, db) = try Fixture.load()
        let text = try run("pdftotext", ["-layout", try generate(db, output: try temporaryFolder()).path, "-"])
        let order = ["ÉTIENNE Zoé", "LE GOFF Élodie", "N'DIAYE Anne-Sophie"].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func phonesAreHiddenWhenTheGroupSaysSo() throws {
        let (_, db) = try Fixture.load()
        let shown = try run("pdftotext", [try generate(db, output: try temporaryFolder()).path, "-"])
        #expect(shown.contains("06 11 22 33 44") && shown.contains("06 55 66 77 88"))
        try db.execute("hide phones", #"UPDATE "Group" SET flags = flags | 64 WHERE id = 1"#)
        let hidden = try run("pdftotext", [try generate(db, output: try temporaryFolder()).path, "-"])
        #expect(!hidden.contains("06 11 22 33 44") && !hidden.contains("07 00 00 00 01"))
    }

    @Test func pdfIsValidA4WithEmbeddedFonts() throws {
        let (_, db) = try Fixture.load()
        let document = try generate(db, output: try temporaryFolder())
        let info = try run("pdfinfo", [document.path])
        #expect(info.contains("Pages:           1") && info.contains("(A4)"))
        #expect(info.contains("Title:           Feuille d'émargement — AMAP de la Chênaie"))
        try expectBundledFontsEmbeddedAndValid(document.path)
        #expect(document.pages == 1 && document.bytes > 1000)
    }

    @Test func sameDataAndClockGiveTheSameBytes() throws {
        let (_, db) = try Fixture.load()
        let a = try generate(db, output: try temporaryFolder())
        let b = try generate(db, output: try temporaryFolder())
        #expect(a.checksum == b.checksum && a.fingerprint == b.fingerprint)
        try db.execute("change an order", #"UPDATE "UserOrder" SET quantity = 4 WHERE id = 1"#)
        let c = try generate(db, output: try temporaryFolder())
        #expect(c.fingerprint != a.fingerprint && c.checksum != a.checksum)
    }

    @Test func everyGeneratedSheetIsInTheLedger() throws {
        let (_, db) = try Fixture.load()
        let document = try generate(db, output: try temporaryFolder())
        let rows = try db.query("ledger", "SELECT kind, scope, checksum, path FROM cageot.documents") {
            [try $0.decode("kind", as: String.self), try $0.decode("scope", as: String.self),
             try $0.decode("checksum", as: String.self), try $0.decode("path", as: String.self)]
        }
        #expect(rows == [["session-sheet", "session:10", document.checksum, document.path]])
    }

    @Test func anUnknownSessionIsNamedAndWritesNothing() throws {
        let (_, db) = try Fixture.load()
        let folder = try temporaryFolder()
        do {
            _ = try generate(db, session: 999, output: folder)
            Issue.record("a sheet for a session that does not exist")
        } catch let error as NotFound {
            #expect(error.description.contains("999"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aSessionWithoutOrdersStillPrints() throws {
        let (_, db) = try Fixture.load()
        let text = try run("pdftotext", [try generate(db, session: 11, output: try temporaryFolder()).path, "-"])
        #expect(text.contains("Aucune commande confirmée") && text.contains("jeudi 10 décembre 2026"))
    }

    @Test func aRowThatDoesNotDecodeLeavesNoFile() throws {
        let (_, db) = try Fixture.load()
        try db.execute("poison a price", #"UPDATE "UserOrder" SET "productPrice" = 'Infinity' WHERE id = 2"#)
        let folder = try temporaryFolder()
        do {
            _ = try generate(db, output: folder)
            Issue.record("an infinite price was printed")
        } catch let error as DatabaseError {
            #expect(error.description.contains("\"UserOrder\".\"productPrice\" holds 'Infinity'"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
