import CageotCore
import Foundation

/// A value sent to PostgreSQL as a `$n` parameter or a COPY field, in PostgreSQL's text format.
public protocol SQLParameter: Sendable {
    var sqlText: String { get }
}

/// A value read from a column in PostgreSQL's text format.
public protocol SQLDecodable {
    /// The name used in decoding errors ("an integer", "a decimal number").
    static var sqlTypeDescription: String { get }
    init?(sqlText: String)
}

extension Int: SQLParameter, SQLDecodable {
    public var sqlText: String { String(self) }
    public static var sqlTypeDescription: String { "an integer" }
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Int64: SQLParameter, SQLDecodable {
    public var sqlText: String { String(self) }
    public static var sqlTypeDescription: String { "a 64-bit integer" }
    public init?(sqlText: String) { self.init(sqlText) }
}

extension String: SQLParameter, SQLDecodable {
    public var sqlText: String { self }
    public static var sqlTypeDescription: String { "text" }
    public init?(sqlText: String) { self = sqlText }
}

extension Bool: SQLParameter, SQLDecodable {
    public var sqlText: String { self ? "t" : "f" }
    public static var sqlTypeDescription: String { "a boolean" }
    public init?(sqlText: String) {
        switch sqlText {
        case "t", "true", "1": self = true
        case "f", "false", "0": self = false
        default: return nil
        }
    }
}

extension Double: SQLParameter, SQLDecodable {
    /// Shortest round-trip representation, which PostgreSQL reads back exactly.
    public var sqlText: String { description }
    public static var sqlTypeDescription: String { "a floating-point number" }
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Decimal: SQLParameter, SQLDecodable {
    public var sqlText: String { description }
    public static var sqlTypeDescription: String { "a finite decimal number" }
    /// Parses PostgreSQL's text for numeric and double columns (`2.675`, `1e-05`); never via Double.
    /// NaN and infinities are refused.
    public init?(sqlText: String) {
        if let plain = Decimal(plainSQLText: sqlText) { self = plain; return }
        guard let first = sqlText.first, first.isNumber || first == "-" || first == "." || first == "+",
              !sqlText.contains("Infinity"), let value = Decimal(string: sqlText, locale: Self.posix),
              !value.isNaN else { return nil }
        self = value
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The common case, parsed without Foundation's scanner (a tenth of its time): PostgreSQL's
    /// text of a nonzero number `-?digits[.digits]` of at most 18 significant digits. The same
    /// value in the same representation as `Decimal(string:)` (trailing zeros dropped), so that
    /// descriptions and fingerprints do not change; nil for anything else (zero, exponents, more
    /// digits), which goes to `Decimal(string:)`.
    init?(plainSQLText text: String) {
        var negative = false
        var significand: UInt64 = 0
        var exponent = 0
        var digits = 0
        var fraction = false
        var seenDigit = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
                case UInt8(ascii: "-") where index == 0:
                    negative = true
                case UInt8(ascii: ".") where !fraction:
                    fraction = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    seenDigit = true
                    if fraction { exponent -= 1 }
                    if significand == 0 && byte == UInt8(ascii: "0") { continue }
                    digits += 1
                    guard digits <= 18 else { return nil }
                    significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                default:
                    return nil
            }
        }
        guard seenDigit, significand != 0 else { return nil }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        self.init(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }
}

extension LocalDate: SQLParameter, SQLDecodable {
    public var sqlText: String { description }
    public static var sqlTypeDescription: String { "a date" }
    public init?(sqlText: String) { self.init(iso: sqlText) }
}

extension LocalDateTime: SQLParameter, SQLDecodable {
    public var sqlText: String { description }
    public static var sqlTypeDescription: String { "a timestamp" }
    public init?(sqlText: String) { self.init(iso: sqlText) }
}

/// Bytes for a `bytea` column (hex text format `\x…`).
public struct ByteA: SQLParameter, SQLDecodable, Sendable, Hashable {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var sqlText: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 2 + bytes.count * 2)
        out[0] = UInt8(ascii: "\\"); out[1] = UInt8(ascii: "x")
        for (i, b) in bytes.enumerated() {
            out[2 + 2 * i] = digits[Int(b >> 4)]
            out[3 + 2 * i] = digits[Int(b & 0xF)]
        }
        return String(decoding: out, as: UTF8.self)
    }
    public static var sqlTypeDescription: String { "bytea in hex format" }
    public init?(sqlText: String) {
        let utf8 = Array(sqlText.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var bytes = [UInt8](); bytes.reserveCapacity((utf8.count - 2) / 2)
        var i = 2
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo); i += 2
        }
        self.bytes = bytes
    }
}

/// A list of integers sent as one `int[]` parameter (`= ANY ($1::int[])`): a batch of ids read
/// by primary key in one query, the SQL text staying the same whatever the count.
public struct SQLIntegers: SQLParameter, Sendable, Hashable {
    public var values: [Int]
    public init(_ values: [Int]) { self.values = values }
    public var sqlText: String { "{" + values.map(String.init).joined(separator: ",") + "}" }
}
