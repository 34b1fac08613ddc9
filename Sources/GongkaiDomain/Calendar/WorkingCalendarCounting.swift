/// Counting working days. The start day never counts: "N working days after a day" ends on the
/// N-th working day strictly after it (条例第二十六条 read with 民法典第二百零一条: the day the
/// information is formed does not count).
extension WorkingCalendar {
    /// The N-th working day after `start`. `calendarMissing` is true when any day examined
    /// (those in `start` exclusive … result inclusive) lies in a year without data, where
    /// Monday–Friday were counted. `n ≤ 0` returns `start` itself.
    public func addingWorkingDays(_ n: Int, to start: LocalDate) -> (date: LocalDate, calendarMissing: Bool) {
        var day = start.dayNumber
        var counted = 0
        var missing = false
        var checker = YearChecker(calendar: self)
        while counted < n {
            day += 1
            let date = LocalDate(dayNumber: day)
            if !checker.has(date.year) { missing = true }
            if isWorkingDay(date) { counted += 1 }
        }
        return (LocalDate(dayNumber: day), missing)
    }

    /// The number of working days `d` with `a < d ≤ b`; 0 when `b ≤ a`.
    /// (For `late_by_working_days`: working days after the due date through the publication date.)
    public func workingDays(after a: LocalDate, through b: LocalDate) -> Int {
        countWorkingDays(after: a, through: b).count
    }

    /// As `workingDays(after:through:)`, also telling whether any day counted lies in a year without data.
    public func countWorkingDays(after a: LocalDate, through b: LocalDate) -> (count: Int, calendarMissing: Bool) {
        guard a < b else { return (0, false) }
        var count = 0
        var missing = false
        var checker = YearChecker(calendar: self)
        for n in (a.dayNumber + 1)...b.dayNumber {
            let date = LocalDate(dayNumber: n)
            if !checker.has(date.year) { missing = true }
            if isWorkingDay(date) { count += 1 }
        }
        return (count, missing)
    }

    /// `d` if it is a working day, else the next working day after it: where a period counted in
    /// calendar days or months ends when its last day is a rest day (民法典第二百零三条).
    public func firstWorkingDay(onOrAfter d: LocalDate) -> (date: LocalDate, calendarMissing: Bool) {
        var day = d.dayNumber
        var missing = false
        var checker = YearChecker(calendar: self)
        while true {
            let date = LocalDate(dayNumber: day)
            if !checker.has(date.year) { missing = true }
            if isWorkingDay(date) { return (date, missing) }
            day += 1
        }
    }
}

/// Remembers the last year looked up, so long walks do one dictionary lookup per year.
private struct YearChecker {
    let calendar: WorkingCalendar
    var lastYear = Int.min
    var lastAnswer = false

    init(calendar: WorkingCalendar) { self.calendar = calendar }

    mutating func has(_ year: Int) -> Bool {
        if year != lastYear {
            lastYear = year
            lastAnswer = calendar.hasYear(year)
        }
        return lastAnswer
    }
}
