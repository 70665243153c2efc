import CageotCore

/// The instant of a message's Date header and the offset it is written in, given by the caller.
public struct MailDate: Sendable, Equatable {
    public var epochSeconds: Int
    public var utcOffsetMinutes: Int

    public init(epochSeconds: Int, utcOffsetMinutes: Int = 0) {
        self.epochSeconds = epochSeconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The instant written in Paris's offset at that instant (+0100 or +0200).
    public static func paris(epochSeconds: Int) -> MailDate {
        MailDate(epochSeconds: epochSeconds, utcOffsetMinutes: LocalDateTime.parisOffset(atEpochSeconds: epochSeconds) / 60)
    }

    /// RFC 5322: `Tue, 01 Dec 2026 18:00:00 +0100`, English names whatever the locale.
    public var rfc5322: String {
        let local = LocalDateTime(secondsSinceEpoch: epochSeconds + utcOffsetMinutes * 60)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offset = abs(utcOffsetMinutes)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[local.date.weekdayIndex]), \(two(local.date.day)) \(months[local.date.month - 1]) \(local.date.year) "
            + "\(two(local.hour)):\(two(local.minute)):\(two(local.second)) "
            + (utcOffsetMinutes < 0 ? "-" : "+") + two(offset / 60) + two(offset % 60)
    }
}
