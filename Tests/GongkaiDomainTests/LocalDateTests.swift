import GongkaiDomain
import Testing

@Suite("LocalDate")
struct LocalDateTests {
    @Test("Day numbers count from 1970-01-01 and match known dates")
    func dayNumbersMatchKnownDates() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("1969-12-31").dayNumber == -1)
        #expect(day("2000-01-01").dayNumber == 10_957)
        #expect(day("2000-03-01").dayNumber == 11_017)
        #expect(day("2026-01-01").dayNumber == 20_454)
    }

    @Test("Every day from 1600 to 2400 survives a day-number round trip, one day after another")
    func dayNumberRoundTripsOverAWideRange() {
        let first = day("1600-01-01").dayNumber, last = day("2400-12-31").dayNumber
        var previous: LocalDate?
        var failures = 0
        for n in first...last {
            let d = LocalDate(dayNumber: n)
            if d.dayNumber != n || LocalDate(year: d.year, month: d.month, day: d.day) != d { failures += 1 }
            if let p = previous {
                let next = p.day < LocalDate.daysIn(month: p.month, year: p.year)
                    ? LocalDate(year: p.year, month: p.month, day: p.day + 1)
                    : p.month < 12 ? LocalDate(year: p.year, month: p.month + 1, day: 1)
                    : LocalDate(year: p.year + 1, month: 1, day: 1)
                if next != d { failures += 1 }
            }
            previous = d
        }
        #expect(failures == 0)
    }

    @Test("Weekdays are ISO numbered, Monday 1 through Sunday 7")
    func weekdaysAreIsoNumbered() {
        #expect(day("1970-01-01").weekday == 4) // Thursday
        #expect(day("2000-01-01").weekday == 6) // Saturday
        #expect(day("2024-02-29").weekday == 4) // Thursday
        #expect(day("2026-02-14").weekday == 6) // Saturday, a make-up workday
        #expect(day("2026-01-04").weekday == 7) // Sunday, a make-up workday
        #expect(day("2026-09-28").weekday == 1) // Monday
        #expect(day("1900-01-01").weekday == 1) // Monday
        #expect(day("1969-12-28").weekday == 7) // Sunday, before the epoch
    }

    @Test("Adding a month to the 31st clamps to the end of a shorter month")
    func addingMonthsClamps() {
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2026-03-31").adding(months: 1) == day("2026-04-30"))
        #expect(day("2025-12-31").adding(months: 2) == day("2026-02-28"))
        #expect(day("2026-03-31").adding(months: -1) == day("2026-02-28"))
        #expect(day("2026-11-15").adding(months: 1) == day("2026-12-15"))
        #expect(day("2026-12-15").adding(months: 1) == day("2027-01-15"))
        #expect(day("2024-02-29").adding(months: 12) == day("2025-02-28"))
    }

    @Test("29 February exists only in leap years")
    func leapDays() {
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "2025-02-29") == nil)
        #expect(LocalDate(iso: "1900-02-29") == nil)
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2024-02-29").adding(days: 1) == day("2024-03-01"))
        #expect(day("2025-02-28").adding(days: 1) == day("2025-03-01"))
    }

    @Test("ISO parsing accepts only zero-padded ASCII YYYY-MM-DD of a real day",
          arguments: ["2026-02-30", "2026-2-3", "２０２６-02-03", "2026-02-03 ", " 2026-02-03", "2026/02/03",
                      "2026-13-01", "2026-00-10", "2026-01-00", "20260203", "", "2026-02-3x"])
    func isoParsingRejects(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("A date encodes and decodes as a YYYY-MM-DD string")
    func dateCodesAsString() throws {
        let encoded = try JSONEncoderForTests.encode([day("2026-02-03")])
        #expect(encoded == #"["2026-02-03"]"#)
        #expect(day("0987-06-05").description == "0987-06-05")
    }
}
