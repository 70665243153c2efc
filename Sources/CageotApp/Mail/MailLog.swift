import CageotCore
import Foundation

/// `cageot mail log`: the mail ledger as lines a person reads.
public enum MailLog {
    /// `2026-12-07 08:15` (Paris).
    public static func time(_ epochSeconds: Int) -> String {
        let local = LocalDateTime(parisAtEpochSeconds: epochSeconds)
        return "\(local.date) \(FrenchFormat.time(local))"
    }

    static let statusNames: [MailRecord.Status: String] = [
        .pending: "en attente", .sent: "envoyé", .abandoned: "abandonné", .superseded: "remplacé",
    ]

    /// `2026-12-07 08:00  envoyé      ferme@example.org  Commandes semaine 50 — Ferme…  (1 essai)`,
    /// then, for a send not delivered, the reason and the next attempt.
    public static func lines(_ records: [MailRecord]) -> [String] {
        records.flatMap { record -> [String] in
            let when = time(record.sentAt ?? record.createdAt)
            let status = statusNames[record.status, default: record.status.rawValue]
            var lines = ["\(when)  \(status.padding(toLength: 10, withPad: " ", startingAt: 0))  \(record.recipient)  "
                + "\(record.subject)  [\(record.kind) \(record.scope), \(record.attempts) essai(s)]"]
            if record.status == .pending || record.status == .abandoned, let error = record.lastError {
                lines.append("    raison : \(error)")
            }
            if record.status == .pending { lines.append("    prochain essai : \(time(record.nextAttemptAt)) ou après") }
            return lines
        }
    }
}
