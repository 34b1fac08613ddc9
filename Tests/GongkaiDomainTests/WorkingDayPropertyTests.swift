import GongkaiDomain
import Testing

/// Properties checked over many seeded random cases against `OracleCalendar`, a brute-force
/// reading of the same JSON that shares no code with the calendar under test.
@Suite("Working-day properties")
struct WorkingDayPropertyTests {
    let calendar = Fixtures.calendar
    let oracle = OracleCalendar(bundle: Fixtures.holidayBundle())
    /// From a month before the data to half a year after it, so missing years are exercised too.
    let firstStart = day("2019-12-01").dayNumber
    let lastStart = day("2027-06-30").dayNumber

    @Test("due is a working day with exactly N working days in (start, due]", arguments: [1, 2, 3])
    func dueIsTheNthWorkingDay(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var failures: [String] = []
        for _ in 0..<300 {
            let start = LocalDate(dayNumber: rng.int(in: firstStart...lastStart))
            let n = rng.int(in: 0...9) == 0 ? rng.int(in: 21...400) : rng.int(in: 1...25)
            let (due, missing) = calendar.addingWorkingDays(n, to: start)

            var count = 0
            var sawMissingYear = false
            var d = start.adding(days: 1)
            while d <= due {
                if oracle.isWorkingDay(d) { count += 1 }
                if !oracle.years.contains(d.year) { sawMissingYear = true }
                d = d.adding(days: 1)
            }
            if !oracle.isWorkingDay(due) || count != n || missing != sawMissingYear
                || calendar.workingDays(after: start, through: due) != n {
                failures.append("start \(start) n \(n) → \(due) (count \(count), missing \(missing))")
            }
        }
        #expect(failures.count == 0, "first failures: \(failures.prefix(5))")
    }

    @Test("isWorkingDay agrees with the brute-force reading on every day from 2019 to 2028")
    func isWorkingDayAgreesEverywhere() {
        var d = day("2019-01-01")
        var disagreements: [LocalDate] = []
        while d <= day("2028-12-31") {
            if calendar.isWorkingDay(d) != oracle.isWorkingDay(d) { disagreements.append(d) }
            d = d.adding(days: 1)
        }
        #expect(disagreements.count == 0, "first disagreements: \(disagreements.prefix(5))")
    }

    @Test("Counting working days between two random dates matches a day-by-day count")
    func countingMatchesBruteForce() {
        var rng = SplitMix64(seed: 42)
        var failures: [String] = []
        for _ in 0..<400 {
            let a = LocalDate(dayNumber: rng.int(in: firstStart...lastStart))
            let b = a.adding(days: rng.int(in: -30...500))
            var expected = 0
            var d = a.adding(days: 1)
            while d <= b {
                if oracle.isWorkingDay(d) { expected += 1 }
                d = d.adding(days: 1)
            }
            if calendar.workingDays(after: a, through: b) != expected {
                failures.append("\(a)…\(b): expected \(expected)")
            }
        }
        #expect(failures.count == 0, "first failures: \(failures.prefix(5))")
    }

    @Test("One more working day always lands strictly later, on the next working day")
    func addingIsStrictlyIncreasing() {
        var rng = SplitMix64(seed: 7)
        var failures: [String] = []
        for _ in 0..<300 {
            let start = LocalDate(dayNumber: rng.int(in: firstStart...lastStart))
            let n = rng.int(in: 1...60)
            let a = calendar.addingWorkingDays(n, to: start).date
            let b = calendar.addingWorkingDays(n + 1, to: start).date
            let next = calendar.addingWorkingDays(1, to: a).date
            if !(a < b) || b != next { failures.append("\(start) n \(n): \(a) then \(b), expected \(next)") }
        }
        #expect(failures.count == 0, "first failures: \(failures.prefix(5))")
    }

    @Test("A calendar-day or month period ends on a working day, the first one on or after its plain end")
    func periodsEndOnAWorkingDay() {
        let calculator = DeadlineCalculator(calendar: calendar)
        var rng = SplitMix64(seed: 2026)
        var failures: [String] = []
        for _ in 0..<300 {
            let start = LocalDate(dayNumber: rng.int(in: firstStart...lastStart))
            let n = rng.int(in: 1...40)
            let byMonths = rng.int(in: 0...1) == 0
            let rule: DeadlineRule = byMonths ? .months(n % 13 + 1, from: .formedOn) : .calendarDays(n, from: .formedOn)
            let plain = byMonths ? start.adding(months: n % 13 + 1) : start.adding(days: n)
            guard let (due, _) = calculator.dueDate(rule: rule, formedOn: start, relatedPublishedOn: nil, eventOn: nil) else {
                failures.append("no due date for \(start)")
                continue
            }
            var d = plain
            while d < due {
                if oracle.isWorkingDay(d) { failures.append("\(start) \(rule): skipped working day \(d)") }
                d = d.adding(days: 1)
            }
            if due < plain || !oracle.isWorkingDay(due) { failures.append("\(start) \(rule): \(due)") }
        }
        #expect(failures.count == 0, "first failures: \(failures.prefix(5))")
    }
}
