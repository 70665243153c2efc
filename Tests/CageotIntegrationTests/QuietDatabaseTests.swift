import CageotStore
import Foundation
import Testing

/// The tests that watch whether anything at all was written to the database, on a PostgreSQL
/// server of their own (`CAGEOT_QUIET_TEST_DATABASE`, started by scripts/test with autovacuum and
/// timed checkpoints off), one after the other: a write by any other test would rightly make
/// Cageot read everything again.
@Suite(.enabled(if: TestDatabase.isAvailable), .serialized)
struct QuietDatabaseTests {
    @Test func aRunOnAnUnchangedDatabaseTrustsTheLedgerAndAnyWriteMakesItCheckAgain() throws {
        let (conninfo, db) = try RunFixture.load(quiet: true)
        let output = try temporaryFolder()
        let config = try temporaryFolder().appendingPathComponent("cageot.toml")
        try Data("[sheets]\nhorizon_hours = 48\n".utf8).write(to: config)
        func run() throws -> Outcome {
            let outcome = try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output, extra: ["--config", config.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return outcome
        }
        let quietMark = "Base inchangée pendant le run"
        let trusted = "Base inchangée depuis le dernier contrôle complet"
        let first = try run()
        #expect(!first.stdout.contains(quietMark) && !first.stdout.contains(trusted))
        // Everything up to date and nothing written: the position is recorded…
        let second = try run()
        #expect(second.stdout.contains("0 document(s) généré(s)") && second.stdout.contains(quietMark), "\(second.stdout)")
        // …and the next run takes the ledger at its word.
        let third = try run()
        #expect(third.stdout.contains("0 document(s) généré(s)") && third.stdout.contains(trusted), "\(third.stdout)")
        // A file gone from the folder is written again even then.
        let sheet = try #require(try db.query("a sheet", "SELECT path FROM cageot.documents WHERE kind = 'session-sheet' ORDER BY id LIMIT 1") {
            try $0.decode("path", as: String.self)
        }.first)
        try FileManager.default.removeItem(atPath: sheet)
        let fourth = try run()
        #expect(fourth.stdout.contains("généré : \(sheet)"), "\(fourth.stdout)")
        _ = try run()
        #expect(try run().stdout.contains(trusted))
        // One order changes: the database moved, every document is read again and the sheet regenerated.
        let change = """
            UPDATE "UserOrder" SET quantity = quantity + 1 WHERE id = (
                SELECT min(o.id) FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "MultiDistrib" md ON md.id = b."multiDistribId"
                WHERE md."distribStartDate" >= '2026-12-07 08:00' AND md."distribStartDate" < '2026-12-09 08:00' AND b.status <> 'OPEN' AND o.quantity > 0)
            """
        try db.execute("change", change)
        let changed = try run()
        #expect(!changed.stdout.contains(trusted) && changed.stdout.contains("généré : ") && changed.stdout.contains("emargement-"), "\(changed.stdout)")
        // A change still uncommitted while a run reads: invisible to that run, which (rightly)
        // finds everything up to date; once committed, the snapshot moved, and the next run reads
        // everything again and regenerates the sheet.
        _ = try run()
        #expect(try run().stdout.contains(trusted))
        try db.executeScript("open write", "BEGIN; \(change)")
        let during = try run()
        #expect(during.stdout.contains("0 document(s) généré(s)"), "\(during.stdout)")
        try db.executeScript("commit", "COMMIT")
        let committed = try run()
        #expect(!committed.stdout.contains(trusted) && committed.stdout.contains("emargement-"), "\(committed.stdout)")
        // The configuration changes: checked again, whatever the database.
        _ = try run()
        #expect(try run().stdout.contains(trusted))
        try Data("[sheets]\nhorizon_hours = 47\n".utf8).write(to: config)
        let reconfigured = try run()
        #expect(!reconfigured.stdout.contains(trusted), "\(reconfigured.stdout)")
        // --recheck reads everything whatever.
        try Data("[sheets]\nhorizon_hours = 48\n".utf8).write(to: config)
        _ = try run()
        _ = try run()
        let forced = try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output, extra: ["--config", config.path, "--recheck"])
        #expect(forced.status == 0 && !forced.stdout.contains(trusted), "\(forced.stdout)")
    }

    /// While nothing is written, a request answered once is answered again without reading its
    /// data; any write and it reads again.
    @Test func whileNothingIsWrittenARequestIsAnsweredWithoutReadingItsDataAgain() throws {
        let world = try ServeTests.makeWorld(name: "serve_memo", quiet: true)
        let server = try ServeProcess(binary: CLITests.binary, database: world.conninfo)
        let url = server.baseURL + "/sessions/\(world.session)/sheet.pdf"
        let first = try HTTPReply.get(url, token: world.tokens["group"])
        let second = try HTTPReply.get(url, token: world.tokens["group"])
        let notModified = try HTTPReply.get(url, token: world.tokens["group"], headers: ["If-None-Match": first.headers["etag"] ?? ""])
        // Another group's token: still 404, whatever was remembered.
        let stranger = try HTTPReply.get(url, token: world.tokens["other-group"])
        #expect(first.status == 200 && second.status == 200 && notModified.status == 304 && stranger.status == 404)
        #expect(second.body == first.body && second.headers["etag"] == first.headers["etag"])
        var metrics = try HTTPReply.get(server.baseURL + "/metrics").text
        #expect(metrics.contains(#"cageot_fingerprints_reused_total{kind="session-sheet"} 3"#), "\(metrics)")
        #expect(metrics.contains(#"cageot_documents_generated_total{kind="session-sheet"} 1"#), "\(metrics)")
        try ServeTests.changeAnOrder(of: world)
        let changed = try HTTPReply.get(url, token: world.tokens["group"])
        #expect(changed.status == 200 && changed.headers["etag"] != first.headers["etag"] && changed.body != first.body)
        metrics = try HTTPReply.get(server.baseURL + "/metrics").text
        #expect(metrics.contains(#"cageot_fingerprints_reused_total{kind="session-sheet"} 3"#), "\(metrics)")
        #expect(metrics.contains(#"cageot_documents_generated_total{kind="session-sheet"} 2"#), "\(metrics)")
    }
}
