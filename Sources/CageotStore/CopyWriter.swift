/// Buffers rows in COPY text format and hands them to libpq in chunks of about 256 KiB.
public final class CopyWriter {
    private unowned let connection: Connection
    private let name: String
    private let columnCount: Int
    private var buffer: [UInt8] = []
    public private(set) var rowCount = 0

    init(connection: Connection, name: String, columnCount: Int) {
        self.connection = connection
        self.name = name
        self.columnCount = columnCount
        buffer.reserveCapacity(1 << 18)
    }

    /// Appends one row; nil is SQL NULL. The number of fields must match the COPY's columns.
    public func append(_ fields: [(any SQLParameter)?]) throws {
        precondition(fields.count == columnCount, "\(name): \(fields.count) fields for \(columnCount) columns")
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x09) }
            guard let field else {
                buffer.append(0x5C); buffer.append(0x4E) // \N
                continue
            }
            for byte in field.sqlText.utf8 {
                switch byte {
                case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
                case 0x09: buffer.append(0x5C); buffer.append(0x74)
                case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
                case 0x0D: buffer.append(0x5C); buffer.append(0x72)
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(0x0A)
        rowCount += 1
        if buffer.count >= 1 << 18 { try flush() }
    }

    func flush() throws {
        try buffer.withUnsafeBytes { try connection.putCopyData($0, name: name) }
        buffer.removeAll(keepingCapacity: true)
    }
}
