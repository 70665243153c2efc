import Foundation

/// A calendar date with no time zone, as CAMAP stores it (`date` columns).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` (the first ten characters of PostgreSQL's text output).
    public init?(iso text: some StringProtocol) {
        // PostgreSQL's own `YYYY-MM-DD`, digit by digit: every date column of every row comes this way.
        if let fields = ISODigits.fields(text.utf8, [(0, 4), (5, 2), (8, 2)], separators: [(4, "-"), (7, "-")]) {
            guard (1...12).contains(fields[1]), (1...31).contains(fields[2]) else { return nil }
            self.init(year: fields[0], month: fields[1], day: fields[2])
            return
        }
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekdayIndex: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A wall-clock time in Europe/Paris with no zone attached, as CAMAP's `timestamp` columns hold it.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var date: LocalDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.date = date; self.hour = hour; self.minute = minute; self.second = second
    }

    /// Parses `YYYY-MM-DD HH:MM[:SS[.ffffff]]` (PostgreSQL's text output; `T` accepted too).
    public init?(iso text: some StringProtocol) {
        guard let date = LocalDate(iso: text) else { return nil }
        if let fields = ISODigits.fields(text.utf8, [(11, 2), (14, 2), (17, 2)], separators: [(13, ":"), (16, ":")]) {
            self.init(date: date, hour: fields[0], minute: fields[1], second: fields[2])
            return
        }
        let rest = text.dropFirst(11)
        if rest.isEmpty { self.init(date: date); return }
        let parts = rest.prefix(8).split(separator: ":")
        guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let s = parts.count > 2 ? Int(parts[2].prefix(2)) ?? 0 : 0
        self.init(date: date, hour: h, minute: m, second: s)
    }

    public var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second }

    public init(secondsSinceEpoch s: Int) {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let rest = s - days * 86_400
        self.init(date: LocalDate(daysSinceEpoch: days), hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    public func adding(seconds: Int) -> LocalDateTime { LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date) \(two(hour)):\(two(minute)):\(two(second))"
    }
}

extension LocalDateTime {
    /// Europe/Paris, whose wall-clock times CAMAP stores and Cageot prints.
    public static let paris = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600)!

    /// Paris's offset from UTC at an instant, in seconds (3600 in winter, 7200 in summer).
    public static func parisOffset(atEpochSeconds seconds: Int) -> Int {
        paris.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The Paris wall-clock time of an instant.
    public init(parisAtEpochSeconds seconds: Int) {
        self.init(secondsSinceEpoch: seconds + LocalDateTime.parisOffset(atEpochSeconds: seconds))
    }
}

/// Fixed-position decimal fields of ASCII text (`2026-07-06 10:30:00`), read without splitting
/// or making substrings; nil when the text does not have exactly that shape there, so that the
/// caller falls back to its general parsing.
enum ISODigits {
    static func fields(_ utf8: some Collection<UInt8>, _ fields: [(start: Int, count: Int)],
                       separators: [(at: Int, byte: Unicode.Scalar)]) -> [Int]? {
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0) // room for 24 bytes without allocating
        var length = 0
        withUnsafeMutableBytes(of: &bytes) { buffer in
            for byte in utf8.prefix(buffer.count) { buffer[length] = byte; length += 1 }
        }
        return withUnsafeBytes(of: &bytes) { buffer -> [Int]? in
            for separator in separators {
                guard separator.at < length, buffer[separator.at] == UInt8(ascii: separator.byte) else { return nil }
            }
            var values: [Int] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                guard field.start + field.count <= length else { return nil }
                var value = 0
                for i in field.start..<(field.start + field.count) {
                    let digit = buffer[i] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                values.append(value)
            }
            return values
        }
    }
}
