import CageotApp
import CageotCore
import CageotStore
import Foundation
import Logging

/// The hand-checked session of Fixtures/session-fixture.sql, loaded into a fresh replica.
enum Fixture {
    static let sql = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/session-fixture.sql")

    static func load() throws -> (conninfo: String, connection: Connection) {
        let conninfo = try TestDatabase.fresh("sheet")
        let connection = try Connection(conninfo, logger: TestDatabase.logger)
        try connection.executeScript("session fixture", try String(contentsOf: sql, encoding: .utf8))
        return (conninfo, connection)
    }

    /// A fixed environment: the clock, fonts and output folder are injected, never read.
    static func environment(output: URL, epochSeconds: Int = 1_795_942_800) -> CageotEnvironment {
        CageotEnvironment(now: LocalDateTime(secondsSinceEpoch: epochSeconds + 3600), epochSeconds: epochSeconds,
                          fontsDirectory: repositoryRoot.appendingPathComponent("Fonts"),
                          layoutsDirectory: repositoryRoot.appendingPathComponent("layouts"),
                          outputDirectory: output, logger: TestDatabase.logger)
    }
}
