import CageotCore
import CageotStore

/// Cageot's record of the documents it generated, in its own schema (`cageot.documents`).
public struct Ledger {
    let connection: Connection

    /// Opens the ledger, creating or migrating Cageot's schema on first use.
    public init(_ connection: Connection) throws {
        self.connection = connection
        try Migrations.migrate(connection)
    }

    /// The fingerprint, path and checksum of the last document recorded for `kind` and `scope`, if any.
    public func latest(kind: String, scope: String) throws -> (fingerprint: String, path: String, checksum: String)? {
        try connection.query("latest document", """
            SELECT fingerprint, path, checksum FROM cageot.documents
            WHERE kind = $1 AND scope = $2
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, [kind, scope]) {
            (try $0.decode("fingerprint", as: String.self), try $0.decode("path", as: String.self), try $0.decode("checksum", as: String.self))
        }.first
    }

    /// A document kind and scope, as the ledger records them.
    public struct Key: Hashable, Sendable {
        public var kind: String
        public var scope: String
    }

    /// `latest(kind:scope:)` for every kind and scope the ledger holds, in one query.
    public func latestOfEveryScope() throws -> [Key: (fingerprint: String, path: String)] {
        var latest: [Key: (fingerprint: String, path: String)] = [:]
        _ = try connection.query("latest documents", """
            SELECT DISTINCT ON (kind, scope) kind, scope, fingerprint, path FROM cageot.documents
            ORDER BY kind, scope, created_at DESC, id DESC
            """) { row in
            latest[Key(kind: try row.decode("kind"), scope: try row.decode("scope"))] =
                (try row.decode("fingerprint"), try row.decode("path"))
        }
        return latest
    }

    public func record(_ document: GeneratedDocument, at epochSeconds: Int) throws {
        try connection.execute("record document", """
            INSERT INTO cageot.documents (kind, scope, fingerprint, path, checksum, bytes, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7))
            """, [document.kind, document.scope, document.fingerprint, document.path, document.checksum,
                  document.bytes, epochSeconds])
    }
}
