import CLibPQ
import Foundation
import Logging

/// One libpq connection (`PGconn`), owned here and closed in `deinit`.
///
/// Not `Sendable`: libpq allows a connection to be used by one thread at a time, so each task or
/// thread opens its own. Every call blocks its thread.
public final class Connection {
    let conn: OpaquePointer
    private let notices: NoticeSink
    public let logger: Logger
    /// Each query's server-side prepared statement (`cageot_1`, …), by its SQL: parsed and
    /// planned once per connection instead of at every call (planning was most of a session
    /// sheet's database time). Off with `CAGEOT_PREPARED_STATEMENTS=off` (a pooler that cannot
    /// keep them); at most `preparedLimit` statements, the rest run unprepared.
    private var prepared: [String: String] = [:]
    private let prepares: Bool
    static let preparedLimit = 256
    /// What `init` was given, to open a sibling with `reopen()`; never logged (it may hold a password).
    private let target: String

    /// Connects to `target`: a URL (`postgresql://…`) or a conninfo string (`host=… dbname=…`).
    /// An empty string uses libpq's own defaults (PGHOST, PGDATABASE, PGUSER, `.pgpass`, service
    /// files), exactly as `psql` does.
    public init(_ target: String, logger: Logger) throws {
        // Check the status before every stored property is set: once they are, a throw would
        // run deinit and PQfinish the handle a second time.
        guard let conn = PQconnectdb(target) else {
            throw DatabaseError.connection(target: "(libpq)", message: "out of memory")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(conn))
            let described = Connection.describe(conn)
            PQfinish(conn)
            throw DatabaseError.connection(target: described, message: message)
        }
        self.logger = logger
        self.conn = conn
        self.target = target
        self.notices = NoticeSink(logger: logger)
        self.prepares = ProcessInfo.processInfo.environment["CAGEOT_PREPARED_STATEMENTS"]?.lowercased() != "off"
        PQsetNoticeReceiver(conn, noticeReceiver, Unmanaged.passUnretained(notices).toOpaque())
        PQsetClientEncoding(conn, "UTF8")
    }

    deinit { PQfinish(conn) }

    /// A second connection to the same database with the same settings, for work on another thread.
    public func reopen() throws -> Connection { try Connection(target, logger: logger) }

    /// `user@host:port/dbname`, never the password.
    public var description: String { Connection.describe(conn) }

    static func describe(_ conn: OpaquePointer) -> String {
        func text(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        let host = text(PQhost(conn))
        return "\(text(PQuser(conn)))@\(host.isEmpty ? "localhost" : host):\(text(PQport(conn)))/\(text(PQdb(conn)))"
    }

    /// Runs a parameterized query (`$1`, `$2`…) and decodes every row with `decode`.
    /// `name` identifies the query in errors and logs. `prepared: false` plans it at every call,
    /// with the parameters' values: PostgreSQL hashes a long `<> ALL` list only when it is planned
    /// with its value, not in a prepared statement's generic plan.
    public func query<T>(_ name: String, _ sql: String, _ params: [(any SQLParameter)?] = [], prepared: Bool = true,
                         decode: (Row) throws -> T) throws -> [T] {
        let result = try run(name, sql, params, prepared: prepared)
        defer { PQclear(result) }
        let columns = ColumnIndex(result: result)
        let count = PQntuples(result)
        var rows = [T]()
        rows.reserveCapacity(Int(count))
        for i in 0..<count {
            do {
                rows.append(try decode(Row(result: result, index: i, columns: columns, queryName: name)))
            } catch let error as DatabaseError {
                throw naming(error, columns: columns)
            }
        }
        return rows
    }

    /// Runs a statement that returns no rows and gives the number of rows it affected.
    @discardableResult
    public func execute(_ name: String, _ sql: String, _ params: [(any SQLParameter)?] = [], prepared: Bool = true) throws -> Int {
        let result = try run(name, sql, params, prepared: prepared)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs a script of several statements with no parameters (DDL, migrations).
    public func executeScript(_ name: String, _ sql: String) throws {
        guard let result = PQexec(conn, sql) else { throw lost(name) }
        defer { PQclear(result) }
        try check(result, name)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try executeScript("BEGIN", "BEGIN")
        do {
            let value = try body()
            try executeScript("COMMIT", "COMMIT")
            return value
        } catch {
            try? executeScript("ROLLBACK", "ROLLBACK")
            throw error
        }
    }

    /// Streams a large result one row at a time (libpq's single-row mode): memory stays flat
    /// whatever the number of rows. If `body` throws, the query is cancelled and the error rethrown.
    public func forEach(_ name: String, _ sql: String, _ params: [(any SQLParameter)?] = [],
                        _ body: (Row) throws -> Void) throws {
        let sent = withCStrings(params) { count, values in
            PQsendQueryParams(conn, sql, count, nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw lost(name) }
        PQsetSingleRowMode(conn)
        var failure: Error?
        var columns: ColumnIndex?
        while let result = PQgetResult(conn) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                guard failure == nil else { continue }
                let index = columns ?? ColumnIndex(result: result)
                columns = index
                do {
                    try body(Row(result: result, index: 0, columns: index, queryName: name))
                } catch {
                    failure = error
                    cancel()
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                continue
            default:
                if failure == nil { failure = serverError(result, name) }
            }
        }
        if let error = failure as? DatabaseError, let columns { throw naming(error, columns: columns) }
        if let failure { throw failure }
    }

    /// Bulk-loads rows into `table` with `COPY … FROM STDIN` (text format); `body` appends rows to
    /// the writer, which sends them in large chunks. Returns the number of rows loaded.
    @discardableResult
    public func copy(into table: String, columns: [String], _ body: (CopyWriter) throws -> Void) throws -> Int {
        let name = "COPY \(table)"
        let sql = "COPY \(quoteIdentifier(table)) (\(columns.map(quoteIdentifier).joined(separator: ", "))) FROM STDIN"
        guard let start = PQexec(conn, sql) else { throw lost(name) }
        let status = PQresultStatus(start)
        if status != PGRES_COPY_IN {
            defer { PQclear(start) }
            try check(start, name)
            throw DatabaseError.protocolViolation(query: name, message: "the server did not enter COPY mode")
        }
        PQclear(start)
        let writer = CopyWriter(connection: self, name: name, columnCount: columns.count)
        var bodyError: Error?
        do {
            try body(writer)
            try writer.flush()
        } catch {
            bodyError = error
        }
        let ended = bodyError == nil ? PQputCopyEnd(conn, nil) : PQputCopyEnd(conn, "aborted by Cageot")
        var failure: Error? = ended == 1 ? nil : lost(name)
        var count = 0
        while let result = PQgetResult(conn) {
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                count = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = serverError(result, name)
            }
        }
        if let bodyError { throw bodyError }
        if let failure { throw failure }
        return count
    }

    /// Quotes an identifier (`"UserOrder"`) for the few places SQL names a table built in code.
    public func quoteIdentifier(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func putCopyData(_ bytes: UnsafeRawBufferPointer, name: String) throws {
        guard bytes.count > 0 else { return }
        let sent = PQputCopyData(conn, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        guard sent == 1 else { throw lost(name) }
    }

    // MARK: - Internals

    private func run(_ name: String, _ sql: String, _ params: [(any SQLParameter)?], prepared: Bool = true) throws -> OpaquePointer {
        logger.trace("query", metadata: ["query": "\(name)"])
        let statement = prepared ? try preparedStatement(name, sql, count: params.count) : nil
        let result = withCStrings(params) { count, values in
            if let statement { PQexecPrepared(conn, statement, count, values, nil, nil, 0) }
            else { PQexecParams(conn, sql, count, nil, values, nil, nil, 0) }
        }
        guard let result else { throw lost(name) }
        do {
            try check(result, name)
        } catch {
            PQclear(result)
            throw error
        }
        return result
    }

    /// The name of `sql`'s prepared statement, preparing it on first use; nil when statements are
    /// not prepared (turned off, or the cache is full).
    private func preparedStatement(_ name: String, _ sql: String, count: Int) throws -> String? {
        guard prepares else { return nil }
        if let statement = prepared[sql] { return statement }
        guard prepared.count < Self.preparedLimit else { return nil }
        let statement = "cageot_\(prepared.count + 1)"
        guard let result = PQprepare(conn, statement, sql, Int32(count), nil) else { throw lost(name) }
        defer { PQclear(result) }
        try check(result, name)
        prepared[sql] = statement
        return statement
    }

    func check(_ result: OpaquePointer, _ name: String) throws {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE, PGRES_COPY_IN, PGRES_EMPTY_QUERY:
            return
        default:
            throw serverError(result, name)
        }
    }

    private func serverError(_ result: OpaquePointer, _ name: String) -> DatabaseError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        guard let sqlstate = field("C") else {
            let message = String(cString: PQresultErrorMessage(result))
            return .protocolViolation(query: name, message: message.isEmpty ? String(cString: PQerrorMessage(conn)) : message)
        }
        return .server(query: name, sqlstate: sqlstate, message: field("M") ?? "", detail: field("D"), hint: field("H"))
    }

    func lost(_ name: String) -> DatabaseError {
        .protocolViolation(query: name, message: String(cString: PQerrorMessage(conn)))
    }

    private func cancel() {
        guard let handle = PQgetCancel(conn) else { return }
        defer { PQfreeCancel(handle) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(handle, &buffer, Int32(buffer.count))
    }

    /// Adds the source table's name to a decoding error (looked up from the column's table OID).
    private func naming(_ error: DatabaseError, columns: ColumnIndex) -> DatabaseError {
        guard case let .decoding(query, nil, column, expected, value) = error,
              let position = columns.names.firstIndex(of: column) else { return error }
        let oid = columns.tableOIDs[position]
        guard oid != 0,
              let table = try? self.query("column source", "SELECT $1::oid::regclass::text AS name", [Int(oid)], decode: {
                  try $0.decode("name", as: String.self)
              }).first else { return error }
        let bare = table.hasPrefix("\"") ? String(table.dropFirst().dropLast()) : table
        return .decoding(query: query, table: bare, column: column, expected: expected, value: value)
    }
}

/// Passes parameters to libpq as NUL-terminated strings (nil for SQL NULL), valid during `body`.
func withCStrings<R>(_ params: [(any SQLParameter)?], _ body: (Int32, [UnsafePointer<CChar>?]) -> R) -> R {
    let owned: [UnsafeMutablePointer<CChar>?] = params.map { $0.map { strdup($0.sqlText) } }
    defer { owned.forEach { free($0) } }
    return body(Int32(params.count), owned.map { UnsafePointer($0) })
}

/// Routes server notices (RAISE NOTICE, warnings) to the logger instead of stderr.
final class NoticeSink: Sendable {
    let logger: Logger
    init(logger: Logger) { self.logger = logger }
}

private let noticeReceiver: PQnoticeReceiver = { context, result in
    guard let context, let result else { return }
    let sink = Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue()
    let message = String(cString: PQresultErrorMessage(result)).trimmed
    let severity = PQresultErrorField(result, Int32(Character("V").asciiValue!)).map { String(cString: $0) } ?? "NOTICE"
    sink.logger.notice("\(message)", metadata: ["postgres": "\(severity)"])
}
