import CageotCore
import Foundation

/// The current instant, as the CLI is told it: `--now`, else SOURCE_DATE_EPOCH, else the clock.
enum Clock {
    struct Instant { var epochSeconds: Int; var local: LocalDateTime }

    static func now(option: String?, sourceDateEpoch: String?) throws -> Instant {
        if let option {
            guard let instant = parse(option) else { throw CLIError("--now \(option) is not an ISO 8601 time") }
            return instant
        }
        if let sourceDateEpoch {
            guard let seconds = Int(sourceDateEpoch) else {
                throw CLIError("SOURCE_DATE_EPOCH=\(sourceDateEpoch) is not a number of seconds since 1970")
            }
            return instant(epochSeconds: seconds)
        }
        return instant(epochSeconds: Int(Date().timeIntervalSince1970))
    }

    static func instant(epochSeconds: Int) -> Instant {
        Instant(epochSeconds: epochSeconds, local: LocalDateTime(parisAtEpochSeconds: epochSeconds))
    }

    /// `2026-12-03T18:00:00+01:00`, `…Z`, or a Paris wall-clock time `2026-12-03T18:00[:00]` / `2026-12-03`.
    static func parse(_ text: String) -> Instant? {
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return instant(epochSeconds: Int(date.timeIntervalSince1970)) }
        guard let local = LocalDateTime(iso: text.replacingOccurrences(of: "T", with: " ")) else { return nil }
        // A wall-clock time in Paris: find its UTC instant (the offset is 1 or 2 hours).
        let guess = local.secondsSinceEpoch - 3600
        let offset = LocalDateTime.parisOffset(atEpochSeconds: guess)
        return Instant(epochSeconds: local.secondsSinceEpoch - offset, local: local)
    }
}

/// A command-line error: its message is the whole story, printed as `error: …`.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
