import CageotApp
import CageotCore
import CageotStore
import Foundation
import Testing

@Suite(.enabled(if: TestDatabase.isAvailable))
struct CheckDepositTests {
    static func generate(_ db: Connection, catalog: Int = PaymentsFixture.catalog, from: LocalDate?, to: LocalDate?,
                         output: URL, name: String = "remise.pdf") throws -> GeneratedDocument {
        let factory = try DocumentFactory(environment: Fixture.environment(output: output, epochSeconds: PaymentsFixture.epoch))
        return try SheetJobs(connection: db, factory: factory)
            .checkDeposit(catalog: catalog, from: from, to: to, to: output.appendingPathComponent(name))
    }

    @Test func slipPdfListsTheChecksOfTheRangeOnOnePage() throws {
        let db = try PaymentsFixture.load()
        let from = LocalDate(year: 2026, month: 10, day: 1), to = LocalDate(year: 2026, month: 11, day: 30)
        let document = try Self.generate(db, from: from, to: to, output: try temporaryFolder())
        #expect(document.kind == "check-deposit" && document.pages == 1)
        let pagesLine = try run("pdfinfo", [document.path]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
        #expect(pagesLine.map { $0.split(separator: " ").last == "1" } == true, "\(pagesLine ?? "no Pages line")")
        let text = normalized(try run("pdftotext", ["-layout", document.path, "-"]))
        #expect(text.contains("Bordereau de remise de chèques") && text.contains("À l'ordre de : EARL Les Jardins de Kervœn"))
        let expected = try PaymentsSQL.checks(db, from: from, to: to)
        for check in expected { #expect(text.contains(check.number)) }
        for other in ["7654321", "0000042", "9999999"] { #expect(!text.contains(other), "\(other)") }
        let total = expected.map(\.amount).reduce(Decimal(0), +)
        #expect(total == Decimal(string: "16.91"))
        #expect(text.contains("Total : 2 chèques") && text.contains("16,91 €"), "\(text)")
    }

    @Test func sameDataGiveSameBytesAndUnknownCatalogWritesNothing() throws {
        let db = try PaymentsFixture.load()
        let folder = try temporaryFolder()
        let a = try Self.generate(db, from: nil, to: nil, output: folder, name: "a.pdf")
        let b = try Self.generate(db, from: nil, to: nil, output: folder, name: "b.pdf")
        #expect(a.checksum == b.checksum && a.fingerprint == b.fingerprint)
        let text = normalized(try run("pdftotext", ["-layout", a.path, "-"]))
        #expect(text.contains("Total : 4 chèques") && text.contains("86,91 €"))
        let empty = try temporaryFolder()
        #expect(throws: NotFound(entity: "contract (Catalog)", id: 999)) {
            try Self.generate(db, catalog: 999, from: nil, to: nil, output: empty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
    }
}
