/// Computes due dates and compliance from a rule, a record and a working calendar.
/// Pure: "today" is always a parameter, and nothing is stored, so a new calendar moves every
/// open deadline at once.
///
/// How each rule counts (the anchor day itself never counts, 民法典第二百零一条):
/// - `workingDays(n)`: the n-th working day after the anchor.
/// - `calendarDays(n)`, `months(n)`: the anchor plus n days / n months (a month after 01-31 is
///   02-28 or 02-29); if that day is a rest day (weekend or holiday, 调休 respected), the period
///   ends on the next working day (民法典第二百零三条).
/// - `annual(m, d)`: m/d of the year after the year of `formed_on`. Reading: the rule is a
///   yearly report (每年1月31日前公开上一年度年报), and `formed_on` is a day inside the year the
///   report covers, so the report of year Y is due on Y+1-01-31. A fixed date is not a period,
///   so it does not move off a rest day. (A report whose `formed_on` is the day it was written,
///   early in Y+1, would be given Y+2 — enter a day of the covered year.)
public struct DeadlineCalculator: Sendable {
    public var calendar: WorkingCalendar

    public init(calendar: WorkingCalendar) {
        self.calendar = calendar
    }

    /// The due date of `rule`, or nil when it has none or the day it counts from is unknown.
    public func dueDate(rule: DeadlineRule, formedOn: LocalDate, relatedPublishedOn: LocalDate?,
                        eventOn: LocalDate?) -> (dueOn: LocalDate, calendarMissing: Bool)? {
        func anchorDay(_ anchor: DeadlineRule.Anchor) -> LocalDate? {
            switch anchor {
            case .formedOn: return formedOn
            case .relatedPublishedOn: return relatedPublishedOn
            case .eventOn: return eventOn
            }
        }
        switch rule {
        case .none:
            return nil
        case let .workingDays(n, anchor):
            guard let start = anchorDay(anchor) else { return nil }
            let r = calendar.addingWorkingDays(n, to: start)
            return (r.date, r.calendarMissing)
        case let .calendarDays(n, anchor):
            guard let start = anchorDay(anchor) else { return nil }
            let r = calendar.firstWorkingDay(onOrAfter: start.adding(days: n))
            return (r.date, r.calendarMissing)
        case let .months(n, anchor):
            guard let start = anchorDay(anchor) else { return nil }
            let r = calendar.firstWorkingDay(onOrAfter: start.adding(months: n))
            return (r.date, r.calendarMissing)
        case let .annual(month, day):
            let year = formedOn.year + 1
            guard (1...12).contains(month), day >= 1 else { return nil }
            let clamped = min(day, LocalDate.daysIn(month: month, year: year))
            guard let due = LocalDate(year: year, month: month, day: clamped) else { return nil }
            return (due, false)
        }
    }

    /// The record's deadline status today.
    /// - Parameters:
    ///   - rule: the rule of the record's catalogue item (after any admin override).
    ///   - relatedPublishedOn: `published_on` of the record named by `related_record_id`, if any.
    ///   - today: the current day in China.
    /// `pending` = unpublished and today ≤ due; `overdue` = unpublished and today > due;
    /// `on_time` = published ≤ due; `late` = published > due, with `late_by_working_days`.
    public func status(of record: Record, rule: DeadlineRule, relatedPublishedOn: LocalDate?,
                       today: LocalDate) -> DeadlineStatus {
        guard let (due, missing) = dueDate(rule: rule, formedOn: record.formedOn,
                                           relatedPublishedOn: relatedPublishedOn, eventOn: record.eventOn) else {
            return DeadlineStatus(dueOn: nil, calendarMissing: false, compliance: .noDeadline)
        }
        guard let published = record.publishedOn else {
            return DeadlineStatus(dueOn: due, calendarMissing: missing,
                                  compliance: today <= due ? .pending : .overdue)
        }
        if published <= due {
            return DeadlineStatus(dueOn: due, calendarMissing: missing, compliance: .onTime)
        }
        let late = calendar.countWorkingDays(after: due, through: published)
        return DeadlineStatus(dueOn: due, calendarMissing: missing || late.calendarMissing,
                              compliance: .late, lateByWorkingDays: late.count)
    }
}
