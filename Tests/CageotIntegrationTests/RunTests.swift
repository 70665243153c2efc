import CageotApp
import CageotCore
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// `cageot run` and `cageot prune` against a demo federation: what is due at a given time, a rerun
/// that writes nothing, two runs at once, a failing document, retention.
enum RunFixture {
    /// Two AMAPs, four weeks from Monday 23 November 2026.
    static func load(quiet: Bool = false) throws -> (conninfo: String, db: Connection) {
        let (conninfo, db, _) = try TestDatabase.demo("run", quiet: quiet, options: DemoOptions(seed: 3, groups: 2, households: 8, weeks: 4,
                                                                                                start: LocalDate(year: 2026, month: 11, day: 23)))
        return (conninfo, db)
    }

    static func run(_ conninfo: String, now: String, output: URL, extra: [String] = []) throws -> Outcome {
        try execute(CLITests.binary, ["run", "--database", conninfo, "--now", now, "--output-dir", output.path] + extra,
                    environment: ["CAGEOT_CONFIG": "/dev/null"])
    }

    static func files(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted()
    }

    static func ledger(_ db: Connection) throws -> [(kind: String, scope: String)] {
        try db.query("ledger", "SELECT kind, scope FROM cageot.documents ORDER BY kind, scope") {
            (try $0.decode("kind", as: String.self), try $0.decode("scope", as: String.self))
        }
    }
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct RunTests {
    @Test func dueDocumentsAtAChosenTimeAreWhatSqlSays() throws {
        let (_, db) = try RunFixture.load()
        let folder = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: folder)))
        // Monday 7 December 2026, 8:00: sheets of the sessions of the next 48 hours, the farmers whose
        // distributions of the next two weeks have closed orders, the week's farmers (Monday is the
        // weekly day), every running contract's payments (day ≥ 1), the 2025 report (after 15 January).
        let now = LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 7), hour: 8)
        let due = try jobs.dueDocuments(at: now, config: RunConfig())
        let sessions = try db.query("sessions", """
            SELECT id FROM "MultiDistrib" WHERE "distribStartDate" >= '2026-12-07 08:00' AND "distribStartDate" < '2026-12-09 08:00' ORDER BY id
            """) { try $0.decode("id", as: Int.self) }
        #expect(due.filter { $0.kind == .sessionSheet }.map(\.scope).sorted() == sessions.map { "session:\($0)" }.sorted())
        let vendors = try db.query("vendors", """
            SELECT DISTINCT c."vendorId" AS v FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId"
            JOIN "UserOrder" o ON o."distributionId" = d.id JOIN "Basket" b ON b.id = o."basketId"
            WHERE b.status <> 'OPEN' AND o.quantity <> 0 AND d.date >= '2026-12-07' AND d.date < '2026-12-14' ORDER BY 1
            """) { try $0.decode("v", as: Int.self) }
        let thisWeek = due.filter { $0.kind == .vendorOrders && $0.scope.hasSuffix(":2026-12-07:2026-12-13") }
        #expect(Set(thisWeek.map(\.scope)) == Set(vendors.map { "vendor:\($0):2026-12-07:2026-12-13" }))
        let contracts = try db.query("contracts", """
            SELECT id FROM "Catalog" c WHERE "startDate"::date <= '2026-12-07' AND "endDate"::date >= '2026-12-07'
              AND EXISTS (SELECT 1 FROM "Subscription" s WHERE s."catalogId" = c.id)
            """) { try $0.decode("id", as: Int.self) }
        #expect(Set(due.filter { $0.kind == .payments }.map(\.scope)) == Set(contracts.map { "catalog:\($0):2026-12" }))
        #expect(due.filter { $0.kind == .usageReport }.map(\.scope) == ["federation:2025-01-01:2025-12-31"])
        // Before the report's date and the payments' day, neither is due.
        var later = RunConfig()
        later.paymentsDay = 10
        later.reportMonth = 12
        later.reportDay = 31
        let early = try jobs.dueDocuments(at: now, config: later)
        #expect(!early.contains { $0.kind == .payments || $0.kind == .usageReport })
        #expect(!sessions.isEmpty && !vendors.isEmpty && !contracts.isEmpty)
    }

    /// The database goes away under the first document (its connection ended, as by a shutdown):
    /// that document fails, the others are not tried one by one, nothing is written.
    @Test func aRunStopsOnceTheDatabaseIsGone() throws {
        let (conninfo, db) = try RunFixture.load()
        let output = try temporaryFolder()
        let connection = try Connection(conninfo, logger: TestDatabase.logger)
        let jobs = try SheetJobs(connection: connection, factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        let due = try jobs.dueDocuments(at: LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 7), hour: 8), config: RunConfig())
        #expect(due.count > 3)
        let pid = try connection.query("pid", "SELECT pg_backend_pid() AS pid") { try $0.decode("pid", as: Int.self) }[0]
        _ = try db.query("terminate", "SELECT pg_terminate_backend($1) AS ok", [pid]) { try $0.decode("ok", as: Bool.self) }
        nonisolated(unsafe) let lent = jobs
        let summary = RunBatch.run(due, config: RunConfig(), dryRun: false, workers: 1, makeJobs: { lent })
        #expect(summary.interruption?.contains("la base de données ne répond plus") == true)
        #expect(summary.failed == 1)
        #expect(summary.notAttempted == due.count - 1)
        #expect(summary.line.contains("non tenté(s)"))
        #expect(RunFixture.files(output).isEmpty)
        // Workers that cannot even connect: one loss, the rest not tried.
        let unreachable = RunBatch.run(due, config: RunConfig(), dryRun: false, workers: 2, makeJobs: {
            try SheetJobs(connection: try Connection("host=/nonexistent-cageot-socket dbname=x connect_timeout=2", logger: TestDatabase.logger),
                          factory: try DocumentFactory(environment: Fixture.environment(output: output)))
        })
        #expect(unreachable.failed == 1 && unreachable.notAttempted == due.count - 1)
        #expect(unreachable.interruption?.contains("cannot connect") == true)
    }

    @Test func aRerunWithNothingChangedWritesNothingAndAChangeIsRegenerated() throws {
        let (conninfo, db) = try RunFixture.load()
        let output = try temporaryFolder()
        let first = try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output)
        #expect(first.status == 0, "\(first.stderr)")
        let files = RunFixture.files(output)
        let rows = try RunFixture.ledger(db)
        #expect(!files.isEmpty && first.stdout.contains("\(rows.filter { $0.kind != "usage-workbook" && $0.kind != "usage-csv" }.count) document(s) généré(s)"))
        let second = try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output)
        #expect(second.status == 0 && second.stdout.contains("0 document(s) généré(s)"), "\(second.stdout)")
        #expect(try RunFixture.ledger(db).count == rows.count)
        // One order changes at a session of the horizon: its sheet, its farmer's week and its contract's payments come again.
        let changed = try db.query("a line of the horizon", """
            SELECT o.id FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "MultiDistrib" md ON md.id = b."multiDistribId"
            WHERE md."distribStartDate" >= '2026-12-07 08:00' AND md."distribStartDate" < '2026-12-09 08:00'
              AND b.status <> 'OPEN' AND o.quantity > 0 ORDER BY o.id LIMIT 1
            """) { try $0.decode("id", as: Int.self) }
        try #require(changed.count == 1)
        try db.execute("change", #"UPDATE "UserOrder" SET quantity = quantity + 1 WHERE id = $1"#, [changed[0]])
        let third = try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output)
        #expect(third.status == 0)
        #expect(third.stdout.contains("généré : ") && !third.stdout.contains("0 document(s) généré(s)"), "\(third.stdout)")
        #expect(third.stdout.contains("emargement-"))
    }

    @Test func twoRunsAtOnceGenerateEachDocumentOnce() throws {
        let (conninfo, db) = try RunFixture.load()
        let output = try temporaryFolder()
        let group = DispatchGroup()
        let results = ConcurrentSlots<Outcome>(count: 2)
        for index in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                if let outcome = try? RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output) { results.set(index, outcome) }
                group.leave()
            }
        }
        group.wait()
        #expect(results.all.count == 2 && results.all.allSatisfy { $0.status == 0 }, "\(results.all.map(\.stderr))")
        let rows = try RunFixture.ledger(db)
        let keys = rows.map { "\($0.kind)|\($0.scope)" }
        #expect(!rows.isEmpty && Set(keys).count == keys.count, "a document was generated twice: \(keys)")
        // Every recorded file exists, complete, and nothing else is in the folder.
        let paths = try db.query("paths", "SELECT path, bytes FROM cageot.documents") { (try $0.decode("path", as: String.self), try $0.decode("bytes", as: Int.self)) }
        for (path, bytes) in paths {
            #expect((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == bytes, "\(path)")
        }
        #expect(RunFixture.files(output).count == Set(paths.map(\.0)).count)
    }

    @Test func aFailingDocumentDoesNotStopTheOthers() throws {
        let (conninfo, db) = try RunFixture.load()
        let output = try temporaryFolder()
        // A product of one session of the horizon gets a unit type CAMAP does not have: that sheet fails to read.
        let broken = try db.query("a session of the horizon", """
            SELECT md.id FROM "MultiDistrib" md WHERE md."distribStartDate" >= '2026-12-07 08:00' AND md."distribStartDate" < '2026-12-09 08:00'
              AND EXISTS (SELECT 1 FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id WHERE b."multiDistribId" = md.id AND b.status <> 'OPEN' AND o.quantity <> 0)
            ORDER BY md.id LIMIT 1
            """) { try $0.decode("id", as: Int.self) }
        try #require(broken.count == 1)
        try db.execute("break a product", """
            UPDATE "Product" SET "unitType" = 9 WHERE id = (SELECT o."productId" FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                                                          WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0 LIMIT 1)
            """, [broken[0]])
        let result = try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output)
        #expect(result.status == 1)
        #expect(result.stderr.contains("session \(broken[0])") && result.stderr.contains("unitType"), "\(result.stderr)")
        #expect(!result.stdout.contains(" 0 document(s) généré(s)") && result.stdout.contains("échec(s)"))
        #expect(!(try RunFixture.ledger(db)).contains { $0.scope == "session:\(broken[0])" })
        #expect(!RunFixture.files(output).isEmpty)
    }

    @Test func pruneRemovesOldFilesAndTheirRowsOnlyUnderTheOutputFolder() throws {
        let (conninfo, db) = try RunFixture.load()
        let output = try temporaryFolder()
        #expect(try RunFixture.run(conninfo, now: "2026-12-07T08:00", output: output).status == 0)
        // A document written elsewhere with -o: its row goes, its file stays.
        let elsewhere = try temporaryFolder().appendingPathComponent("mine.xlsx")
        let own = try execute(CLITests.binary, ["payments", "--database", conninfo, "--catalog", "1", "-o", elsewhere.path, "--now", "2026-12-07T08:00"])
        #expect(own.status == 0, "\(own.stderr)")
        let before = RunFixture.files(output)
        let dry = try execute(CLITests.binary, ["prune", "--database", conninfo, "--older-than", "90d", "--now", "2027-04-01T00:00",
                                                "--output-dir", output.path, "--dry-run"])
        #expect(dry.status == 0 && RunFixture.files(output) == before)
        let pruned = try execute(CLITests.binary, ["prune", "--database", conninfo, "--older-than", "90d", "--now", "2027-04-01T00:00",
                                                   "--output-dir", output.path])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(RunFixture.files(output).isEmpty && left.isEmpty, "\(left)")
        #expect(try RunFixture.ledger(db).isEmpty)
        #expect(FileManager.default.fileExists(atPath: elsewhere.path))
        let bad = try execute(CLITests.binary, ["prune", "--database", conninfo, "--older-than", "3 mois"])
        #expect(bad.status != 0 && bad.stderr.contains("like 90d"))
    }
}

/// `cageot.toml`: the shipped example parses, every key is checked, errors name file, line and key.
struct RunConfigTests {
    static func parse(_ text: String) throws -> RunConfig {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-\(UUID().uuidString).toml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try RunConfig.parse(url)
    }

    @Test func theShippedExampleParsesToTheDefaults() throws {
        var config = try RunConfig.parse(repositoryRoot.appendingPathComponent("docs/cageot.example.toml"))
        #expect(config.federationName == "InterAMAP44")
        #expect(config.mail.from == "cageot@interamap44.fr" && config.mail.groupReplyTo == [1: "coordination@amap-reze.fr"])
        #expect(config.mail.federationTo == ["tresorerie@interamap44.fr"] && config.mail.smtpURL == nil)
        config.federationName = RunConfig().federationName
        // The example shows addresses; every other value is the default.
        config.mail.from = MailConfig().from
        config.mail.fromName = MailConfig().fromName
        config.mail.replyTo = nil
        config.mail.groupReplyTo = [:]
        config.mail.federationTo = []
        #expect(config == RunConfig())
    }

    @Test func valuesAreRead() throws {
        let config = try Self.parse("""
            [sheets]
            horizon_hours = 24
            [orders]
            weekly_day = "Jeudi"
            [payments]
            day_of_month = 5
            [report]
            date = "02-01"
            costs = "frais/2026.toml"
            [run]
            kinds = ["session-sheet"]
            """)
        #expect(config.horizonHours == 24 && config.weeklyOrdersWeekday == 3 && config.paymentsDay == 5)
        #expect(config.reportMonth == 2 && config.reportDay == 1 && config.kinds == [.sessionSheet])
        #expect(config.costs?.path.hasSuffix("/frais/2026.toml") == true)
    }

    @Test(arguments: [
        ("[sheets]\nhorizon_hour = 48", 2, "sheets.horizon_hour", "did you mean horizon_hours?"),
        ("[sheet]\nhorizon_hours = 48", 1, "sheet", "did you mean sheets?"),
        ("[payments]\n\nday_of_month = 31", 3, "payments.day_of_month", "between 1 and 28"),
        ("[orders]\nweekly_day = \"funday\"", 2, "orders.weekly_day", "a day of the week"),
        ("[report]\ndate = \"15/01\"", 2, "report.date", "\"MM-DD\""),
        ("[run]\nkinds = [\"sheets\"]", 2, "run.kinds", "session-sheet"),
        ("[sheets\nhorizon_hours = 48", 1, nil, "not valid TOML"),
        // On these toml++ used to abort the whole process (scripts/fuzz): cageot.toml is guarded too.
        ("[sheets]\nhorizon_hours = 2026-01-15 8\n", 2, nil, "not by a lone digit"),
        ("[#sheets]\n", 1, nil, "see docs/cageot.example.toml"),
        ("[mail]\nfrom = \"cageot chez amap\"", 2, "mail.from", "cageot chez amap"),
        ("[mail]\nsmtp = \"http://relais\"", 2, "mail.smtp", "smtp://host:port"),
        ("[mail]\n\ntls = \"starttls\"", 3, "mail.tls", "\"required\""),
        ("[mail]\nfederation_to = [\"a@b.example\", \"x\"]", 2, "mail.federation_to", "exactly one @"),
        ("[mail]\ngroup_reply_to = { reze = \"a@b.example\" }", 2, "mail.group_reply_to", "group id"),
        ("[mail]\nsheets_hours_before = 72", 2, "mail.sheets_hours_before", "beyond sheets.horizon_hours"),
        ("[mail]\nmax_attempt = 3", 2, "mail.max_attempt", "did you mean max_attempts?"),
        ("[mail]\nno_mail_vendors = [\"Kervœn\"]", 2, "mail.no_mail_vendors", "a list of ids"),
    ] as [(String, Int, String?, String)])
    func badValuesNameTheLineAndKey(text: String, line: Int, key: String?, message: String) throws {
        let error = try #require(throws: RunConfigError.self) { try Self.parse(text) }
        #expect(error.line == line && error.key == key, "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }
}
