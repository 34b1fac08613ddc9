import GongkaiDomain
import Testing

/// Dates below were checked against the 国务院办公厅 notices as copied in holidays-cn.json.
@Suite("Working calendar")
struct WorkingCalendarTests {
    let calendar = Fixtures.calendar

    func expectWorking(_ dates: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for d in dates {
            let working = calendar.isWorkingDay(day(d))
            #expect(working, "\(d) should be a working day", sourceLocation: sourceLocation)
        }
    }

    func expectRest(_ dates: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for d in dates {
            let working = calendar.isWorkingDay(day(d))
            #expect(!working, "\(d) should be a rest day", sourceLocation: sourceLocation)
        }
    }

    func range(_ from: String, _ to: String) -> [String] {
        (day(from).dayNumber...day(to).dayNumber).map { LocalDate(dayNumber: $0).description }
    }

    @Test("The shipped data covers 2020 to 2026 and every year of it is valid")
    func shippedDataIsValid() {
        for year in 2020...2026 {
            #expect(calendar.hasYear(year))
            #expect(calendar.years[year]?.validate(year: year) == [])
        }
        #expect(!calendar.hasYear(2019))
        #expect(!calendar.hasYear(2027))
    }

    @Test("Spring Festival 2026 is off from 02-15 to 02-23, and Saturdays 02-14 and 02-28 are worked")
    func springFestival2026() {
        expectWorking(["2026-02-13", "2026-02-14", "2026-02-24", "2026-02-27", "2026-02-28"])
        expectRest(range("2026-02-15", "2026-02-23") + ["2026-02-07", "2026-02-08", "2026-03-01"])
        #expect(calendar.kind(of: day("2026-02-14")) == .makeUpWorkday)
        #expect(calendar.kind(of: day("2026-02-23")) == .holiday("春节"))
        #expect(calendar.kind(of: day("2026-03-01")) == .weekend)
        #expect(calendar.kind(of: day("2026-03-02")) == .workday)
    }

    @Test("Spring Festival 2025 is off from 01-28 to 02-04, and Sunday 01-26 and Saturday 02-08 are worked")
    func springFestival2025() {
        expectWorking(["2025-01-26", "2025-01-27", "2025-02-05", "2025-02-08"])
        expectRest(range("2025-01-28", "2025-02-04") + ["2025-01-25", "2025-02-09"])
    }

    @Test("Spring Festival 2024 is off from 02-10 to 02-17, and Sundays 02-04 and 02-18 are worked")
    func springFestival2024() {
        expectWorking(["2024-02-04", "2024-02-09", "2024-02-18", "2024-02-19"])
        expectRest(range("2024-02-10", "2024-02-17") + ["2024-02-03", "2024-02-24"])
    }

    @Test("中秋 and National Day 2026 are off, and Sunday 09-20 and Saturday 10-10 are worked")
    func nationalDay2026() {
        expectWorking(["2026-09-20", "2026-09-24", "2026-09-28", "2026-09-30", "2026-10-08", "2026-10-10"])
        expectRest(range("2026-09-25", "2026-09-27") + range("2026-10-01", "2026-10-07") + ["2026-10-11"])
    }

    @Test("National Day 2025 is off from 10-01 to 10-08, and Sunday 09-28 and Saturday 10-11 are worked")
    func nationalDay2025() {
        expectWorking(["2025-09-28", "2025-09-30", "2025-10-09", "2025-10-11"])
        expectRest(range("2025-10-01", "2025-10-08") + ["2025-09-27", "2025-10-12"])
    }

    @Test("中秋 and National Day 2024 are off, and 09-14, 09-29 and 10-12 are worked")
    func nationalDay2024() {
        expectWorking(["2024-09-14", "2024-09-29", "2024-10-08", "2024-10-12"])
        expectRest(range("2024-09-15", "2024-09-17") + range("2024-10-01", "2024-10-07") + ["2024-10-13"])
    }

    @Test("Counting across Spring Festival 2026 lands on the make-up Saturday, then after the break")
    func countingAcrossSpringFestival() {
        #expect(calendar.addingWorkingDays(1, to: day("2026-02-13")).date == day("2026-02-14"))
        #expect(calendar.addingWorkingDays(2, to: day("2026-02-13")).date == day("2026-02-24"))
        #expect(calendar.addingWorkingDays(6, to: day("2026-02-13")).date == day("2026-02-28"))
        #expect(calendar.addingWorkingDays(7, to: day("2026-02-13")).date == day("2026-03-02"))
        #expect(calendar.workingDays(after: day("2026-02-13"), through: day("2026-02-28")) == 6)
        #expect(calendar.workingDays(after: day("2026-02-14"), through: day("2026-02-23")) == 0)
    }

    @Test("Counting across National Day 2025 uses the Sunday before it")
    func countingAcrossNationalDay2025() {
        let r = calendar.addingWorkingDays(3, to: day("2025-09-26"))
        #expect(r.date == day("2025-09-30")) // 09-28 (Sun, worked), 09-29, 09-30
        #expect(!r.calendarMissing)
        #expect(calendar.addingWorkingDays(4, to: day("2025-09-26")).date == day("2025-10-09"))
    }

    @Test("The start day never counts, even when it is a working day")
    func startDayDoesNotCount() {
        #expect(calendar.addingWorkingDays(1, to: day("2026-03-02")).date == day("2026-03-03"))
        #expect(calendar.addingWorkingDays(1, to: day("2026-03-07")).date == day("2026-03-09"))
        #expect(calendar.addingWorkingDays(0, to: day("2026-03-07")).date == day("2026-03-07"))
        #expect(calendar.workingDays(after: day("2026-03-02"), through: day("2026-03-02")) == 0)
        #expect(calendar.workingDays(after: day("2026-03-03"), through: day("2026-03-02")) == 0)
    }

    @Test("元旦 2026 closes the year boundary and Sunday 01-04 is worked")
    func yearBoundary2026() {
        let r = calendar.addingWorkingDays(1, to: day("2025-12-31"))
        #expect(r.date == day("2026-01-04"))
        #expect(!r.calendarMissing)
        expectRest(range("2026-01-01", "2026-01-03"))
    }

    @Test("元旦 2025 is one day, so the first working day after 2024-12-31 is 01-02")
    func yearBoundary2025() {
        #expect(calendar.addingWorkingDays(1, to: day("2024-12-31")).date == day("2025-01-02"))
        #expect(calendar.workingDays(after: day("2024-12-27"), through: day("2025-01-03")) == 4)
    }

    @Test("元旦 2023 starts on 2022-12-31, listed under 2023, and counting crosses into it")
    func yearBoundary2023() {
        #expect(calendar.kind(of: day("2022-12-31")) == .holiday("元旦"))
        expectRest(["2022-12-31", "2023-01-01", "2023-01-02"])
        #expect(calendar.addingWorkingDays(1, to: day("2022-12-30")).date == day("2023-01-03"))
    }

    @Test("29 February 2024 is an ordinary working day and is counted")
    func leapDayIsCounted() {
        #expect(calendar.isWorkingDay(day("2024-02-29")))
        #expect(calendar.addingWorkingDays(1, to: day("2024-02-28")).date == day("2024-02-29"))
        #expect(calendar.addingWorkingDays(2, to: day("2024-02-28")).date == day("2024-03-01"))
        #expect(calendar.workingDays(after: day("2024-02-26"), through: day("2024-03-04")) == 5)
    }

    @Test("A year with no data counts Monday to Friday and says the calendar is missing")
    func missingYearCountsWeekdays() {
        #expect(calendar.isWorkingDay(day("2027-01-01"))) // a Friday; 元旦 is unknown without data
        let r = calendar.addingWorkingDays(5, to: day("2026-12-30"))
        #expect(r.date == day("2027-01-06"))
        #expect(r.calendarMissing)
        let inside = calendar.addingWorkingDays(5, to: day("2026-12-01"))
        #expect(inside.date == day("2026-12-08"))
        #expect(!inside.calendarMissing)
        let count = calendar.countWorkingDays(after: day("2026-12-30"), through: day("2027-01-06"))
        #expect(count.count == 5 && count.calendarMissing)
    }

    @Test("Adding the missing year moves the deadline and clears the flag")
    func addingTheYearMovesDeadlines() {
        let y2027 = HolidayYear(
            holidays: [.init(name: "元旦", from: day("2027-01-01"), to: day("2027-01-03"))],
            workdays: [], source: "hypothetical, for the test")
        #expect(y2027.validate(year: 2027) == [])
        let updated = calendar.replacing(year: 2027, with: y2027)
        let r = updated.addingWorkingDays(5, to: day("2026-12-30"))
        #expect(r.date == day("2027-01-07"))
        #expect(!r.calendarMissing)
        #expect(updated.hasYear(2027))
        #expect(!calendar.hasYear(2027)) // the old value is unchanged
    }

    @Test("Without any data the calendar is Monday to Friday and always flags missing")
    func weekdaysOnlyCalendar() {
        let r = WorkingCalendar.weekdaysOnly.addingWorkingDays(2, to: day("2026-02-13"))
        #expect(r.date == day("2026-02-17"))
        #expect(r.calendarMissing)
        #expect(!WorkingCalendar.weekdaysOnly.isWorkingDay(day("2026-02-14")))
    }

    /// The worked example for the README; check it by hand against the 2026 notice.
    ///
    /// Information formed on Monday 2026-09-28, rule "20 working days from formed_on".
    /// The 28th itself does not count. 中秋 (09-25…27) is already over; 国庆 is 10-01…10-07;
    /// Saturday 10-10 is a make-up working day.
    ///
    ///   1 Tue 09-29   2 Wed 09-30   (10-01 … 10-07 holiday)
    ///   3 Thu 10-08   4 Fri 10-09   5 Sat 10-10 (调休上班)   (Sun 10-11 rest)
    ///   6–10 Mon 10-12 … Fri 10-16
    ///  11–15 Mon 10-19 … Fri 10-23
    ///  16–20 Mon 10-26 … Fri 10-30   → due 2026-10-30
    ///
    /// Counting Monday–Friday only would give 2026-10-26: four days too early.
    @Test("Worked example: formed 2026-09-28, 20 working days over 国庆 is due 2026-10-30")
    func workedExample() {
        let r = calendar.addingWorkingDays(20, to: day("2026-09-28"))
        #expect(r.date == day("2026-10-30"))
        #expect(!r.calendarMissing)
        #expect(calendar.workingDays(after: day("2026-09-28"), through: day("2026-10-30")) == 20)
        #expect(WorkingCalendar.weekdaysOnly.addingWorkingDays(20, to: day("2026-09-28")).date == day("2026-10-26"))
    }
}
