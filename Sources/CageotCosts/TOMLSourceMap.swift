import Foundation

/// Where each key of a TOML document is written, and the source text of its scalar values.
///
/// TOMLKit gives values but no positions, and floats only as `Double`; this scanner reads the
/// text again so that errors can name a line and amounts can be read exactly from their digits.
/// It runs only on text TOMLKit has accepted, so it follows the grammar without checking it.
///
/// Paths are written as in error messages: `allocation.floor`, `item[2].amount` (the second
/// `[[item]]` table, counting from 1), `allocation.exempt[1]` (the first element of the array).
public struct TOMLSourceMap: Sendable {
    /// The line (from 1) of each key, table header and array element.
    private(set) var lines: [String: Int] = [:]
    /// The source text of each scalar value (numbers, booleans, dates, strings with their quotes).
    private(set) var scalars: [String: String] = [:]

    public init(_ text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.document()
        lines = scanner.lines
        scalars = scanner.scalars
    }

    /// The line of `path`, else of its closest enclosing table or key that has one.
    public func line(of path: String) -> Int? {
        var current = Substring(path)
        while true {
            if let line = lines[String(current)] { return line }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            current = current[..<cut]
        }
    }
}

private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lines: [String: Int] = [:]
    var scalars: [String: String] = [:]
    /// How many `[[name]]` tables each array of tables has so far.
    var arrayTables: [String: Int] = [:]

    init(bytes: [UInt8]) { self.bytes = bytes }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    mutating func record(_ path: String) {
        if lines[path] == nil { lines[path] = line }
    }

    mutating func document() {
        var table = ""
        while current != nil {
            skipBlank(newlines: true)
            guard let byte = current else { return }
            let start = index
            if byte == UInt8(ascii: "[") {
                table = header()
            } else {
                keyValue(in: table)
            }
            skipBlank(newlines: false)
            if index == start { advance() } // never loop on text the grammar above does not expect
        }
    }

    /// `[a.b]` or `[[a.b]]`; returns the table's path, with the index of each array of tables.
    mutating func header() -> String {
        advance()
        let isArray = current == UInt8(ascii: "[")
        if isArray { advance() }
        let keys = dottedKey()
        var path = ""
        for (position, key) in keys.enumerated() {
            path = path.isEmpty ? key : "\(path).\(key)"
            if isArray && position == keys.count - 1 {
                record(path)
                let count = arrayTables[path, default: 0] + 1
                arrayTables[path] = count
                path += "[\(count)]"
            } else if let count = arrayTables[path] {
                path += "[\(count)]"
            }
            record(path)
        }
        while let byte = current, byte == UInt8(ascii: "]") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            advance()
        }
        return path
    }

    mutating func keyValue(in table: String) {
        var path = table
        for key in dottedKey() {
            path = path.isEmpty ? key : "\(path).\(key)"
            record(path)
        }
        skipBlank(newlines: false)
        if current == UInt8(ascii: "=") { advance() }
        skipBlank(newlines: false)
        value(at: path)
    }

    mutating func value(at path: String) {
        guard let byte = current else { return }
        switch byte {
        case UInt8(ascii: "["):
            advance()
            var count = 0
            while true {
                skipBlank(newlines: true)
                guard let next = current else { return }
                if next == UInt8(ascii: "]") { advance(); return }
                if next == UInt8(ascii: ",") { advance(); continue }
                count += 1
                let element = "\(path)[\(count)]"
                record(element)
                let start = index
                value(at: element)
                if index == start { advance() }
            }
        case UInt8(ascii: "{"):
            advance()
            while true {
                skipBlank(newlines: false)
                guard let next = current else { return }
                if next == UInt8(ascii: "}") { advance(); return }
                if next == UInt8(ascii: ",") { advance(); continue }
                let start = index
                keyValue(in: path)
                if index == start { advance() }
            }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let start = index
            skipString()
            scalars[path] = text(from: start)
        default:
            let start = index
            while let next = current, !Self.scalarEnds.contains(next) { advance() }
            scalars[path] = text(from: start).trimmingTrailingBlanks()
        }
    }

    static let scalarEnds: Set<UInt8> = Set(",]}#\r\n".utf8)

    /// A key of one or more parts: `a`, `"a b"`, `'a'`, `a.b`.
    mutating func dottedKey() -> [String] {
        var keys: [String] = []
        while true {
            skipBlank(newlines: false)
            guard let byte = current else { return keys }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let start = index
                skipString()
                keys.append(Self.unquote(text(from: start)))
            } else {
                let start = index
                while let next = current, Self.isBare(next) { advance() }
                if index == start { return keys }
                keys.append(text(from: start))
            }
            skipBlank(newlines: false)
            guard current == UInt8(ascii: ".") else { return keys }
            advance()
        }
    }

    static func isBare(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// The text of a quoted key without its quotes; only `\"` and `\\` are decoded, enough for keys.
    static func unquote(_ quoted: String) -> String {
        let inner = quoted.dropFirst().dropLast()
        guard quoted.hasPrefix("\"") else { return String(inner) }
        return inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// Skips a basic, literal, or multi-line string starting at the opening quote.
    mutating func skipString() {
        let quote = bytes[index]
        let triple = peek(1) == quote && peek(2) == quote
        if triple { advance(); advance(); advance() } else { advance() }
        while let byte = current {
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                advance()
                if current != nil { advance() }
                continue
            }
            if byte == UInt8(ascii: "\n") && !triple { return }
            if byte == quote {
                if !triple { advance(); return }
                if peek(1) == quote && peek(2) == quote {
                    advance(); advance(); advance()
                    // A multi-line string may end with up to two more quotes that belong to it.
                    while current == quote { advance() }
                    return
                }
            }
            advance()
        }
    }

    /// Skips spaces, tabs and comments, and newlines too when asked.
    mutating func skipBlank(newlines: Bool) {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                advance()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                guard newlines else { return }
                advance()
            case UInt8(ascii: "#"):
                while let next = current, next != UInt8(ascii: "\n") { advance() }
            default:
                return
            }
        }
    }

    func text(from start: Int) -> String { String(decoding: bytes[start..<index], as: UTF8.self) }
}

private extension String {
    func trimmingTrailingBlanks() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
