import CageotApp
import CageotCore
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// Every session of the demo federation, end to end: PostgreSQL → PDF → pdftotext, checked against SQL.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct DemoSheetsTests {
    static let sessionTotalsSQL = """
        SELECT b."multiDistribId" AS session, count(DISTINCT b.id) AS baskets,
               sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS total
        FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id
        WHERE b.status <> 'OPEN' AND o.quantity <> 0
        GROUP BY 1
        """

    @Test func everyDemoSessionSheetMatchesSql() throws {
        let db = try TestDatabase.demo("demosheets", options: DemoOptions(seed: 7, groups: 2, households: 24, weeks: 3,
                                                                          start: LocalDate(year: 2026, month: 11, day: 16))).db
        let output = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        let result = try jobs.allSessionSheets()
        #expect(result.failed.isEmpty, "\(result.failed)")
        #expect(result.written.count == (try CamapStore(db).sessions().count))

        let expected = Dictionary(uniqueKeysWithValues: try db.query("session totals", Self.sessionTotalsSQL) {
            (try $0.decode("session", as: Int.self), (try $0.decode("baskets", as: Int.self), try $0.decode("total", as: Decimal.self)))
        })
        #expect(!expected.isEmpty)
        for document in result.written {
            let session = Int(document.scope.dropFirst("session:".count))!
            let text = normalized(try run("pdftotext", ["-layout", document.path, "-"]))
            let (baskets, total) = expected[session] ?? (0, 0)
            let money = normalized(FrenchFormat.money(Money(rounding: total)))
            #expect(text.contains("total de la distribution : \(money)"), "session \(session): \(money)")
            #expect(text.contains("\(baskets) foyer"), "session \(session): \(baskets) households")
            // A sane number of pages: about a dozen households a page at least.
            #expect(document.pages >= 1 && document.pages <= max(1, baskets / 8 + 1), "session \(session): \(document.pages) pages")
            #expect(text.contains("page \(document.pages) / \(document.pages)"))
            // A long sheet has an outline entry per household, a one-page sheet none.
            let json = try run("qpdf", ["--json", "--json-key=outlines", document.path])
            let outlines = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["outlines"] as? [Any] ?? []
            #expect(outlines.count == (document.pages > 1 ? baskets : 0), "session \(session): \(outlines.count) outline entries")
        }
    }

    @Test func openBasketsNeverReachTheSheet() throws {
        let db = try TestDatabase.demo("demoopen", options: DemoOptions(seed: 1, start: LocalDate(year: 2026, month: 11, day: 2))).db
        // Households whose only basket in a session is OPEN must not be listed on its sheet.
        let onlyOpen = try db.query("open-only households", """
            SELECT b."multiDistribId" AS session, upper(u."lastName") || ' ' || u."firstName" AS name
            FROM "Basket" b JOIN "User" u ON u.id = b."userId"
            WHERE b.status = 'OPEN' AND EXISTS (SELECT 1 FROM "UserOrder" o WHERE o."basketId" = b.id AND o.quantity <> 0)
              AND NOT EXISTS (SELECT 1 FROM "Basket" c WHERE c."multiDistribId" = b."multiDistribId" AND c."userId" = b."userId" AND c.status <> 'OPEN')
              AND NOT EXISTS (SELECT 1 FROM "Volunteer" v WHERE v."multiDistribId" = b."multiDistribId" AND v."userId" = b."userId")
            """) { (try $0.decode("session", as: Int.self), try $0.decode("name", as: String.self)) }
        #expect(!onlyOpen.isEmpty, "the demo federation should have OPEN baskets")
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder())))
        for (session, name) in onlyOpen {
            let text = try run("pdftotext", [try jobs.sessionSheet(session).path, "-"])
            #expect(!text.contains(name), "\(name) has only an OPEN basket in session \(session)")
        }
    }
}
