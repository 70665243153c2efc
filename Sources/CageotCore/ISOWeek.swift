/// An ISO 8601 week (`2026-W49`): Monday to Sunday, week 1 being the one with January 4th.
public struct ISOWeek: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    /// Parses `2026-W49` (or `2026W49`); nil when the year has no such week.
    public init?(_ text: String) {
        let parts = text.uppercased().replacingOccurrences(of: "-", with: "").split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]), parts[1].count == 2,
              week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week holding `date`.
    public init(containing date: LocalDate) {
        let monday = date.adding(days: -date.weekdayIndex)
        // The week belongs to the year of its Thursday.
        let year = monday.adding(days: 3).year
        self.year = year
        self.week = (monday.daysSinceEpoch - ISOWeek.firstMonday(of: year).daysSinceEpoch) / 7 + 1
    }

    /// The Monday of the week.
    public var monday: LocalDate { ISOWeek.firstMonday(of: year).adding(days: 7 * (week - 1)) }
    public var sunday: LocalDate { monday.adding(days: 6) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    static func firstMonday(of year: Int) -> LocalDate {
        let january4 = LocalDate(year: year, month: 1, day: 4)
        return january4.adding(days: -january4.weekdayIndex)
    }

    /// 52 or 53.
    public static func weeks(in year: Int) -> Int {
        (firstMonday(of: year + 1).daysSinceEpoch - firstMonday(of: year).daysSinceEpoch) / 7
    }
}

import Foundation
