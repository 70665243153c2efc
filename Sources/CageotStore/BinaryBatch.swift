import CLibPQ

/// Rows of a binary-format result (`FETCH` with result format 1), read by position: integers and
/// doubles come as their big-endian bytes, with no text to parse. Only valid inside the closure
/// that receives it; `Connection.fetchBinary` checks every column's type before handing it over.
public struct BinaryBatch {
    let result: OpaquePointer
    /// The number of rows.
    public let count: Int

    /// Whether the value is SQL NULL.
    @inline(__always)
    public func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    /// A `bigint` or `integer` column (8 or 4 bytes); nil for NULL.
    @inline(__always)
    public func int64(_ row: Int, _ column: Int) -> Int64? {
        if isNull(row, column) { return nil }
        if PQgetlength(result, Int32(row), Int32(column)) == 4 { return Int64(Int32(bigEndian: load(row, column))) }
        return Int64(bigEndian: load(row, column))
    }

    /// A `double precision` column (8 bytes); nil for NULL.
    @inline(__always)
    public func double(_ row: Int, _ column: Int) -> Double? {
        if isNull(row, column) { return nil }
        return Double(bitPattern: UInt64(bigEndian: load(row, column)))
    }

    @inline(__always)
    private func load<T: FixedWidthInteger>(_ row: Int, _ column: Int) -> T {
        UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column))!).loadUnaligned(as: T.self)
    }
}

extension Connection {
    /// The type of a binary column `fetchBinary` can read.
    public enum BinaryColumn: Sendable {
        /// `bigint` or `integer` (CAMAP's ids and counts), read with `BinaryBatch.int64`.
        case bigint
        case double

        func accepts(_ oid: UInt32) -> Bool { self == .bigint ? oid == 20 || oid == 23 : oid == 701 }
        var name: String { self == .bigint ? "bigint or integer" : "double precision" }
    }

    /// Streams a large result in batches of `batch` rows, in binary: `sql` (with its `$n`
    /// parameters) becomes a cursor of the current transaction, fetched until it is exhausted, so
    /// memory holds one batch whatever the number of rows. `columns` are the types the query
    /// returns, in order (cast others in the SQL: `::bigint`, `::float8`); a different result is a
    /// protocol error naming the query rather than misread bytes. Call inside `transaction`.
    /// `cursor_tuple_fraction` is 1 for the declaration: every row is read, so the planner should
    /// choose the plan that reads them all soonest, not the first ones.
    public func fetchBinary(_ name: String, _ sql: String, _ params: [(any SQLParameter)?], columns: [BinaryColumn],
                            batch: Int = 10_000, _ body: (BinaryBatch) throws -> Void) throws {
        let cursor = "cageot_fetch"
        try executeScript(name, "SET LOCAL cursor_tuple_fraction = 1")
        try execute(name, "DECLARE \(cursor) NO SCROLL CURSOR FOR " + sql, params, prepared: false)
        let fetch = "FETCH FORWARD \(batch) FROM \(cursor)"
        while true {
            guard let result = PQexecParams(conn, fetch, 0, nil, nil, nil, nil, 1) else { throw lost(name) }
            defer { PQclear(result) }
            try check(result, name)
            guard PQnfields(result) == Int32(columns.count) else {
                throw DatabaseError.protocolViolation(query: name, message: "expected \(columns.count) columns, the server sent \(PQnfields(result))")
            }
            for (i, column) in columns.enumerated() where !column.accepts(PQftype(result, Int32(i))) {
                throw DatabaseError.protocolViolation(query: name, message: "column \(i + 1) is not \(column.name) (type oid \(PQftype(result, Int32(i))))")
            }
            let count = Int(PQntuples(result))
            if count == 0 { break }
            try body(BinaryBatch(result: result, count: count))
            if count < batch { break }
        }
        try executeScript(name, "CLOSE \(cursor)")
    }
}
