import Foundation

/// A database failure, with libpq's own words and what to check next.
public enum DatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The server could not be reached or refused the connection.
    case connection(target: String, message: String)
    /// The server rejected a statement: SQLSTATE, message and, when it gave them, detail and hint.
    case server(query: String, sqlstate: String, message: String, detail: String?, hint: String?)
    /// A row did not fit the Swift type it was decoded into.
    case decoding(query: String, table: String?, column: String, expected: String, value: String?)
    /// The connection broke or answered something unexpected.
    case protocolViolation(query: String, message: String)

    /// The database cannot be used any more on this connection (it could not be reached, the
    /// connection broke, or the server is shutting down or starting up): the caller should stop
    /// and reconnect later, rather than try the next statement.
    public var isConnectionLost: Bool {
        switch self {
        case .connection, .protocolViolation: true
        case .server(_, let sqlstate, _, _, _): Self.isUnavailable(sqlstate: sqlstate)
        case .decoding: false
        }
    }

    /// Class 08 (connection exception) and 57P01–57P05 (administrator or crash shutdown, cannot
    /// connect now, idle session timeout): the server went away, not the statement.
    static func isUnavailable(sqlstate: String) -> Bool {
        sqlstate.hasPrefix("08") || ["57P01", "57P02", "57P03", "57P05"].contains(sqlstate)
    }

    public var sqlstate: String? {
        if case .server(_, let state, _, _, _) = self { return state }
        return nil
    }

    public var description: String {
        switch self {
        case let .connection(target, message):
            let said = message.trimmed
            return "cannot connect to the database \(target): \(said)\(said.hasSuffix("?") || said.hasSuffix(".") ? "" : ".") "
                + "Check --database or DATABASE_URL (or PGHOST, PGPORT, PGDATABASE, PGUSER), that the server is running, and the password."
        case let .server(query, sqlstate, message, detail, hint):
            var text = "query \(query) failed [SQLSTATE \(sqlstate)]: \(message.trimmed)"
            if Self.isUnavailable(sqlstate: sqlstate) {
                return text + ". The database server went away; check that it is running, then retry."
            }
            if let detail, !detail.isEmpty { text += " (\(detail.trimmed))" }
            text += "."
            if let hint, !hint.isEmpty { text += " Hint: \(hint.trimmed)" }
            if sqlstate == "42501" {
                text += " The role Cageot connects as lacks this right: run db/cageot-role.sql as the database owner "
                    + "(README, \"A read-only role\")."
            }
            if sqlstate == "42P01" || sqlstate == "42703" {
                text += " Is this a CAMAP database? Load db/camap-replica.sql or check the migration."
            }
            return text
        case let .decoding(query, table, column, expected, value):
            let where_ = table.map { "\"\($0)\".\"\(column)\"" } ?? "column \"\(column)\""
            let shown = value.map { "'\($0.prefix(80))'" } ?? "NULL"
            return "query \(query): \(where_) holds \(shown), which is not \(expected). Fix that row in the database or report it."
        case let .protocolViolation(query, message):
            return "query \(query): \(message.trimmed). The connection to the database was lost; check the server and retry."
        }
    }
}

extension String {
    /// On one line (libpq breaks its messages with newlines and tabs), without trailing spaces.
    var trimmed: String {
        split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
