/// Cageot's own state lives in the schema `cageot`, never in CAMAP's tables. Migrations are
/// numbered, applied once each, in order, under an advisory lock so that two processes starting
/// together do not both apply them.
public enum Migrations {
    /// Each migration is applied in its own transaction; append, never edit a shipped one.
    static let steps: [(version: Int, name: String, sql: String)] = [
        (1, "run ledger", """
            CREATE TABLE cageot.documents (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind        text NOT NULL,
                scope       text NOT NULL,
                fingerprint text NOT NULL,
                path        text NOT NULL,
                checksum    text NOT NULL,
                bytes       bigint NOT NULL,
                created_at  timestamptz NOT NULL
            );
            CREATE INDEX documents_kind_scope ON cageot.documents (kind, scope, created_at DESC);
            """),
        (2, "access tokens", """
            CREATE TABLE cageot.tokens (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name        text NOT NULL DEFAULT '',
                scope       text NOT NULL,
                hash        text NOT NULL UNIQUE,
                created_at  timestamptz NOT NULL,
                revoked_at  timestamptz
            );
            """),
        (3, "mail ledger", """
            CREATE TABLE cageot.mails (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind            text NOT NULL,
                scope           text NOT NULL,
                recipient       text NOT NULL,
                recipient_name  text NOT NULL DEFAULT '',
                fingerprint     text NOT NULL,
                attachments     text NOT NULL,
                message_id      text NOT NULL UNIQUE,
                replaces        text,
                subject         text NOT NULL,
                body            text NOT NULL,
                reply_to        text,
                status          text NOT NULL CHECK (status IN ('pending', 'sent', 'abandoned', 'superseded')),
                attempts        integer NOT NULL DEFAULT 0,
                last_error      text,
                next_attempt_at timestamptz NOT NULL,
                created_at      timestamptz NOT NULL,
                sent_at         timestamptz
            );
            CREATE INDEX mails_key ON cageot.mails (kind, scope, recipient, id DESC);
            CREATE INDEX mails_pending ON cageot.mails (next_attempt_at) WHERE status = 'pending';
            """),
    ]

    /// The number of the last migration; `cageot.schema_migrations` holds the applied ones.
    public static var latest: Int { steps.last?.version ?? 0 }

    /// Creates the schema if needed and applies the missing migrations. Idempotent.
    @discardableResult
    public static func migrate(_ connection: Connection) throws -> [Int] {
        try connection.transaction {
            // 0x636167656f74 = "cageot": one lock key for every Cageot process on this database.
            try connection.execute("migration lock", "SELECT pg_advisory_xact_lock($1)", [0x6361_6765_6F74])
            // Created only when missing: a read-only role (db/cageot-role.sql) owns the schema but
            // may not create schemas, and CREATE SCHEMA IF NOT EXISTS checks that right first.
            let exists = try connection.query("cageot schema exists", "SELECT to_regnamespace('cageot') IS NOT NULL AS present") {
                try $0.decode("present", as: Bool.self)
            }
            if exists != [true] {
                try connection.executeScript("create schema cageot", "CREATE SCHEMA cageot")
            }
            try connection.executeScript("cageot schema", """
                CREATE TABLE IF NOT EXISTS cageot.schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """)
            let applied = Set(try connection.query("applied migrations", "SELECT version FROM cageot.schema_migrations") {
                try $0.decode("version", as: Int.self)
            })
            var done = [Int]()
            for step in steps where !applied.contains(step.version) {
                try connection.executeScript("migration \(step.version) (\(step.name))", step.sql)
                try connection.execute("record migration", "INSERT INTO cageot.schema_migrations (version, name) VALUES ($1, $2)",
                                       [step.version, step.name])
                done.append(step.version)
            }
            return done
        }
    }
}
