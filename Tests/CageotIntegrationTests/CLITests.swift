import Foundation
import Testing

/// The `cageot` binary as a user runs it: exit codes, one-line errors, nothing half-written.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct CLITests {
    /// `swift build --build-tests` puts the executable beside the test bundle.
    static let binary: URL = {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
        for candidate in candidates {
            var folder = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let url = folder.appendingPathComponent("cageot")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
                folder = folder.deletingLastPathComponent()
            }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/cageot")
    }()

    func cageot(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        env.merge(environment) { _, new in new }
        return try execute(Self.binary, arguments, environment: env)
    }

    @Test func sheetCommandWritesThePdfAndSaysWhere() throws {
        let (conninfo, _) = try Fixture.load()
        let file = try temporaryFolder().appendingPathComponent("jeudi.pdf")
        let result = try cageot(["sheet", "--session", "10", "-o", file.path, "--now", "2026-12-01T08:00:00+01:00"],
                                environment: ["DATABASE_URL": conninfo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(file.path) && result.stdout.contains("1 page"))
        #expect(try run("pdfinfo", [file.path]).contains("CreationDate:    Tue Dec  1 07:00:00 2026 UTC"))
    }

    @Test func noLedgerWritesNothingToTheDatabase() throws {
        let (conninfo, db) = try Fixture.load()
        let file = try temporaryFolder().appendingPathComponent("s.pdf")
        let result = try cageot(["sheet", "--database", conninfo, "--session", "10", "-o", file.path, "--no-ledger"])
        #expect(result.status == 0, "\(result.stderr)")
        // The schema is there (db/cageot-role.sql made it for the role), but no table in it.
        let tables = try db.query("cageot tables", "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'cageot'") { try $0.decode("n", as: Int.self) }
        #expect(tables == [0])
    }

    /// `CAGEOT_DEFLATE_LEVEL` picks the zlib level of the files (README); a value that is not one is
    /// said once on stderr and the sheet is still written, at level 1.
    @Test(arguments: [("9", nil), ("default", nil), ("fast", "CAGEOT_DEFLATE_LEVEL=fast is not a zlib level")] as [(String, String?)])
    func aDeflateLevelIsTakenOrSaidToBeWrong(level: String, message: String?) throws {
        let (conninfo, _) = try Fixture.load()
        let file = try temporaryFolder().appendingPathComponent("s.pdf")
        let result = try cageot(["sheet", "--database", conninfo, "--session", "10", "-o", file.path, "--no-ledger"],
                                environment: ["CAGEOT_DEFLATE_LEVEL": level])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: file.path))
        if let message {
            #expect(result.stderr.components(separatedBy: message).count == 2, "\(result.stderr)")
        } else {
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    @Test func anUnknownSessionIsOneLineAndNoFile() throws {
        let (conninfo, _) = try Fixture.load()
        let folder = try temporaryFolder()
        let result = try cageot(["sheet", "--database", conninfo, "--session", "424242", "-o", folder.appendingPathComponent("x.pdf").path])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("cageot: ") && result.stderr.contains("424242"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func anUnreachableDatabaseSaysWhatToCheck() throws {
        let result = try cageot(["sheet", "--session", "1"], environment: ["DATABASE_URL": "postgresql://nobody@/camap?host=/nonexistent-cageot"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot connect to the database") && result.stderr.contains("/nonexistent-cageot"))
        #expect(result.stderr.contains("DATABASE_URL"))
    }

    @Test func aMissingCamapTableIsNamed() throws {
        let conninfo = try TestDatabase.fresh("partial")
        let db = try Connection(conninfo, logger: TestDatabase.logger)
        try db.executeScript("partial migration", #"DROP TABLE "UserOrder""#)
        let result = try cageot(["sheet", "--database", conninfo, "--session", "1", "-o", "/tmp/never-\(UUID().uuidString).pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("42P01") || result.stderr.contains("no distribution session"))
    }

    @Test(arguments: [["sheet", "--session", "-3"], ["sheet", "--session", "1", "-o", "sheet.txt"], ["sheet", "--session", "1", "--now", "demain"],
                      ["sheet"], ["sheet", "--session", "1", "--week", "2026-W49"], ["sheet", "--week", "2026-W60"],
                      ["sheet", "--session", "1", "--layout", "no-such-preset"], ["sheet", "--session", "1", "--set", "font.size=0"]])
    func badOptionsAreRefusedBeforeConnecting(arguments: [String]) throws {
        let result = try cageot(arguments, environment: ["DATABASE_URL": "postgresql://nobody@/camap?host=/nonexistent-cageot"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("cannot connect"), "\(result.stderr)")
    }

    @Test(arguments: [(["--week", "2026-W54"], "write it like 2026-W49"), (["--week", "2026-13-01"], "write it like 2026-W49"),
                      (["--from", "2026-13-01", "--to", "2026-12-06"], "write it as YYYY-MM-DD"),
                      (["--from", "2026-12-06", "--to", "2026-11-30"], "is after --to"),
                      (["--week", "2026-W49", "-o", "commandes.pdf"], "ending in .xlsx")])
    func ordersBadPeriodShowsTheExpectedForm(arguments: [String], expected: String) throws {
        let result = try cageot(["orders", "--vendor", "1"] + arguments,
                                environment: ["DATABASE_URL": "postgresql://nobody@/camap?host=/nonexistent-cageot"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected) && !result.stderr.contains("cannot connect"), "\(result.stderr)")
    }

    @Test func weekWritesEverySessionOfThatWeekOnly() throws {
        let (conninfo, _) = try Fixture.load()
        let output = try temporaryFolder()
        let result = try cageot(["sheet", "--database", conninfo, "--week", "2026-W49", "-o", output.path, "--now", "2026-12-01T08:00"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".pdf") } ?? []
        #expect(files == ["amap-de-la-chenaie/2026-12-03/emargement-2026-12-03-amap-de-la-chenaie-session-10.pdf"])
        #expect(result.stdout.contains("2026-W49: 1 feuille(s)"))
    }

    @Test func everySheetKindFromTheCommandLine() throws {
        let (conninfo, db, _) = try TestDatabase.demo("kinds", options: DemoOptions(seed: 2, groups: 1, households: 12, weeks: 3,
                                                                                    start: LocalDate(year: 2026, month: 11, day: 23)))
        let classic = try #require(try db.query("classic", #"SELECT min(id) AS id FROM "Catalog" WHERE type = 0"#) { try $0.decode("id", as: Int.self) }.first)
        let variable = try #require(try db.query("variable", """
            SELECT min(d.id) AS id FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE c.type = 1
            """) { try $0.decode("id", as: Int.self) }.first)
        let folder = try temporaryFolder()
        let runs: [(String, [String])] = [
            ("grid.pdf", ["--catalog", String(classic), "--from", "2026-11-23", "--to", "2026-12-13"]),
            ("variable.pdf", ["--distribution", String(variable)]),
            ("matrix.pdf", ["--distribution", String(variable), "--layout", "matrix"]),
            ("matrix-large.pdf", ["--distribution", String(variable), "--layout", "matrix", "--set", "font.size=10"]),
        ]
        for (file, arguments) in runs {
            let path = folder.appendingPathComponent(file).path
            let result = try cageot(["sheet", "--database", conninfo, "-o", path, "--now", "2026-11-29T10:00"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            try run("qpdf", ["--check", path])
        }
        let wrongKind = try cageot(["sheet", "--database", conninfo, "--distribution", String(variable), "--layout", "grid",
                                    "-o", folder.appendingPathComponent("never.pdf").path])
        #expect(wrongKind.status != 0 && wrongKind.stderr.contains("not a distribution preset"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("never.pdf").path))
    }

    @Test func layoutsCheckSaysWhatIsWrongAndWhatWouldFit() throws {
        let folder = try temporaryFolder()
        let wide = folder.appendingPathComponent("wide.yaml")
        try "extends: all\nsignature:\n  width-mm: 150\ncolumns:\n  - basket\n  - {field: household, width-mm: 200}\n  - product\n  - {field: quantity, width-mm: 100}\n  - signature\n"
            .write(to: wide, atomically: true, encoding: .utf8)
        let tooWide = try cageot(["layouts", "check", wide.path])
        #expect(tooWide.status != 0)
        #expect(tooWide.stderr.contains("columns: the columns do not fit even on A3 landscape at 7 pt: the other columns alone are"))
        let typo = folder.appendingPathComponent("typo.yaml")
        try "extends: all\nzebra: yes please\n".write(to: typo, atomically: true, encoding: .utf8)
        let wrong = try cageot(["layouts", "check", typo.path])
        #expect(wrong.status != 0 && wrong.stderr.contains("typo.yaml:2: zebra: expected true or false, not \"yes please\""))
        let list = try cageot(["layouts", "list"])
        #expect(list.status == 0 && list.stdout.contains("large-print") && list.stdout.contains("matrix"))
        for name in ["all", "short", "household-per-page", "by-contract", "large-print", "privacy", "grid", "variable", "matrix"] {
            let ok = try cageot(["layouts", "check", name])
            #expect(ok.status == 0, "\(name): \(ok.stderr)")
        }
    }

    @Test func ordersWritesEveryFarmersWorkbookOfTheWeek() throws {
        let (conninfo, db, _) = try TestDatabase.demo("orders", options: DemoOptions(seed: 4, groups: 2, households: 10, weeks: 2,
                                                                                     start: LocalDate(year: 2026, month: 11, day: 23)))
        let expected = try db.query("farmers of the week", """
            SELECT count(DISTINCT c."vendorId") AS n FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" AND b.status <> 'OPEN'
            JOIN "Distribution" d ON d.id = o."distributionId" JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE o.quantity <> 0 AND d.date >= '2026-11-30' AND d.date < '2026-12-07'
            """) { try $0.decode("n", as: Int.self) }.first!
        let folder = try temporaryFolder()
        let result = try cageot(["orders", "--database", conninfo, "--week", "2026-W49", "-o", folder.path, "--now", "2026-12-01T08:00"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".xlsx") } ?? []
        #expect(expected > 0 && files.count == expected)
        #expect(result.stdout.contains("\(expected) classeur(s) de commandes, 0 échec(s)."))
        let unknown = try cageot(["orders", "--database", conninfo, "--week", "2026-W49", "--vendor", "999",
                                  "-o", folder.appendingPathComponent("never.xlsx").path])
        #expect(unknown.status != 0 && unknown.stderr.contains("no farmer (Vendor) with id 999"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("never.xlsx").path))
        // The CSV form: UTF-8 with BOM, ';', decimal comma, and the same total as SQL to the cent.
        let vendor = try db.query("a farmer of the week", """
            SELECT c."vendorId" AS v, sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS total
            FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" AND b.status <> 'OPEN'
            JOIN "Distribution" d ON d.id = o."distributionId" JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE o.quantity <> 0 AND d.date >= '2026-11-30' AND d.date < '2026-12-07' GROUP BY 1 ORDER BY 1 LIMIT 1
            """) { (try $0.decode("v", as: Int.self), try $0.decode("total", as: Decimal.self)) }.first!
        let csvFolder = folder.appendingPathComponent("csv")
        let csv = try cageot(["orders", "--database", conninfo, "--week", "2026-W49", "--vendor", String(vendor.0), "--format", "csv",
                              "-o", csvFolder.path])
        #expect(csv.status == 0, "\(csv.stderr)")
        let summary = try #require(try FileManager.default.contentsOfDirectory(atPath: csvFolder.path).first { $0.hasSuffix("-recapitulatif.csv") })
        let bytes = try Data(contentsOf: csvFolder.appendingPathComponent(summary))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let cents = Money(rounding: vendor.1).cents
        let expectedTotal = "\(cents / 100),\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        let totalLine = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").first { $0.hasPrefix("Total;") }
        #expect(totalLine?.split(separator: ";", omittingEmptySubsequences: false).dropFirst().first { !$0.isEmpty } == Substring(expectedTotal))
        let badWeek = try cageot(["orders", "--database", conninfo, "--week", "2026-W54", "--vendor", "1"])
        #expect(badWeek.status != 0 && badWeek.stderr.contains("write it like 2026-W49"))
    }

    @Test func paymentsWritesTheWorkbookAndTheDepositSlip() throws {
        let (conninfo, db, _) = try TestDatabase.demo("payments", options: DemoOptions(seed: 6, groups: 1, households: 10, weeks: 3,
                                                                                       start: LocalDate(year: 2026, month: 11, day: 16)))
        let catalog = try #require(try db.query("a contract with checks", """
            SELECT min(s."catalogId") AS c FROM "Operation" o JOIN "Subscription" s ON s.id = o."subscriptionId"
            WHERE o.type = 2 AND o.data LIKE '%check%'
            """) { try $0.decodeIfPresent("c", as: Int.self) }.first ?? nil)
        let folder = try temporaryFolder()
        let workbook = try cageot(["payments", "--database", conninfo, "--catalog", String(catalog), "-o", folder.appendingPathComponent("p.xlsx").path])
        #expect(workbook.status == 0, "\(workbook.stderr)")
        let slip = try cageot(["payments", "--database", conninfo, "--catalog", String(catalog), "--slip",
                               "-o", folder.appendingPathComponent("slip.pdf").path])
        #expect(slip.status == 0, "\(slip.stderr)")
        #expect(try run("pdftotext", [folder.appendingPathComponent("slip.pdf").path, "-"]).contains("Bordereau de remise de chèques"))
        let wrong = try cageot(["payments", "--database", conninfo, "--catalog", "1", "--slip", "-o", folder.appendingPathComponent("x.xlsx").path])
        #expect(wrong.status != 0 && wrong.stderr.contains("ending in .pdf"))
    }

    @Test func sheetsWritesEverySessionUnderTheOutputFolder() throws {
        let (conninfo, _) = try Fixture.load()
        let output = try temporaryFolder()
        let result = try cageot(["sheets", "--database", conninfo, "--output-dir", output.path, "--now", "2026-12-01T08:00"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = ["amap-de-la-chenaie/2026-12-03/emargement-2026-12-03-amap-de-la-chenaie-session-10.pdf",
                        "amap-de-la-chenaie/2026-12-10/emargement-2026-12-10-amap-de-la-chenaie-session-11.pdf"]
        for path in expected {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        #expect(result.stdout.contains("2 feuille(s)"))
    }
}

import CageotCore
import CageotDemoData
import CageotStore
