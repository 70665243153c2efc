import CLibPQ

/// One row of a result, readable only inside the closure that receives it (it points into libpq's
/// result). Decode it into value types there.
public struct Row {
    let result: OpaquePointer
    let index: Int32
    let columns: ColumnIndex
    let queryName: String

    init(result: OpaquePointer, index: Int32, columns: ColumnIndex, queryName: String) {
        self.result = result; self.index = index; self.columns = columns; self.queryName = queryName
    }

    /// The raw text of a column, or nil for SQL NULL.
    public func text(_ column: String) throws(DatabaseError) -> String? {
        let c = try position(column)
        if PQgetisnull(result, index, c) == 1 { return nil }
        return String(cString: PQgetvalue(result, index, c))
    }

    /// The raw bytes of a column (no UTF-8 decoding), or nil for SQL NULL.
    public func bytes(_ column: String) throws(DatabaseError) -> UnsafeRawBufferPointer? {
        let c = try position(column)
        if PQgetisnull(result, index, c) == 1 { return nil }
        return UnsafeRawBufferPointer(start: PQgetvalue(result, index, c), count: Int(PQgetlength(result, index, c)))
    }

    /// Decodes a non-NULL column; NULL or a value that does not parse is a decoding error naming
    /// the query, the column, the expected type and the value.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard let value = try decodeIfPresent(column, as: type) else {
            throw failure(column, expected: T.sqlTypeDescription, value: nil)
        }
        return value
    }

    /// Decodes a nullable column.
    public func decodeIfPresent<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T? {
        guard let raw = try text(column) else { return nil }
        guard let value = T(sqlText: raw) else {
            throw failure(column, expected: T.sqlTypeDescription, value: raw)
        }
        return value
    }

    /// A decoding error for `column`; the connection adds the source table's name.
    public func failure(_ column: String, expected: String, value: String?) -> DatabaseError {
        .decoding(query: queryName, table: nil, column: column, expected: expected, value: value)
    }

    private func position(_ column: String) throws(DatabaseError) -> Int32 {
        guard let c = columns.position[column] else {
            throw .protocolViolation(query: queryName, message: "the result has no column \"\(column)\" (columns: \(columns.names.joined(separator: ", ")))")
        }
        return c
    }
}

/// Column names of a result, looked up once per result rather than per row.
final class ColumnIndex {
    let names: [String]
    let position: [String: Int32]

    init(result: OpaquePointer) {
        let count = PQnfields(result)
        names = (0..<count).map { String(cString: PQfname(result, $0)) }
        var position = [String: Int32]()
        for (i, name) in names.enumerated() where position[name] == nil { position[name] = Int32(i) }
        self.position = position
        tableOIDs = (0..<count).map { PQftable(result, $0) }
    }

    /// The source table of each column, or 0 when it is computed.
    let tableOIDs: [Oid]
}
