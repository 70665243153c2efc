import CageotCore
import CageotMail
import CageotStore
import Foundation

/// Sends the mail ledger's due rows through the relay, at the end of `cageot run`.
public enum MailDelivery {
    /// What became of one send.
    public enum Result: Sendable {
        case sent
        /// Left pending with the reason; tried again from `retryAt`.
        case pending(reason: String, retryAt: Int)
        /// No more attempts: `max_attempts` failures, or the attached file changed or vanished.
        case abandoned(reason: String)
    }

    public struct Report: Sendable {
        public var results: [(record: MailRecord, result: Result)] = []
        public var sent: Int { results.filter { if case .sent = $0.result { true } else { false } }.count }
        public var updates: Int { results.filter { if case .sent = $0.result { $0.record.replaces != nil } else { false } }.count }
        public var pending: Int { results.filter { if case .pending = $0.result { true } else { false } }.count }
        public var abandoned: Int { results.filter { if case .abandoned = $0.result { true } else { false } }.count }
    }

    /// Sends every pending row due at `now`, oldest first. When the relay cannot be reached, the
    /// rows after it are not tried (each would wait for the same timeout): they keep the same
    /// failure and backoff.
    public static func deliver(queue: MailQueue, mailer: Mailer, config: MailConfig, now: Int,
                               progress: (MailRecord, Result) -> Void = { _, _ in }) throws -> Report {
        var report = Report()
        var unreachable: MailSendError?
        for row in try queue.due(at: now) {
            try queue.withPending(row.id) { record in
                let result: Result
                do {
                    if let unreachable { throw unreachable }
                    let message = try message(for: record, config: config, now: now)
                    _ = try mailer.send(message)
                    try queue.markSent(record.id, at: now)
                    result = .sent
                } catch let error as AttachmentChanged {
                    try queue.markFailed(record.id, error: error.description, retryAt: nil)
                    result = .abandoned(reason: error.description)
                } catch {
                    if let error = error as? MailSendError, error.kind == .connection { unreachable = error }
                    let attempts = record.attempts + 1
                    if attempts >= config.maxAttempts {
                        let reason = "\(error) — abandonné après \(attempts) essai(s)"
                        try queue.markFailed(record.id, error: reason, retryAt: nil)
                        result = .abandoned(reason: reason)
                    } else {
                        let retryAt = now + config.backoffSeconds(afterAttempts: attempts)
                        try queue.markFailed(record.id, error: "\(error)", retryAt: retryAt)
                        result = .pending(reason: "\(error)", retryAt: retryAt)
                    }
                }
                var updated = record
                updated.attempts += 1
                report.results.append((updated, result))
                progress(updated, result)
            }
        }
        return report
    }

    /// The message of a ledger row, its attachments read from disk and checked against the
    /// checksums recorded when it was queued.
    static func message(for record: MailRecord, config: MailConfig, now: Int) throws -> MailMessage {
        let attachments = try record.attachments.map { attachment in
            let url = URL(fileURLWithPath: attachment.path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw AttachmentChanged(description: "le fichier \(url.path) n'existe plus (supprimé par cageot prune ?)")
            }
            let bytes = [UInt8](data)
            guard SHA256.hex(bytes) == attachment.checksum else {
                throw AttachmentChanged(description: "le fichier \(url.path) a changé depuis la mise en file ; le prochain run enverra la nouvelle version s'il y a lieu")
            }
            return MailMessage.Attachment(fileName: url.lastPathComponent, mimeType: mimeType(url.pathExtension), bytes: bytes)
        }
        return MailMessage(from: config.sender,
                           to: [try MailAddress(record.recipient, name: record.recipientName.isEmpty ? nil : record.recipientName)],
                           replyTo: try record.replyTo.map { try MailAddress($0) },
                           subject: record.subject, body: record.body, attachments: attachments,
                           messageID: record.messageID, date: .paris(epochSeconds: now),
                           inReplyTo: record.replaces)
    }

    static func mimeType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "csv": "text/csv"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }

    struct AttachmentChanged: Error, CustomStringConvertible { var description: String }
}
