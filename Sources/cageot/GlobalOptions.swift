import ArgumentParser
import CageotApp
import CageotCore
import CageotStore
import Foundation
import Logging

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "A postgresql:// URL or a libpq conninfo string (default: DATABASE_URL, then libpq's defaults).")
    var database: String?

    @Option(name: .long, help: "The current time, ISO 8601 (2026-12-03T18:00:00+01:00, or a Europe/Paris wall-clock time 2026-12-03T18:00). Default: SOURCE_DATE_EPOCH, else the clock.")
    var now: String?

    @Option(name: .long, help: "The folder of the bundled fonts (default: CAGEOT_FONTS, else the repository's Fonts/).")
    var fonts: String?

    @Option(name: .long, help: "The output folder (default: CAGEOT_OUTPUT, else ./output).")
    var outputDir: String?

    @Flag(name: .long, help: "Do not record generated documents in Cageot's ledger (schema \"cageot\"): nothing at all is written to the database.")
    var noLedger = false

    @Flag(name: .shortAndLong, help: "Log queries and details on stderr.")
    var verbose = false

    func validate() throws {
        if let now, Clock.parse(now) == nil {
            throw ValidationError("--now \(now) is not an ISO 8601 time; write it like 2026-12-03T18:00:00+01:00 or 2026-12-03T18:00.")
        }
    }

    func logger() -> Logger {
        var logger = Logger(label: "cageot") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }

    func environment() throws -> CageotEnvironment {
        let env = ProcessInfo.processInfo.environment
        let instant = try Clock.now(option: now, sourceDateEpoch: env["SOURCE_DATE_EPOCH"])
        return CageotEnvironment(
            now: instant.local, epochSeconds: instant.epochSeconds,
            fontsDirectory: URL(fileURLWithPath: fonts ?? env["CAGEOT_FONTS"] ?? Resources.locate("Fonts")),
            layoutsDirectory: URL(fileURLWithPath: env["CAGEOT_LAYOUTS"] ?? Resources.locate("layouts")),
            outputDirectory: URL(fileURLWithPath: outputDir ?? env["CAGEOT_OUTPUT"] ?? "output"),
            logger: logger())
    }

    func connect() throws -> Connection {
        let target = ConnectionTarget.resolve(option: database, environment: ProcessInfo.processInfo.environment)
        return try Connection(target, logger: logger())
    }
}
