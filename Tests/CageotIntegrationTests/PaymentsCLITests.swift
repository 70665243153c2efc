import CageotStore
import Foundation
import Testing

/// `cageot payments` as a user runs it: the farmer's season, CSV, every running contract, and options
/// refused before connecting.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct PaymentsCLITests {
    let cli = CLITests()

    @Test(arguments: [
        (["--catalog", "1", "--vendor", "1", "--season", "2026"], "not both"),
        (["--vendor", "1"], "needs --season"),
        (["--catalog", "1", "--season", "2026"], "--season goes with --vendor"),
        (["--vendor", "1", "--season", "2026", "--slip"], "--slip is for one contract"),
        (["--vendor", "1", "--season", "26"], "not a year"),
        (["--catalog", "1", "--format", "csv", "-o", "x.xlsx"], "-o is a folder"),
        (["--catalog", "1", "--format", "ods"], "write xlsx or csv"),
        (["--vendor", "1", "--season", "2026", "-o", "x.csv"], "ending in .xlsx"),
        (["--running", "2026-11-29", "--catalog", "1"], "not several"),
        (["--running", "29/11/2026"], "not a date"),
        (["--running", "2026-11-29", "-o", "x.xlsx"], "-o is a folder"),
        (["--running", "2026-11-29", "--format", "csv"], "leave out --slip and --format"),
    ])
    func badOptionsAreRefusedBeforeConnecting(arguments: [String], message: String) throws {
        let result = try cli.cageot(["payments"] + arguments, environment: ["DATABASE_URL": "postgresql://nobody@/camap?host=/nonexistent-cageot"])
        #expect(result.status != 0 && result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("cannot connect"))
    }

    @Test func seasonWorkbookAndCsvFromTheCommandLine() throws {
        let conninfo = try fixtures("payments_cli")
        let folder = try temporaryFolder()
        let base = ["payments", "--database", conninfo, "--vendor", "1", "--season", "2026", "--now", "2026-11-29T08:00"]
        for name in ["a.xlsx", "b.xlsx"] {
            let result = try cli.cageot(base + ["-o", folder.appendingPathComponent(name).path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: folder.appendingPathComponent("a.xlsx"))
        #expect(try a == Data(contentsOf: folder.appendingPathComponent("b.xlsx")))
        let csv = try cli.cageot(base + ["--format", "csv", "-o", folder.appendingPathComponent("csv").path])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == 4, "\(csv.stderr)")
        let contract = try cli.cageot(["payments", "--database", conninfo, "--catalog", "3", "--format", "csv",
                                       "-o", folder.appendingPathComponent("csv3").path])
        #expect(contract.status == 0, "\(contract.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csv3").path).sorted()
            == ["contrats", "paiements", "remise-cheques"].map { "paiements-legumes-du-bourg-2026-\($0).csv" })
        let unknown = try cli.cageot(["payments", "--database", conninfo, "--vendor", "999", "--season", "2026",
                                      "-o", folder.appendingPathComponent("never.xlsx").path])
        #expect(unknown.status != 0 && unknown.stderr.contains("no farmer (Vendor) with id 999"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("never.xlsx").path))
    }

    @Test func everyRunningContractIntoAFolder() throws {
        let conninfo = try fixtures("payments_cli_running")
        let folder = try temporaryFolder()
        // On 2026-11-29, contracts 1, 2 and 3 run; 4 ended in June.
        let result = try cli.cageot(["payments", "--database", conninfo, "--running", "2026-11-29", "--no-ledger",
                                     "--now", "2026-11-29T08:00", "-o", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 classeur(s) de paiements, 0 échec(s)."), "\(result.stdout)")
        let written = result.stdout.split(separator: "\n").dropLast().map(String.init)
        #expect(written.count == 3 && written.allSatisfy { $0.hasPrefix(folder.path) && $0.hasSuffix(".xlsx") }, "\(written)")
        #expect(written.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let none = try cli.cageot(["payments", "--database", conninfo, "--running", "2024-01-01", "--no-ledger", "-o", folder.path])
        #expect(none.status == 0 && none.stdout.contains("0 classeur(s) de paiements"), "\(none.stderr)")
    }

    /// A fresh database named `name` with the payments and vendor payments fixtures; its conninfo.
    func fixtures(_ name: String) throws -> String {
        let conninfo = try TestDatabase.fresh(name)
        let db = try Connection(conninfo, logger: TestDatabase.logger)
        for sql in [PaymentsFixture.sql, VendorPaymentsFixture.sql] {
            try db.executeScript(sql.lastPathComponent, try String(contentsOf: sql, encoding: .utf8))
        }
        return conninfo
    }
}
