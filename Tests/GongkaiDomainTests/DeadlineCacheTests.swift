import GongkaiDomain
import Testing

/// `DeadlineCache` is a memo of `DeadlineCalculator.status`: whatever it remembers, it must
/// answer what a fresh computation answers — after a new calendar, a changed rule, a changed
/// record, a related record published, and on a later day.
@Suite struct DeadlineCacheTests {
    let calculator = DeadlineCalculator(calendar: Fixtures.calendar)
    let twentyDays = DeadlineRule.workingDays(20, from: .formedOn)

    func fresh(_ r: Record, _ rule: DeadlineRule, related: LocalDate? = nil, today: LocalDate,
               _ calculator: DeadlineCalculator? = nil) -> DeadlineStatus {
        (calculator ?? self.calculator).status(of: r, rule: rule, relatedPublishedOn: related, today: today)
    }

    @Test func aRememberedDeadlineEqualsAFreshComputationForRandomRecordsRulesAndDays() {
        var rng = SplitMix64(seed: 6)
        var cache = DeadlineCache(capacity: 50)
        let rules: [DeadlineRule] = [.workingDays(20, from: .formedOn), .workingDays(5, from: .relatedPublishedOn),
                                     .calendarDays(7, from: .eventOn), .months(1, from: .formedOn),
                                     .annual(month: 1, day: 31), .none]
        for n in 0..<2_000 {
            let formed = LocalDate(dayNumber: day("2024-01-01").dayNumber + rng.int(in: 0...900))
            let published: LocalDate? = rng.int(in: 0...3) == 0 ? nil : formed.adding(days: rng.int(in: 0...60))
            var r = makeRecord(formedOn: formed.description, publishedOn: published?.description,
                               eventOn: rng.int(in: 0...1) == 0 ? nil : formed.adding(days: 3).description)
            r.id = "r\(rng.int(in: 0...80))"  // ids repeat with other inputs: entries must be checked
            let rule = rules.randomElement(using: &rng)!
            let related: LocalDate? = rng.int(in: 0...2) == 0 ? nil : formed.adding(days: rng.int(in: 0...10))
            let today = formed.adding(days: rng.int(in: 0...80))
            let got = cache.status(of: r, rule: rule, relatedPublishedOn: related, today: today,
                                   calculator: calculator, calendarVersion: 0)
            #expect(got == fresh(r, rule, related: related, today: today), "step \(n)")
        }
        #expect(cache.count <= 50)
    }

    @Test func aPendingRecordTurnsOverdueWhenTodayPassesItsDueDateWithoutAFlush() {
        var cache = DeadlineCache()
        let r = makeRecord(formedOn: "2026-09-28", publishedOn: nil)
        let onDue = cache.status(of: r, rule: twentyDays, relatedPublishedOn: nil, today: day("2026-10-30"),
                                 calculator: calculator, calendarVersion: 1)
        #expect(onDue.compliance == .pending)
        let dayAfter = cache.status(of: r, rule: twentyDays, relatedPublishedOn: nil, today: day("2026-10-31"),
                                    calculator: calculator, calendarVersion: 1)
        #expect(dayAfter == DeadlineStatus(dueOn: day("2026-10-30"), calendarMissing: false, compliance: .overdue))
        #expect(cache.count == 1)
    }

    @Test func aNewCalendarVersionMovesARememberedDeadline() {
        var cache = DeadlineCache()
        let r = makeRecord(formedOn: "2026-09-28", publishedOn: nil)
        let before = cache.status(of: r, rule: twentyDays, relatedPublishedOn: nil, today: day("2026-10-01"),
                                  calculator: calculator, calendarVersion: 1)
        #expect(before.dueOn == day("2026-10-30"))
        // A corrected 2026: the whole of October is a holiday.
        let october = HolidayYear.Holiday(name: "测试", from: day("2026-10-01"), to: day("2026-10-31"))
        let corrected = Fixtures.calendar.replacing(year: 2026, with: HolidayYear(holidays: [october], workdays: []))
        let newCalculator = DeadlineCalculator(calendar: corrected)
        let after = cache.status(of: r, rule: twentyDays, relatedPublishedOn: nil, today: day("2026-10-01"),
                                 calculator: newCalculator, calendarVersion: 2)
        #expect(after == fresh(r, twentyDays, today: day("2026-10-01"), newCalculator))
        #expect(after.dueOn != before.dueOn)
    }

    @Test func aChangedItemRuleMovesARememberedDeadline() {
        var cache = DeadlineCache()
        let r = makeRecord(formedOn: "2026-09-28", publishedOn: "2026-10-20")
        let twenty = cache.status(of: r, rule: twentyDays, relatedPublishedOn: nil, today: day("2026-12-01"),
                                  calculator: calculator, calendarVersion: 1)
        #expect(twenty.compliance == .onTime)
        let five = DeadlineRule.workingDays(5, from: .formedOn)
        let got = cache.status(of: r, rule: five, relatedPublishedOn: nil, today: day("2026-12-01"),
                               calculator: calculator, calendarVersion: 1)
        #expect(got == fresh(r, five, today: day("2026-12-01")))
        #expect(got.compliance == .late)
    }

    @Test func aChangedRecordOrRelatedPublicationIsRecomputed() {
        var cache = DeadlineCache()
        let rule = DeadlineRule.workingDays(5, from: .relatedPublishedOn)
        var r = makeRecord(formedOn: "2026-09-01", publishedOn: nil, relatedRecordId: "p")
        let none = cache.status(of: r, rule: rule, relatedPublishedOn: nil, today: day("2026-09-10"),
                                calculator: calculator, calendarVersion: 1)
        #expect(none.compliance == .noDeadline)
        let related = cache.status(of: r, rule: rule, relatedPublishedOn: day("2026-09-07"), today: day("2026-09-10"),
                                   calculator: calculator, calendarVersion: 1)
        #expect(related == fresh(r, rule, related: day("2026-09-07"), today: day("2026-09-10")))
        r.publishedOn = day("2026-09-30")
        let published = cache.status(of: r, rule: rule, relatedPublishedOn: day("2026-09-07"), today: day("2026-09-10"),
                                     calculator: calculator, calendarVersion: 1)
        #expect(published == fresh(r, rule, related: day("2026-09-07"), today: day("2026-09-10")))
        #expect(published.compliance == .late)
    }
}
