import CageotCore
import Testing

struct DateTests {
    @Test(arguments: [
        ("2026-12-05", "samedi 5 décembre 2026"), ("2026-12-03", "jeudi 3 décembre 2026"),
        ("2026-02-01", "dimanche 1er février 2026"), ("2000-02-29", "mardi 29 février 2000"),
        ("1970-01-01", "jeudi 1er janvier 1970"), ("2027-08-16", "lundi 16 août 2027"),
    ])
    func longDatesAreFrench(iso: String, text: String) {
        #expect(FrenchFormat.longDate(LocalDate(iso: iso)!) == text)
    }

    @Test func daysRoundTripThroughTheEpoch() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(LocalDate(year: 1, month: 1, day: 1).description == "0001-01-01")
    }

    @Test func timestampsParsePostgresText() {
        let t = LocalDateTime(iso: "2026-12-03 18:30:05.123")
        #expect(t == LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 3), hour: 18, minute: 30, second: 5))
        #expect(LocalDateTime(iso: "2026-13-03 18:30") == nil)
        #expect(LocalDateTime(iso: "2026-12-03T18:30:05+01") == LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 3), hour: 18, minute: 30, second: 5))
        #expect(LocalDateTime(iso: "2026-12-03 18:30") == LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 3), hour: 18, minute: 30))
        #expect(LocalDate(iso: "2026-7-6") == LocalDate(year: 2026, month: 7, day: 6))
        #expect(LocalDate(iso: "2026-07-32") == nil)
        #expect(LocalDate(iso: "2026-00-10") == nil)
        #expect(LocalDateTime(iso: "garbage") == nil)
        #expect(FrenchFormat.time(t!) == "18h30")
        #expect(FrenchFormat.time(LocalDateTime(iso: "2026-12-03 09:00")!) == "9h")
        #expect(LocalDateTime(iso: "2026-12-31 23:00")!.adding(seconds: 7200).description == "2027-01-01 01:00:00")
    }
}

struct ISOWeekTests {
    @Test(arguments: [("2026-W49", "2026-11-30", "2026-12-06"), ("2026-W01", "2025-12-29", "2026-01-04"),
                      ("2020-W53", "2020-12-28", "2021-01-03"), ("2027W01", "2027-01-04", "2027-01-10")])
    func weeksRunFromMondayToSunday(text: String, monday: String, sunday: String) throws {
        let week = try #require(ISOWeek(text))
        #expect(week.monday.description == monday && week.sunday.description == sunday)
    }

    @Test(arguments: ["2021-W53", "2026-W00", "2026-W5", "2026-49", "semaine 49", ""])
    func impossibleWeeksAreRefused(text: String) {
        #expect(ISOWeek(text) == nil)
    }
}
