import CageotDemoData
import CageotStore
import Foundation
import Logging
import Testing

/// The throwaway PostgreSQL that `make test` starts (scripts/test): `CAGEOT_TEST_DATABASE` is a
/// conninfo for its `postgres` database, and `cageot_replica` is a template holding the CAMAP
/// replica. Each test gets a fresh database cloned from the template.
enum TestDatabase {
    static let adminConninfo = ProcessInfo.processInfo.environment["CAGEOT_TEST_DATABASE"]

    /// True when a test server is configured, and always under CI, so that a missing server
    /// fails the integration tests there instead of skipping them.
    static let isAvailable = adminConninfo != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    static let logger = Logger(label: "cageot.tests")

    /// A second server (`CAGEOT_QUIET_TEST_DATABASE`, started by scripts/test with autovacuum off)
    /// that no other test writes to: for the tests that watch whether anything at all was written.
    static let quietAdminConninfo = ProcessInfo.processInfo.environment["CAGEOT_QUIET_TEST_DATABASE"]

    /// Creates an empty database holding the CAMAP replica and returns its conninfo; on the quiet
    /// server with `quiet`.
    static func fresh(_ label: String = "t", quiet: Bool = false) throws -> String {
        guard let admin = quiet ? quietAdminConninfo : adminConninfo else {
            throw TestDatabaseMissing(variable: quiet ? "CAGEOT_QUIET_TEST_DATABASE" : "CAGEOT_TEST_DATABASE")
        }
        let name = "\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        let connection = try Connection(admin, logger: logger)
        try connection.executeScript("create test database", "CREATE DATABASE \(connection.quoteIdentifier(name)) TEMPLATE cageot_replica")
        return admin.replacingOccurrences(of: "dbname=postgres", with: "dbname=\(name)")
    }

    /// The role that db/cageot-role.sql gave SELECT on CAMAP's tables and the schema `cageot`
    /// (`CAGEOT_TEST_READER_ROLE`, set by scripts/test).
    static let readerRole = ProcessInfo.processInfo.environment["CAGEOT_TEST_READER_ROLE"]

    /// `conninfo` for the read-only role instead of postgres: what every cageot process the tests
    /// start connects with (`execute`, `ServeProcess`), so a write to CAMAP's tables fails a test.
    static func asReader(_ conninfo: String) -> String {
        guard let readerRole else { return conninfo }
        return conninfo.replacingOccurrences(of: "user=postgres", with: "user=\(readerRole)")
    }

    /// A fresh replica database, connected.
    static func connect(_ label: String = "t") throws -> Connection {
        try Connection(try fresh(label), logger: logger)
    }

    /// A fresh replica database (on the quiet server with `quiet`) holding a demo federation made
    /// with `options`: its conninfo (for the cageot processes a test starts), a connection, and
    /// the summary of what was generated.
    static func demo(_ label: String = "t", quiet: Bool = false, options: DemoOptions) throws
        -> (conninfo: String, db: Connection, summary: DemoSummary) {
        let conninfo = try fresh(label, quiet: quiet)
        let db = try Connection(conninfo, logger: logger)
        let summary = try DemoFederation.generate(into: db, options: options, logger: logger)
        return (conninfo, db, summary)
    }
}

struct TestDatabaseMissing: Error, CustomStringConvertible {
    var variable = "CAGEOT_TEST_DATABASE"
    var description: String {
        "\(variable) is not set: run the integration tests with `make test`, which starts PostgreSQL."
    }
}
