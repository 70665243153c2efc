import CageotApp
import CageotCore
import CageotDemoData
import CageotLayout
import CageotStore
import Foundation
import Testing

/// Every classic contract of the demo federation, over the whole demo season: PostgreSQL → PDF →
/// pdftotext, the absences checked against SQL.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct ContractGridDemoTests {
    @Test func everyDemoClassicContractGridRendersWithTheAbsencesSqlCounts() throws {
        let db = try TestDatabase.connect("demogrid")
        let options = DemoOptions(seed: 7, groups: 2, households: 24, weeks: 16, start: LocalDate(year: 2026, month: 11, day: 16))
        _ = try DemoFederation.generate(into: db, options: options, logger: TestDatabase.logger)
        let from = options.start, to = options.start.adding(days: 7 * options.weeks - 1)
        let catalogs = try db.query("classic contracts", #"SELECT id FROM "Catalog" WHERE type = 0 ORDER BY id"#) { try $0.decode("id", as: Int.self) }
        #expect(catalogs.count >= 6, "three classic contracts per active group")

        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder())))
        let legendAbsents = Self.count("absent", in: ContractGridLayout.legend)
        var totalAbsences = 0, totalTurns = 0, splitGrids = 0, subscribers = 0
        for catalog in catalogs {
            let document = try jobs.contractGrid(catalog: catalog, from: from, to: to)
            let text = normalized(try run("pdftotext", ["-layout", document.path, "-"]))
            let expected = try db.query("absences", ContractGridTests.absencesSQL, [catalog, from, to]) { try $0.decode("subscription", as: Int.self) }.count
            #expect(Self.count("absent", in: text) - legendAbsents == expected, "catalog \(catalog)")
            totalAbsences += expected
            // One "son tour" per distribution where an alternated basket is collected.
            let turns = try db.query("alternated deliveries", Self.alternatedDeliveriesSQL, [catalog, from, to]) { try $0.decode("n", as: Int.self) }[0]
            #expect(Self.count("tour", in: text) - Self.count("tour", in: ContractGridLayout.legend) == turns, "catalog \(catalog)")
            totalTurns += turns

            // Every subscriber of the range is on the grid.
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let holders = try db.query("holders", """
                SELECT DISTINCT upper(u."lastName") || ' ' || u."firstName" AS name FROM "Subscription" s JOIN "User" u ON u.id = s."userId"
                WHERE s."catalogId" = $1 AND s."startDate" < $3::date + 1 AND s."endDate" >= $2::date
                """, [catalog, from, to]) { try $0.decode("name", as: String.self) }
            subscribers += holders.count
            if holders.isEmpty { #expect(text.contains("Aucun abonnement"), "catalog \(catalog)") }
            for name in holders { #expect(flat.contains(name), "catalog \(catalog): \(name)") }

            #expect(text.contains("page \(document.pages) / \(document.pages)"))
            if text.contains("Distributions 1 à") { splitGrids += 1 }
            try run("qpdf", ["--check", document.path])
        }
        #expect(subscribers > 20)
        #expect(totalAbsences > 0, "the demo federation declares absences")
        #expect(totalTurns > 0, "the demo federation has alternated baskets")
        #expect(splitGrids > 0, "sixteen weekly dates do not fit across one page: the grid splits them")
    }

    /// (alternated subscription, distribution of the range) pairs with a confirmed, non-cancelled line.
    static let alternatedDeliveriesSQL = """
        SELECT count(DISTINCT (s.id, d.id)) AS n
        FROM "Subscription" s
        JOIN "UserOrder" o ON o."subscriptionId" = s.id
        JOIN "Distribution" d ON d.id = o."distributionId"
        JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
        LEFT JOIN "Basket" b ON b.id = o."basketId"
        WHERE s."catalogId" = $1 AND s."userId2" IS NOT NULL AND o.quantity <> 0 AND (b.id IS NULL OR b.status <> 'OPEN')
          AND s."startDate" < $3::date + 1 AND s."endDate" >= $2::date
          AND COALESCE(d.date, md."distribStartDate") >= $2::date AND COALESCE(d.date, md."distribStartDate") < $3::date + 1
        """

    static func count(_ word: String, in text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" }).filter { $0 == word }.count
    }
}
