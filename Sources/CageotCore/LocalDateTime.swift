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
        if let (year, month, day) = ISODigits.date(text.utf8) {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            self.init(year: year, month: month, day: day)
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
        if let (hour, minute, second) = ISODigits.time(text.utf8) {
            self.init(date: date, hour: hour, minute: minute, second: second)
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

/// Fixed-position decimal fields of ASCII text (`2026-07-06 10:30:00`), read in place without
/// splitting or making substrings; nil when the text does not have exactly that shape there, so
/// that the caller falls back to its general parsing. Generic code over the caller's text did not
/// get specialized across modules: each date read from PostgreSQL looked up type metadata.
enum ISODigits {
    /// Year, month and day of `YYYY-MM-DD` at the start of `utf8`.
    static func date(_ utf8: some Collection<UInt8>) -> (Int, Int, Int)? {
        bytes(utf8) { fields($0, (0, 4), (5, 2), (8, 2), separators: (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-"))) }
    }

    /// Hour, minute and second of `HH:MM:SS` after the date (`YYYY-MM-DD HH:MM:SS`).
    static func time(_ utf8: some Collection<UInt8>) -> (Int, Int, Int)? {
        bytes(utf8) { fields($0, (11, 2), (14, 2), (17, 2), separators: (13, UInt8(ascii: ":")), (16, UInt8(ascii: ":"))) }
    }

    /// `read` over the text's bytes in place (a String's), or over a copy of its first 24.
    private static func bytes(_ utf8: some Collection<UInt8>, _ read: (UnsafeRawBufferPointer) -> (Int, Int, Int)?) -> (Int, Int, Int)? {
        if let result = utf8.withContiguousStorageIfAvailable({ read(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(utf8.prefix(24)).withUnsafeBytes(read)
    }

    private static func fields(_ buffer: UnsafeRawBufferPointer, _ a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int),
                               separators first: (Int, UInt8), _ second: (Int, UInt8)) -> (Int, Int, Int)? {
        guard first.0 < buffer.count, buffer[first.0] == first.1, second.0 < buffer.count, buffer[second.0] == second.1,
              let x = number(buffer, a), let y = number(buffer, b), let z = number(buffer, c) else { return nil }
        return (x, y, z)
    }

    private static func number(_ buffer: UnsafeRawBufferPointer, _ field: (start: Int, count: Int)) -> Int? {
        guard field.start + field.count <= buffer.count else { return nil }
        var value = 0
        for index in field.start ..< field.start + field.count {
            let digit = buffer[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
