import Foundation
import Logging

/// Everything a use case needs from the outside world, built once by the CLI from flags and
/// environment variables; tests pass a fixed one. Nothing else reads the clock or the system fonts.
public struct CageotEnvironment: Sendable {
    /// The current time, as a Europe/Paris wall-clock time (from `--now` or `SOURCE_DATE_EPOCH`).
    public var now: LocalDateTime
    /// The same instant as seconds since 1970 in UTC, written into document metadata.
    public var epochSeconds: Int
    public var fontsDirectory: URL
    public var layoutsDirectory: URL
    public var outputDirectory: URL
    public var logger: Logger

    public init(now: LocalDateTime, epochSeconds: Int, fontsDirectory: URL, layoutsDirectory: URL,
                outputDirectory: URL, logger: Logger) {
        self.now = now
        self.epochSeconds = epochSeconds
        self.fontsDirectory = fontsDirectory
        self.layoutsDirectory = layoutsDirectory
        self.outputDirectory = outputDirectory
        self.logger = logger
    }
}
