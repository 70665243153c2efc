import CageotCore

/// The size and shape of a demo federation. Same options, same rows.
public struct DemoOptions: Sendable, Equatable {
    /// Seeds every random choice; change it to get another federation of the same size.
    public var seed: UInt64
    /// Active AMAPs (one more, suspended, is always added with a little old data).
    public var groups: Int
    /// Households per active AMAP.
    public var households: Int
    /// Weekly distribution sessions in the season.
    public var weeks: Int
    /// The Monday of the season's first week. The scenario's "today" is the Monday of week
    /// `weeks / 2`: sessions before it are past (validated baskets), the others to come.
    public var start: LocalDate

    public init(seed: UInt64 = 1, groups: Int = 3, households: Int = 40, weeks: Int = 8,
                start: LocalDate = LocalDate(year: 2025, month: 9, day: 1)) {
        self.seed = seed
        self.groups = groups
        self.households = households
        self.weeks = weeks
        self.start = start
    }

    /// The scenario's "today": sessions before it are past.
    public var today: LocalDate { start.adding(days: 7 * (weeks / 2)) }

    /// Throws when the options cannot make a meaningful federation.
    public func validate() throws(DemoDataError) {
        guard (1...10_000).contains(groups) else { throw .invalidOptions("groups must be between 1 and 10000, not \(groups).") }
        guard (2...1_000).contains(households) else { throw .invalidOptions("households must be between 2 and 1000, not \(households).") }
        guard (1...104).contains(weeks) else { throw .invalidOptions("weeks must be between 1 and 104, not \(weeks).") }
        guard start.weekdayIndex == 0 else {
            throw .invalidOptions("start must be a Monday (the first week of the season); \(start) is not.")
        }
    }
}
