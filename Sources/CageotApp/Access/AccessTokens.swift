import CageotCore
import CageotStore
import Foundation

/// A bearer token as `cageot token list` shows it: never its secret, which is not stored.
public struct AccessToken: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var scope: AccessScope
    public var createdAt: Int
    public var revokedAt: Int?
}

/// The bearer tokens of the HTTP server, in Cageot's schema (`cageot.tokens`): only the SHA-256
/// of each token is stored, so a leaked table gives no token.
public struct AccessTokens {
    let connection: Connection

    /// Opens the table, creating or migrating Cageot's schema on first use.
    public init(_ connection: Connection) throws {
        self.connection = connection
        try Migrations.migrate(connection)
    }

    /// Uses a connection whose schema is already migrated (a server worker's, checked once).
    public init(migrated connection: Connection) { self.connection = connection }

    /// Creates a token for `scope` and returns its id and its secret: 32 random bytes in base64url,
    /// to show once.
    public func create(scope: AccessScope, name: String, at epochSeconds: Int) throws -> (id: Int, secret: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let ids = try connection.query("create token", """
            INSERT INTO cageot.tokens (name, scope, hash, created_at) VALUES ($1, $2, $3, to_timestamp($4)) RETURNING id
            """, [name, scope.description, Self.hash(secret), epochSeconds]) { try $0.decode("id", as: Int.self) }
        return (ids[0], secret)
    }

    /// Revokes token `id`; false when there is no such token or it was already revoked.
    public func revoke(id: Int, at epochSeconds: Int) throws -> Bool {
        try connection.execute("revoke token", """
            UPDATE cageot.tokens SET revoked_at = to_timestamp($2) WHERE id = $1 AND revoked_at IS NULL
            """, [id, epochSeconds]) == 1
    }

    /// Every token, revoked ones included, oldest first.
    public func list() throws -> [AccessToken] {
        try connection.query("list tokens", """
            SELECT id, name, scope, extract(epoch FROM created_at)::bigint AS created,
                   extract(epoch FROM revoked_at)::bigint AS revoked
            FROM cageot.tokens ORDER BY id
            """) { row in
            let scope = try row.decode("scope", as: String.self)
            return AccessToken(id: try row.decode("id"), name: try row.decode("name"),
                               scope: AccessScope(scope) ?? .group(0), createdAt: try row.decode("created"),
                               revokedAt: try row.decodeIfPresent("revoked"))
        }
    }

    /// The scope of the live token whose secret is `secret`, or nil. Every live token's hash is
    /// compared in constant time, so the answer's timing says nothing about how close a guess was.
    public func scope(of secret: String) throws -> AccessScope? {
        let presented = Array(Self.hash(secret).utf8)
        let live = try connection.query("live tokens", "SELECT scope, hash FROM cageot.tokens WHERE revoked_at IS NULL") {
            (try $0.decode("scope", as: String.self), Array(try $0.decode("hash", as: String.self).utf8))
        }
        var found: String?
        for (scope, hash) in live where Self.constantTimeEqual(hash, presented) { found = scope }
        return found.flatMap(AccessScope.init)
    }

    public static func hash(_ secret: String) -> String { SHA256.hex(Array(secret.utf8)) }

    /// Compares every byte whatever the first difference.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
