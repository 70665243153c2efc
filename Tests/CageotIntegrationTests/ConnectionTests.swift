import CageotCore
import CageotStore
import Foundation
import Logging
import Testing

@Suite(.enabled(if: TestDatabase.isAvailable))
struct ConnectionTests {
    @Test func decodesEveryTypeAndNull() throws {
        let db = try TestDatabase.connect("types")
        let rows = try db.query("types", """
            SELECT 42::integer AS i, 9000000000::bigint AS big, NULL::integer AS n, 'Élodie Kervœn'::text AS t, true AS b,
                   2.675::float8 AS d, 1e-5::float8 AS tiny, '2026-12-03 18:30:05'::timestamp AS ts, '2026-12-03'::date AS dt,
                   '\\x89504e47'::bytea AS bytes
            """) { row in
            (try row.decode("i", as: Int.self), try row.decode("big", as: Int64.self), try row.decodeIfPresent("n", as: Int.self),
             try row.decode("t", as: String.self), try row.decode("b", as: Bool.self), try row.decode("d", as: Decimal.self),
             try row.decode("tiny", as: Decimal.self), try row.decode("ts", as: LocalDateTime.self),
             try row.decode("dt", as: LocalDate.self), try row.decode("bytes", as: ByteA.self))
        }
        let r = try #require(rows.first)
        #expect(r.0 == 42 && r.1 == 9_000_000_000 && r.2 == nil && r.3 == "Élodie Kervœn" && r.4)
        #expect(r.5 == Decimal(string: "2.675")!)   // exact: never through Double
        #expect(r.6 == Decimal(string: "0.00001")!)
        #expect(r.7.description == "2026-12-03 18:30:05" && r.8.description == "2026-12-03")
        #expect(r.9.bytes == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func decimalsParseAsFoundationParsesThem() throws {
        // PostgreSQL's own text of numeric and float8 values (prices, quantities, balances), and
        // odd forms: each parses to the same decimal, byte for byte, as `Decimal(string:)` gives
        // (the fast path must not change a description or a fingerprint).
        let db = try TestDatabase.connect("decimals")
        let texts = try db.query("decimal texts", """
            SELECT v::text AS t FROM (
                SELECT round((random() * 2000 - 1000)::numeric, (i % 7)) AS v FROM generate_series(1, 3000) AS i
                UNION ALL SELECT (random() * 100)::float8::numeric FROM generate_series(1, 500)
                UNION ALL SELECT round((random() * 1e17)::numeric) FROM generate_series(1, 200)
                UNION ALL SELECT x::numeric FROM unnest(ARRAY['0', '0.00', '-0.00', '12.50', '-189.84', '0.45', '100', '1000.000',
                    '0.001', '999999999999999999', '1234567890123456789', '-0.000001']) AS x
            ) AS s
            UNION ALL SELECT x::float8::text FROM unnest(ARRAY['1e-05', '2.675', '1e+20', '-3.5e-7', '123456.789']) AS x
            """) { try $0.decode("t", as: String.self) }
        #expect(texts.count == 3717)
        for text in texts + ["+3", ".5", "5.", "007.10", "-0", "1e3"] {
            let expected = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(text)")
            let parsed = try #require(Decimal(sqlText: text), "\(text)")
            #expect(withUnsafeBytes(of: parsed) { Array($0) } == withUnsafeBytes(of: expected) { Array($0) }, "\(text)")
            #expect(parsed.description == expected.description, "\(text)")
        }
        for refused in ["NaN", "Infinity", "-Infinity", ""] {
            #expect(Decimal(sqlText: refused) == nil, "\(refused)")
        }
    }

    @Test func nullWhereAValueIsNeededNamesTheColumn() throws {
        let db = try TestDatabase.connect("null")
        #expect(throws: DatabaseError.decoding(query: "null test", table: nil, column: "x", expected: "an integer", value: nil)) {
            try db.query("null test", "SELECT NULL::integer AS x") { try $0.decode("x", as: Int.self) }
        }
    }

    @Test func aRowThatDoesNotDecodeNamesTableColumnAndValue() throws {
        let db = try TestDatabase.connect("decode")
        try db.executeScript("fixture", """
            INSERT INTO "Group" (id, name, cdate) VALUES (1, 'G', now());
            INSERT INTO "Vendor" (id, name, cdate) VALUES (1, 'V', now());
            INSERT INTO "Catalog" (id, name, "groupId", "vendorId", "startDate", "endDate") VALUES (1, 'C', 1, 1, now(), now());
            INSERT INTO "Product" (id, "catalogId", name, price) VALUES (7, 1, 'Œufs', 'NaN');
            """)
        do {
            _ = try db.query("product prices", #"SELECT id, price FROM "Product""#) { try $0.decode("price", as: Decimal.self) }
            Issue.record("NaN decoded as a price")
        } catch let error as DatabaseError {
            #expect(error == .decoding(query: "product prices", table: "Product", column: "price", expected: "a finite decimal number", value: "NaN"))
            #expect(error.description.contains("\"Product\".\"price\" holds 'NaN'"))
        }
    }

    @Test(arguments: [
        ("SELECT * FROM nope", "42P01"),
        ("SELEC 1", "42601"),
        ("SELECT 1/0", "22012"),
    ])
    func serverErrorsCarryTheirSqlstate(sql: String, sqlstate: String) throws {
        let db = try TestDatabase.connect("errors")
        do {
            try db.execute("bad query", sql)
            Issue.record("no error for \(sql)")
        } catch let error as DatabaseError {
            #expect(error.sqlstate == sqlstate)
            #expect(error.description.contains("bad query") && error.description.contains(sqlstate))
        }
        // The connection is still usable after an error.
        #expect(try db.query("after", "SELECT 1 AS one") { try $0.decode("one", as: Int.self) } == [1])
    }

    @Test func parametersAreNeverSpliced() throws {
        let db = try TestDatabase.connect("params")
        let hostile = "'; DROP TABLE \"User\"; -- Élodie\t\\n"
        let back = try db.query("echo", "SELECT $1::text AS v, $2::integer AS n, $3::date AS d", [hostile, nil, LocalDate(year: 2026, month: 12, day: 5)]) {
            (try $0.decode("v", as: String.self), try $0.decodeIfPresent("n", as: Int.self), try $0.decode("d", as: LocalDate.self))
        }
        #expect(back.first?.0 == hostile && back.first?.1 == nil && back.first?.2 == LocalDate(year: 2026, month: 12, day: 5))
        #expect(try db.query("user table", #"SELECT count(*) AS n FROM "User""#) { try $0.decode("n", as: Int.self) } == [0])
    }

    @Test func streamsLargeResultsRowByRow() throws {
        let db = try TestDatabase.connect("stream")
        var count = 0
        var sum = 0
        try db.forEach("series", "SELECT g AS n FROM generate_series(1, $1::integer) g", [200_000]) { row in
            count += 1
            sum += try row.decode("n", as: Int.self)
        }
        #expect(count == 200_000 && sum == 200_000 * 200_001 / 2)
    }

    @Test func aStreamStoppedByItsReaderLeavesTheConnectionUsable() throws {
        struct Enough: Error {}
        let db = try TestDatabase.connect("stop")
        var seen = 0
        #expect(throws: Enough.self) {
            try db.forEach("series", "SELECT g AS n FROM generate_series(1, 1000000) g") { _ in
                seen += 1
                if seen == 10 { throw Enough() }
            }
        }
        #expect(seen == 10)
        #expect(try db.query("after", "SELECT 2 AS two") { try $0.decode("two", as: Int.self) } == [2])
    }

    @Test func streamingErrorsCarryTheSqlstate() throws {
        let db = try TestDatabase.connect("streamerr")
        #expect(throws: DatabaseError.self) {
            try db.forEach("failing stream", "SELECT 1 / (g - 5) AS x FROM generate_series(1, 10) g") { _ in }
        }
    }

    @Test func copyLoadsRowsWithAwkwardText() throws {
        let db = try TestDatabase.connect("copy")
        let names = ["tab\there", "line\nbreak", "back\\slash", "Kervœn — «guillemets»", "\\N is not null"]
        let count = try db.copy(into: "File", columns: ["id", "name", "data", "cdate"]) { writer in
            for (i, name) in names.enumerated() {
                try writer.append([i + 1, name, i == 0 ? nil : ByteA([0, 1, 2, 255]), LocalDateTime(iso: "2026-01-01 00:00")!])
            }
        }
        #expect(count == names.count)
        let back = try db.query("files", #"SELECT name, data FROM "File" ORDER BY id"#) {
            (try $0.decode("name", as: String.self), try $0.decodeIfPresent("data", as: ByteA.self))
        }
        #expect(back.map(\.0) == names)
        #expect(back[0].1 == nil && back[1].1 == ByteA([0, 1, 2, 255]))
    }

    @Test func aFailedCopyLoadsNothing() throws {
        let db = try TestDatabase.connect("copyfail")
        #expect(throws: DatabaseError.self) {
            try db.copy(into: "File", columns: ["id", "name", "cdate"]) { writer in
                try writer.append([1, "ok", LocalDateTime(iso: "2026-01-01 00:00")!])
                try writer.append([1, "duplicate id", LocalDateTime(iso: "2026-01-01 00:00")!])
            }
        }
        #expect(try db.query("files", #"SELECT count(*) AS n FROM "File""#) { try $0.decode("n", as: Int.self) } == [0])
    }

    @Test func noticesGoToTheLogger() throws {
        let logs = CapturedLogs()
        let db = try Connection(try TestDatabase.fresh("notice"), logger: logs.logger())
        try db.executeScript("notice", "DO $$ BEGIN RAISE NOTICE 'bonjour Élodie'; END $$")
        #expect(logs.messages.contains { $0.hasPrefix("notice:") && $0.contains("bonjour Élodie") })
    }

    @Test func anUnreachableServerSaysWhatToCheck() {
        do {
            _ = try Connection("host=/nonexistent-cageot-socket dbname=camap user=nobody connect_timeout=2", logger: TestDatabase.logger)
            Issue.record("connected to nothing")
        } catch let error as DatabaseError {
            guard case .connection(let target, let message) = error else { Issue.record("\(error)"); return }
            #expect(target.contains("nobody@") && target.contains("/camap"))
            #expect(message.contains("/nonexistent-cageot-socket"))
            #expect(error.description.contains("DATABASE_URL"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// A connection the server ends (here pg_terminate_backend, as a shutdown does: 57P01) is
    /// lost, not a failed statement: the caller stops and reconnects instead of trying the next one.
    @Test func aConnectionTheServerEndsIsLost() throws {
        let conninfo = try TestDatabase.fresh("terminated")
        let victim = try Connection(conninfo, logger: TestDatabase.logger)
        let admin = try Connection(conninfo, logger: TestDatabase.logger)
        let pid = try victim.query("pid", "SELECT pg_backend_pid() AS pid") { try $0.decode("pid", as: Int.self) }[0]
        _ = try admin.query("terminate", "SELECT pg_terminate_backend($1) AS ok", [pid]) { try $0.decode("ok", as: Bool.self) }
        do {
            _ = try victim.query("after", "SELECT 1 AS one") { try $0.decode("one", as: Int.self) }
            Issue.record("a terminated connection answered")
        } catch let error as DatabaseError {
            #expect(error.isConnectionLost, "\(error)")
            #expect(error.description.contains("retry"), "\(error)")
        }
        // Statements that fail on a live connection are not losses.
        #expect(!DatabaseError.server(query: "q", sqlstate: "42P01", message: "no table", detail: nil, hint: nil).isConnectionLost)
        #expect(DatabaseError.server(query: "q", sqlstate: "57P03", message: "starting up", detail: nil, hint: nil).isConnectionLost)
        #expect(DatabaseError.server(query: "q", sqlstate: "08006", message: "failure", detail: nil, hint: nil).isConnectionLost)
    }

    /// The role of db/cageot-role.sql, which every cageot process of the tests runs under: it reads
    /// CAMAP's tables, cannot change them nor add tables beside them, and owns the schema cageot.
    @Test func theReadOnlyRoleReadsCamapAndWritesOnlyItsOwnSchema() throws {
        let role = try #require(TestDatabase.readerRole, "scripts/test sets CAGEOT_TEST_READER_ROLE")
        let conninfo = try TestDatabase.fresh("role")
        let reader = try Connection(TestDatabase.asReader(conninfo), logger: TestDatabase.logger)
        #expect(try reader.query("who", "SELECT current_user AS u, rolsuper FROM pg_roles WHERE rolname = current_user") {
            "\(try $0.decode("u", as: String.self)) \(try $0.decode("rolsuper", as: Bool.self))"
        } == ["\(role) false"])
        #expect(try reader.query("read", #"SELECT count(*) AS n FROM "Group""#) { try $0.decode("n", as: Int.self) } == [0])
        for write in [#"DELETE FROM "Group""#, #"UPDATE "User" SET "firstName" = 'x'"#, #"TRUNCATE "UserOrder""#,
                      "CREATE TABLE public.cageot_was_here (a int)", #"ALTER TABLE "Basket" ADD COLUMN x int"#] {
            do {
                try reader.executeScript("write", write)
                Issue.record("the read-only role could run: \(write)")
            } catch let error as DatabaseError {
                #expect(error.sqlstate == "42501", "\(write): \(error)")
                if error.sqlstate == "42501" { #expect(error.description.contains("db/cageot-role.sql")) }
            }
        }
        // Its own schema: migrations, the ledger, tokens.
        try Migrations.migrate(reader)
        try reader.executeScript("own table", "CREATE TABLE cageot.scratch (a int); INSERT INTO cageot.scratch VALUES (1); DROP TABLE cageot.scratch")
        #expect(try reader.query("tables", "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'cageot' AND tableowner <> $1", [role]) {
            try $0.decode("n", as: Int.self)
        } == [0])
    }

    @Test func targetFollowsPsqlOrder() {
        #expect(ConnectionTarget.resolve(option: "dbname=a", environment: ["DATABASE_URL": "postgresql:///b"]) == "dbname=a")
        #expect(ConnectionTarget.resolve(option: nil, environment: ["DATABASE_URL": "postgresql:///b"]) == "postgresql:///b")
        #expect(ConnectionTarget.resolve(option: nil, environment: ["PGDATABASE": "c"]) == "")
    }

    @Test func libpqDefaultsAreUsedWithoutATarget() throws {
        // With an empty target libpq reads PGHOST/PGDATABASE/PGUSER, as psql does.
        let conninfo = try TestDatabase.fresh("defaults")
        let fields = Dictionary(uniqueKeysWithValues: conninfo.split(separator: " ").map {
            let kv = $0.split(separator: "=", maxSplits: 1); return (String(kv[0]), String(kv[1]))
        })
        setenv("PGHOST", fields["host"]!, 1); setenv("PGDATABASE", fields["dbname"]!, 1); setenv("PGUSER", fields["user"]!, 1)
        defer { unsetenv("PGHOST"); unsetenv("PGDATABASE"); unsetenv("PGUSER") }
        let db = try Connection("", logger: TestDatabase.logger)
        #expect(try db.query("db", "SELECT current_database() AS d") { try $0.decode("d", as: String.self) } == [fields["dbname"]!])
    }

    @Test func migrationsAreIdempotentAndStayInTheirSchema() throws {
        let db = try TestDatabase.connect("migrate")
        #expect(try Migrations.migrate(db) == [1, 2, 3])
        #expect(try Migrations.migrate(db) == [])
        let tables = try db.query("cageot tables", "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public') ORDER BY 1") {
            try $0.decode("t", as: String.self)
        }
        #expect(tables == ["cageot.documents", "cageot.mails", "cageot.schema_migrations", "cageot.tokens"])
    }
}
