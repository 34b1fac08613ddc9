/// Which days are working days in China: Monday–Friday, minus the official holidays, plus the
/// make-up working days (调休上班) of each year's State Council notice.
///
/// A year without data counts Monday–Friday only; the counting functions report when they had
/// to do that (`calendarMissing`). The calendar is a value: build a new one (`replacing(year:with:)`)
/// and recompute deadlines from it rather than storing dates computed from an older one.
public struct WorkingCalendar: Sendable, Equatable {
    /// The data per year, as given (validate it first with `HolidayYear.validate(year:)`).
    public let years: [Int: HolidayYear]
    /// Day number → name of the holiday covering it. A holiday listed under one year may
    /// reach into the next or previous one (元旦 2023 starts on 2022-12-31).
    private let holidayNames: [Int: String]
    /// Day numbers of make-up working days.
    private let makeUpWorkdays: Set<Int>

    public init(years: [Int: HolidayYear]) {
        self.years = years
        var names: [Int: String] = [:]
        var workdays = Set<Int>()
        for year in years.keys.sorted() {
            let data = years[year]!
            // Only the days a valid year can name (the year, and a week either side for 元旦),
            // so unvalidated data cannot make the calendar huge.
            guard let first = LocalDate(year: year, month: 1, day: 1)?.dayNumber,
                  let last = LocalDate(year: year, month: 12, day: 31)?.dayNumber else { continue }
            let window = (first - HolidayYear.boundarySpillDays)...(last + HolidayYear.boundarySpillDays)
            for holiday in data.holidays where holiday.from <= holiday.to {
                let from = max(holiday.from.dayNumber, window.lowerBound)
                let to = min(holiday.to.dayNumber, window.upperBound)
                guard from <= to else { continue }
                for n in from...to where names[n] == nil {
                    names[n] = holiday.name
                }
            }
            for day in data.workdays { workdays.insert(day.dayNumber) }
        }
        holidayNames = names
        makeUpWorkdays = workdays
    }

    /// No holiday data at all: Monday–Friday are the working days.
    public static let weekdaysOnly = WorkingCalendar(years: [:])

    /// Whether `year` has holiday data.
    public func hasYear(_ y: Int) -> Bool { years[y] != nil }

    /// Monday–Friday minus holidays plus make-up workdays. O(1).
    /// A make-up workday wins over a holiday should the data ever list a day as both.
    public func isWorkingDay(_ d: LocalDate) -> Bool {
        let n = d.dayNumber
        if makeUpWorkdays.contains(n) { return true }
        if holidayNames[n] != nil { return false }
        return !d.isWeekend
    }

    /// What kind of day `d` is, for showing how a due date was reached.
    public func kind(of d: LocalDate) -> DayKind {
        let n = d.dayNumber
        if makeUpWorkdays.contains(n) { return .makeUpWorkday }
        if let name = holidayNames[n] { return .holiday(name) }
        return d.isWeekend ? .weekend : .workday
    }

    /// The same calendar with `year`'s data added or replaced.
    public func replacing(year: Int, with data: HolidayYear) -> WorkingCalendar {
        var all = years
        all[year] = data
        return WorkingCalendar(years: all)
    }

    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool { a.years == b.years }
}

/// The kind of a day in the working calendar.
public enum DayKind: Sendable, Equatable, Hashable {
    /// Monday–Friday, no holiday.
    case workday
    /// Saturday or Sunday, not a make-up workday.
    case weekend
    /// Inside the named holiday (e.g. 春节).
    case holiday(String)
    /// 调休上班: a weekend day worked instead of a holiday.
    case makeUpWorkday

    public var isWorkingDay: Bool { self == .workday || self == .makeUpWorkday }
}

extension WorkingCalendar: CustomStringConvertible {
    /// Short, for logs and test output: `WorkingCalendar(years: 2020, 2021, …)`.
    public var description: String {
        "WorkingCalendar(years: \(years.keys.sorted().map(String.init).joined(separator: ", ")))"
    }
}
