import CageotApp
import CageotCore
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// Every distribution of every variable contract of the demo federation, both sheets, end to end:
/// PostgreSQL → PDF → pdftotext, checked against SQL.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct DistributionDemoSheetsTests {
    @Test func everyVariableContractDistributionPrintsBothSheetsMatchingSql() throws {
        let db = try TestDatabase.demo("demodistrib", options: DemoOptions(seed: 7, groups: 2, households: 24, weeks: 5,
                                                                           start: LocalDate(year: 2026, month: 11, day: 16))).db
        let distributions = try db.query("variable distributions", """
            SELECT d.id FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE c.type = 1 ORDER BY d.id
            """) { try $0.decode("id", as: Int.self) }
        #expect(distributions.count >= 4)
        let output = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        let store = CamapStore(db)
        var balancesChecked = 0

        for id in distributions {
            let (baskets, total) = try DistributionSQL.total(db, id)
            let money = DistributionSQL.money(total)

            let matrix = try jobs.distributionSheet(id, kind: .productMatrix)
            let matrixText = try DistributionFixture.text(matrix)
            #expect(matrixText.contains("\(baskets) foyer\(baskets > 1 ? "s" : "") — total de la distribution : \(money)"),
                    "distribution \(id): \(baskets) households, \(money)")
            #expect(matrixText.contains("page \(matrix.pages) / \(matrix.pages)"))
            for product in try DistributionSQL.products(db, id) {
                #expect(matrixText.contains(DistributionSQL.money(product.amount)), "distribution \(id): \(product.name)")
            }

            let variable = try jobs.distributionSheet(id, kind: .variableSheet)
            let variableText = try DistributionFixture.text(variable)
            #expect(variableText.contains("\(baskets) foyer\(baskets > 1 ? "s" : "") — total livré ce jour : \(money)"),
                    "distribution \(id): \(baskets) households, \(money)")
            #expect(variableText.components(separatedBy: "Total du jour").count - 1 >= baskets)
            #expect(variable.pages <= max(1, baskets / 5 + 1), "distribution \(id): \(variable.pages) pages for \(baskets) households")

            let data = try store.distributionSheetData(distribution: id)
            let computed = Dictionary(uniqueKeysWithValues: data.balances.map { ($0.householdId, $0.balance) })
            for row in try DistributionSQL.balances(db, id) {
                #expect(computed[row.household] == Money(rounding: row.balance), "distribution \(id): \(row.name)")
                #expect(variableText.contains(DistributionSQL.money(row.balance)), "distribution \(id): \(row.name)")
                balancesChecked += 1
            }
        }
        #expect(balancesChecked > 20)
        let recorded = try db.query("ledger", "SELECT count(*) AS n FROM cageot.documents WHERE scope LIKE 'distribution:%'") {
            try $0.decode("n", as: Int.self)
        }
        #expect(recorded == [2 * distributions.count])
    }
}
