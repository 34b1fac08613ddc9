import GongkaiDomain
import Testing

@Suite("Deadline calculator")
struct DeadlineCalculatorTests {
    let calculator = DeadlineCalculator(calendar: Fixtures.calendar)
    let twentyDays = DeadlineRule.workingDays(20, from: .formedOn)

    func status(_ record: Record, _ rule: DeadlineRule, related: String? = nil, today: String) -> DeadlineStatus {
        calculator.status(of: record, rule: rule, relatedPublishedOn: related.map(day), today: day(today))
    }

    @Test("Published on the due date is on time")
    func onTime() {
        let s = status(makeRecord(formedOn: "2026-09-28", publishedOn: "2026-10-30"), twentyDays, today: "2026-12-01")
        #expect(s == DeadlineStatus(dueOn: day("2026-10-30"), calendarMissing: false, compliance: .onTime))
    }

    @Test("Published after the due date is late by the working days after it")
    func late() {
        let s = status(makeRecord(formedOn: "2026-09-28", publishedOn: "2026-11-03"), twentyDays, today: "2026-12-01")
        #expect(s.compliance == .late)
        #expect(s.dueOn == day("2026-10-30"))
        #expect(s.lateByWorkingDays == 2) // Mon 11-02, Tue 11-03
    }

    @Test("Published on the weekend right after the due date is late by zero working days")
    func lateOnAWeekend() {
        let s = status(makeRecord(formedOn: "2026-09-28", publishedOn: "2026-10-31"), twentyDays, today: "2026-12-01")
        #expect(s.compliance == .late)
        #expect(s.lateByWorkingDays == 0)
    }

    @Test("Unpublished up to and including the due date is pending")
    func pending() {
        let record = makeRecord(formedOn: "2026-09-28", publishedOn: nil)
        #expect(status(record, twentyDays, today: "2026-09-28").compliance == .pending)
        let s = status(record, twentyDays, today: "2026-10-30")
        #expect(s == DeadlineStatus(dueOn: day("2026-10-30"), calendarMissing: false, compliance: .pending))
    }

    @Test("Unpublished after the due date is overdue")
    func overdue() {
        let s = status(makeRecord(formedOn: "2026-09-28", publishedOn: nil), twentyDays, today: "2026-10-31")
        #expect(s.compliance == .overdue)
        #expect(s.dueOn == day("2026-10-30"))
        #expect(s.lateByWorkingDays == nil)
    }

    @Test("A rule without a deadline gives no due date")
    func noDeadline() {
        let s = status(makeRecord(formedOn: "2026-09-28", publishedOn: nil), .none, today: "2027-06-01")
        #expect(s == DeadlineStatus(dueOn: nil, calendarMissing: false, compliance: .noDeadline))
    }

    @Test("A 解读 is due 3 working days after its policy was published, here on the make-up Saturday")
    func relatedPublishedAnchor() {
        let rule = DeadlineRule.workingDays(3, from: .relatedPublishedOn)
        let record = makeRecord(formedOn: "2026-09-20", publishedOn: "2026-10-10", relatedRecordId: "policy")
        // Policy published Wed 09-30; 10-01…07 off; 10-08 (1), 10-09 (2), Sat 10-10 (3).
        let s = status(record, rule, related: "2026-09-30", today: "2026-10-12")
        #expect(s.dueOn == day("2026-10-10"))
        #expect(s.compliance == .onTime)
    }

    @Test("A 解读 whose policy is not published, or not named, has no deadline yet")
    func relatedAnchorMissing() {
        let rule = DeadlineRule.workingDays(3, from: .relatedPublishedOn)
        let s = status(makeRecord(formedOn: "2026-09-20", publishedOn: nil), rule, related: nil, today: "2026-12-01")
        #expect(s.compliance == .noDeadline)
        #expect(s.dueOn == nil)
    }

    @Test("One month after a consultation closed on 01-31 is 02-28, a make-up Saturday in 2026")
    func monthsFromEventClamp() {
        let rule = DeadlineRule.months(1, from: .eventOn)
        let record = makeRecord(formedOn: "2026-01-31", publishedOn: "2026-02-28", eventOn: "2026-01-31")
        let s = status(record, rule, today: "2026-03-02")
        #expect(s.dueOn == day("2026-02-28"))
        #expect(s.compliance == .onTime)
    }

    @Test("A month period ending inside Spring Festival ends on the first working day after it")
    func monthsRollOverAHoliday() {
        let rule = DeadlineRule.months(1, from: .eventOn)
        // 01-15 + 1 month = Sun 02-15, inside 春节 (02-15…02-23) → Tue 02-24 (民法典第二百零三条).
        let record = makeRecord(formedOn: "2026-01-10", publishedOn: "2026-02-24", eventOn: "2026-01-15")
        let s = status(record, rule, today: "2026-03-02")
        #expect(s.dueOn == day("2026-02-24"))
        #expect(s.compliance == .onTime)
    }

    @Test("A month rule without event_on has no deadline")
    func eventAnchorMissing() {
        let s = status(makeRecord(formedOn: "2026-01-10", publishedOn: nil), .months(1, from: .eventOn), today: "2026-05-01")
        #expect(s.compliance == .noDeadline)
    }

    @Test("Calendar days count every day and move off a holiday")
    func calendarDays() {
        // 09-24 + 7 days = Thu 10-01, 国庆 → Thu 10-08.
        let moved = status(makeRecord(formedOn: "2026-09-24", publishedOn: nil), .calendarDays(7, from: .formedOn),
                           today: "2026-10-01")
        #expect(moved.dueOn == day("2026-10-08"))
        #expect(moved.compliance == .pending)
        // 03-02 + 10 days = Thu 03-12, a working day: unchanged.
        let plain = status(makeRecord(formedOn: "2026-03-02", publishedOn: "2026-03-13"),
                           .calendarDays(10, from: .formedOn), today: "2026-04-01")
        #expect(plain.dueOn == day("2026-03-12"))
        #expect(plain.compliance == .late)
        #expect(plain.lateByWorkingDays == 1)
    }

    @Test("The report of a year is due on 01-31 of the next year, even on a Saturday")
    func annual() {
        let rule = DeadlineRule.annual(month: 1, day: 31)
        let onTime = status(makeRecord(formedOn: "2025-12-31", publishedOn: "2026-01-30"), rule, today: "2026-03-01")
        #expect(onTime.dueOn == day("2026-01-31"))
        #expect(onTime.compliance == .onTime)
        let late = status(makeRecord(formedOn: "2025-06-30", publishedOn: "2026-02-03"), rule, today: "2026-03-01")
        #expect(late.dueOn == day("2026-01-31"))
        #expect(late.compliance == .late)
        #expect(late.lateByWorkingDays == 2) // Mon 02-02, Tue 02-03
    }

    @Test("A deadline in a year without data is flagged, and moves when the year arrives")
    func missingCalendarFlagsAndMoves() {
        let record = makeRecord(formedOn: "2026-12-15", publishedOn: nil)
        let before = status(record, twentyDays, today: "2026-12-20")
        #expect(before.dueOn == day("2027-01-12"))
        #expect(before.calendarMissing)
        #expect(before.compliance == .pending)

        let y2027 = HolidayYear(holidays: [.init(name: "元旦", from: day("2027-01-01"), to: day("2027-01-03"))],
                                workdays: [])
        let after = DeadlineCalculator(calendar: Fixtures.calendar.replacing(year: 2027, with: y2027))
            .status(of: record, rule: twentyDays, relatedPublishedOn: nil, today: day("2026-12-20"))
        #expect(after.dueOn == day("2027-01-13"))
        #expect(!after.calendarMissing)
    }

    @Test("Lateness counted into a year without data is flagged too")
    func lateIntoMissingYear() {
        let s = status(makeRecord(formedOn: "2026-11-02", publishedOn: "2027-01-05"), twentyDays, today: "2027-02-01")
        #expect(s.dueOn == day("2026-11-30"))
        #expect(s.compliance == .late)
        #expect(s.calendarMissing)
        #expect(s.lateByWorkingDays == 26) // 22 in December (Mon–Fri), then 01-01 (Fri, unknown), 01-04, 01-05
    }

    @Test("A status encodes with snake_case keys and explicit nulls")
    func statusJSON() throws {
        let pending = DeadlineStatus(dueOn: day("2026-10-30"), calendarMissing: false, compliance: .pending)
        #expect(try JSONEncoderForTests.encode(pending)
            == #"{"calendar_missing":false,"compliance":"pending","due_on":"2026-10-30","late_by_working_days":null}"#)
        let none = DeadlineStatus(dueOn: nil, calendarMissing: false, compliance: .noDeadline)
        #expect(try JSONEncoderForTests.encode(none)
            == #"{"calendar_missing":false,"compliance":"no_deadline","due_on":null,"late_by_working_days":null}"#)
        #expect(Compliance.allCases.map(\.rawValue) == ["on_time", "late", "pending", "overdue", "no_deadline"])
        let late = DeadlineStatus(dueOn: day("2026-10-30"), calendarMissing: true, compliance: .late, lateByWorkingDays: 2)
        #expect(try JSONDecoderForTests.decode(DeadlineStatus.self, JSONEncoderForTests.encode(late)) == late)
    }
}
