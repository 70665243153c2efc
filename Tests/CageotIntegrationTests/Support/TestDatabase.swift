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

    /// Creates an empty database holding the CAMAP replica and returns its conninfo.
    static func fresh(_ label: String = "t") throws -> String {
        guard let admin = adminConninfo else {
            throw TestDatabaseMissing()
        }
        let name = "\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        let connection = try Connection(admin, logger: logger)
        try connection.executeScript("create test database", "CREATE DATABASE \(connection.quoteIdentifier(name)) TEMPLATE cageot_replica")
        return admin.replacingOccurrences(of: "dbname=postgres", with: "dbname=\(name)")
    }

    /// A fresh replica database, connected.
    static func connect(_ label: String = "t") throws -> Connection {
        try Connection(try fresh(label), logger: logger)
    }
}

struct TestDatabaseMissing: Error, CustomStringConvertible {
    var description: String {
        "CAGEOT_TEST_DATABASE is not set: run the integration tests with `make test`, which starts PostgreSQL."
    }
}
