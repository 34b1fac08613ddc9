import GongkaiDomain
import Testing

@Suite("Holiday data validation")
struct HolidayYearValidationTests {
    func year(_ holidays: [(String, String, String)], workdays: [String] = []) -> HolidayYear {
        HolidayYear(holidays: holidays.map { .init(name: $0.0, from: day($0.1), to: day($0.2)) },
                    workdays: workdays.map(day))
    }

    @Test("A holiday that ends before it starts is rejected, in Chinese and English")
    func reversedHoliday() {
        let problems = year([("春节", "2026-02-23", "2026-02-15")]).validate(year: 2026)
        #expect(problems.map(\.code) == ["holiday_reversed"])
        #expect(problems[0].message.contains("春节"))
        #expect(problems[0].message.contains("晚于"))
        #expect(problems[0].message.contains("starts (2026-02-23) after it ends"))
        #expect(problems[0].year == 2026)
    }

    @Test("A holiday of another year is rejected")
    func holidayOutsideYear() {
        #expect(year([("劳动节", "2025-05-01", "2025-05-05")]).validate(year: 2026).map(\.code)
            == ["holiday_outside_year"])
        #expect(year([("国庆节", "2026-12-20", "2027-01-20")]).validate(year: 2026).map(\.code)
            == ["holiday_outside_year"])
    }

    @Test("元旦 may reach a few days across the year boundary, as in the 2023 notice")
    func holidayAcrossNewYear() {
        #expect(year([("元旦", "2022-12-31", "2023-01-02")]).validate(year: 2023) == [])
        #expect(year([("元旦", "2026-01-01", "2026-01-03")], workdays: ["2025-12-27"]).validate(year: 2026) == [])
    }

    @Test("A make-up workday of another year is rejected")
    func workdayOutsideYear() {
        #expect(year([], workdays: ["2025-06-07"]).validate(year: 2026).map(\.code) == ["workday_outside_year"])
    }

    @Test("A make-up workday inside a holiday is rejected")
    func workdayInsideHoliday() {
        let problems = year([("春节", "2026-02-15", "2026-02-23")], workdays: ["2026-02-21"]).validate(year: 2026)
        #expect(problems.map(\.code) == ["workday_in_holiday"])
        #expect(problems[0].message.contains("调休上班日2026-02-21"))
        #expect(problems[0].message.contains("lies inside holiday 春节"))
    }

    @Test("A make-up workday on a weekday is rejected as a likely typo")
    func workdayOnWeekday() {
        #expect(year([], workdays: ["2026-02-13"]).validate(year: 2026).map(\.code) == ["workday_not_weekend"])
    }

    @Test("A holiday without a name is rejected")
    func unnamedHoliday() {
        #expect(year([(" ", "2026-10-01", "2026-10-07")]).validate(year: 2026).map(\.code) == ["holiday_unnamed"])
    }

    @Test("A year of holiday data round-trips through JSON, with source written as null when absent")
    func holidayYearJSON() throws {
        let data = year([("元旦", "2026-01-01", "2026-01-03")], workdays: ["2026-01-04"])
        let text = try JSONEncoderForTests.encode(data)
        #expect(text == #"{"holidays":[{"from":"2026-01-01","name":"元旦","to":"2026-01-03"}],"workdays":["2026-01-04"],"source":null}"#
            || text == #"{"holidays":[{"from":"2026-01-01","name":"元旦","to":"2026-01-03"}],"source":null,"workdays":["2026-01-04"]}"#)
        let decoded = try JSONDecoderForTests.decode(HolidayYear.self, text)
        #expect(decoded == data)
    }

    @Test("A bundle with an invalid year is refused with every problem listed")
    func bundleWithInvalidYear() {
        let json = #"{"years":{"2026":{"holidays":[{"name":"春节","from":"2026-02-23","to":"2026-02-15"}],"workdays":["2026-02-13"]}}}"#
        #expect(throws: CalendarBundleError.self) { try WorkingCalendar.decodeBundle(Array(json.utf8)) }
        do {
            _ = try WorkingCalendar.decodeBundle(Array(json.utf8))
        } catch let CalendarBundleError.invalid(problems) {
            #expect(problems.map(\.code) == ["holiday_reversed", "workday_not_weekend"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("A bundle whose key is not a year, or that is not JSON, is refused")
    func bundleWithBadKeyOrText() {
        #expect(throws: CalendarBundleError.badYearKey("20x6")) {
            try WorkingCalendar.decodeBundle(Array(#"{"years":{"20x6":{"holidays":[],"workdays":[]}}}"#.utf8))
        }
        #expect(throws: CalendarBundleError.self) { try WorkingCalendar.decodeBundle(Array("not json".utf8)) }
        #expect(throws: CalendarBundleError.self) {
            try WorkingCalendar.decodeBundle(Array(#"{"years":{"2026":{"holidays":[]}}}"#.utf8))
        }
    }
}
