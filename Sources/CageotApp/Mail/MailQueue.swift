import CageotCore
import CageotStore
import Foundation

/// One send in the mail ledger (`cageot.mails`): a document to one recipient, with the fingerprint
/// of the document it carries. A changed document gets a new row that replaces the last one sent.
public struct MailRecord: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Not yet accepted by the relay; retried from `nextAttemptAt`.
        case pending
        case sent
        /// Failed `max_attempts` times, or its file changed: no more attempts.
        case abandoned
        /// A newer version of the document was queued before this one went out.
        case superseded
    }

    public struct Attachment: Sendable, Hashable, Codable {
        public var path: String
        public var checksum: String
    }

    public var id: Int
    public var kind: String
    public var scope: String
    public var recipient: String
    public var recipientName: String
    public var fingerprint: String
    public var attachments: [Attachment]
    public var messageID: String
    /// The Message-ID of the send this one replaces (the document changed since).
    public var replaces: String?
    public var subject: String
    public var body: String
    public var replyTo: String?
    public var status: Status
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Int
    public var createdAt: Int
    public var sentAt: Int?
}

/// A message to queue: what the ledger compares and stores.
struct MailDraft {
    var kind: String
    var scope: String
    var recipient: String
    var recipientName: String
    var fingerprint: String
    var attachments: [MailRecord.Attachment]
    var subject: String
    /// The body; `{replaces}` is where an update says which send it replaces.
    var body: (_ replaces: (sentAt: Int, subject: String)?) -> String
    var replyTo: String?
}

/// The mail ledger's reads and writes. Queuing runs under the document's advisory lock (inside
/// `SheetJobs.run`); sending takes each row with `FOR UPDATE SKIP LOCKED`, so two runs never send
/// the same row.
public struct MailQueue {
    let connection: Connection

    public init(_ connection: Connection) throws {
        self.connection = connection
        try Migrations.migrate(connection)
    }

    /// On a connection whose schema is already migrated (by the ledger of the same jobs).
    init(migrated connection: Connection) { self.connection = connection }

    static let columns = """
        id, kind, scope, recipient, recipient_name, fingerprint, attachments, message_id, replaces, subject, body,
        reply_to, status, attempts, last_error, extract(epoch FROM next_attempt_at)::bigint AS next_attempt_at,
        extract(epoch FROM created_at)::bigint AS created_at, extract(epoch FROM sent_at)::bigint AS sent_at
        """

    /// What queuing did for one recipient.
    enum Queued { case new, update, unchanged }

    /// Queues `draft` unless the last send to this recipient for this document carries the same
    /// fingerprint (sent, pending or abandoned). A pending older version is superseded; when an
    /// earlier version was sent, the new message says it replaces it.
    func enqueue(_ draft: MailDraft, messageIDDomain: String, now: Int) throws -> Queued {
        let previous = try connection.query("previous sends", """
            SELECT \(Self.columns) FROM cageot.mails WHERE kind = $1 AND scope = $2 AND recipient = $3 ORDER BY id DESC
            """, [draft.kind, draft.scope, draft.recipient], decode: Self.record)
        if let last = previous.first(where: { $0.status != .superseded }), last.fingerprint == draft.fingerprint { return .unchanged }
        let lastSent = previous.first { $0.status == .sent }
        let tail = SHA256.hex(Array("\(draft.recipient)|\(now)".utf8)).prefix(10)
        let messageID = "<cageot.\(draft.kind).\(draft.scope.replacingOccurrences(of: ":", with: "."))."
            + "\(draft.fingerprint.prefix(12)).\(tail)@\(messageIDDomain)>"
        let attachments = String(decoding: try JSONEncoder().encode(draft.attachments), as: UTF8.self)
        try connection.transaction {
            _ = try connection.execute("supersede pending", """
                UPDATE cageot.mails SET status = 'superseded' WHERE kind = $1 AND scope = $2 AND recipient = $3 AND status = 'pending'
                """, [draft.kind, draft.scope, draft.recipient])
            let subject = lastSent == nil ? draft.subject : "Mise à jour — \(draft.subject)"
            _ = try connection.execute("queue mail", """
                INSERT INTO cageot.mails (kind, scope, recipient, recipient_name, fingerprint, attachments, message_id, replaces,
                                          subject, body, reply_to, status, next_attempt_at, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', to_timestamp($12), to_timestamp($12))
                """, [draft.kind, draft.scope, draft.recipient, draft.recipientName, draft.fingerprint, attachments, messageID,
                      lastSent?.messageID, subject, draft.body(lastSent.map { ($0.sentAt ?? $0.createdAt, $0.subject) }),
                      draft.replyTo, now])
        }
        return lastSent == nil ? .new : .update
    }

    /// Every document version queued for e-mail (`kind|scope|fingerprint`), superseded ones aside.
    public func queuedVersions() throws -> Set<String> {
        Set(try connection.query("queued versions", "SELECT DISTINCT kind, scope, fingerprint FROM cageot.mails WHERE status <> 'superseded'") {
            RunShortcut.key(try $0.decode("kind"), try $0.decode("scope"), try $0.decode("fingerprint"))
        })
    }

    /// The pending sends whose next attempt is due at `now`, oldest first.
    public func due(at now: Int) throws -> [MailRecord] {
        try connection.query("due mails", """
            SELECT \(Self.columns) FROM cageot.mails WHERE status = 'pending' AND next_attempt_at <= to_timestamp($1) ORDER BY id
            """, [now], decode: Self.record)
    }

    /// How many sends wait for a retry.
    public func pendingCount() throws -> Int {
        try connection.query("pending mails", "SELECT count(*) AS n FROM cageot.mails WHERE status = 'pending'") {
            try $0.decode("n", as: Int.self)
        }.first ?? 0
    }

    /// The last `limit` sends, newest first; only the pending (and abandoned) ones with `pendingOnly`.
    public func log(limit: Int, pendingOnly: Bool = false) throws -> [MailRecord] {
        try connection.query("mail log", """
            SELECT \(Self.columns) FROM cageot.mails
            WHERE NOT $2 OR status IN ('pending', 'abandoned')
            ORDER BY id DESC LIMIT $1
            """, [limit, pendingOnly], decode: Self.record)
    }

    /// Runs `body` with row `id` locked, when it is still pending and no other run holds it.
    func withPending(_ id: Int, _ body: (MailRecord) throws -> Void) throws {
        try connection.transaction {
            let rows = try connection.query("lock mail", """
                SELECT \(Self.columns) FROM cageot.mails WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED
                """, [id], decode: Self.record)
            if let row = rows.first { try body(row) }
        }
    }

    func markSent(_ id: Int, at now: Int) throws {
        _ = try connection.execute("mail sent", """
            UPDATE cageot.mails SET status = 'sent', sent_at = to_timestamp($2), attempts = attempts + 1, last_error = NULL WHERE id = $1
            """, [id, now])
    }

    /// Records a failed attempt: the next one after `retryAt`, or none (`abandoned`).
    func markFailed(_ id: Int, error: String, retryAt: Int?) throws {
        _ = try connection.execute("mail failed", """
            UPDATE cageot.mails SET attempts = attempts + 1, last_error = $2,
                   status = CASE WHEN $3::bigint IS NULL THEN 'abandoned' ELSE 'pending' END,
                   next_attempt_at = COALESCE(to_timestamp($3::bigint), next_attempt_at)
            WHERE id = $1
            """, [id, error, retryAt])
    }

    static func record(_ row: Row) throws -> MailRecord {
        let attachments: String = try row.decode("attachments")
        return MailRecord(
            id: try row.decode("id"), kind: try row.decode("kind"), scope: try row.decode("scope"),
            recipient: try row.decode("recipient"), recipientName: try row.decode("recipient_name"),
            fingerprint: try row.decode("fingerprint"),
            attachments: try JSONDecoder().decode([MailRecord.Attachment].self, from: Data(attachments.utf8)),
            messageID: try row.decode("message_id"), replaces: try row.decodeIfPresent("replaces"),
            subject: try row.decode("subject"), body: try row.decode("body"), replyTo: try row.decodeIfPresent("reply_to"),
            status: MailRecord.Status(rawValue: try row.decode("status")) ?? .pending, attempts: try row.decode("attempts"),
            lastError: try row.decodeIfPresent("last_error"), nextAttemptAt: try row.decode("next_attempt_at"),
            createdAt: try row.decode("created_at"), sentAt: try row.decodeIfPresent("sent_at"))
    }
}
