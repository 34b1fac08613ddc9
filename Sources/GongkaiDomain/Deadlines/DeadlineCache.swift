/// Remembers each record's deadline between reads (issue 6: recomputing it walked the
/// working-day calendar day by day for every record of every page — a `late` record published
/// years after its due date counted thousands of days).
///
/// It is a memo of `DeadlineCalculator.status`, a pure function, so it cannot go stale by
/// itself: an entry is used only while everything it was computed from is unchanged — the
/// record's dates, its item's rule, the related record's publication day and the calendar
/// (by the version its owner bumps on every change). "Today" is not part of an entry: only an
/// unpublished record's compliance depends on it, and that is re-derived on every read
/// (`DeadlineStatus.seen(on:)`), so midnight in China moves pending → overdue without a flush.
///
/// A value: the owner keeps it behind a lock.
public struct DeadlineCache: Sendable {
    private struct Entry {
        var formedOn: LocalDate
        var publishedOn: LocalDate?
        var eventOn: LocalDate?
        var relatedPublishedOn: LocalDate?
        var rule: DeadlineRule
        var status: DeadlineStatus
    }

    /// The calendar version every entry was computed with.
    public private(set) var calendarVersion: Int?
    private var entries: [String: Entry] = [:]
    /// Entries kept at most; then the cache starts again empty (bounded memory without the
    /// bookkeeping of an LRU: a page's records are cheap to compute once more).
    public let capacity: Int

    public init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// How many records have a remembered deadline.
    public var count: Int { entries.count }

    /// `calculator.status(of:rule:relatedPublishedOn:today:)`, computed once per set of inputs.
    /// - Parameter calendarVersion: changes whenever `calculator.calendar` does.
    public mutating func status(of record: Record, rule: DeadlineRule, relatedPublishedOn: LocalDate?,
                                today: LocalDate, calculator: DeadlineCalculator,
                                calendarVersion: Int) -> DeadlineStatus {
        if calendarVersion != self.calendarVersion {
            entries.removeAll(keepingCapacity: true)
            self.calendarVersion = calendarVersion
        }
        if let e = entries[record.id], e.formedOn == record.formedOn, e.publishedOn == record.publishedOn,
           e.eventOn == record.eventOn, e.relatedPublishedOn == relatedPublishedOn, e.rule == rule {
            return e.status.seen(on: today)
        }
        let status = calculator.status(of: record, rule: rule, relatedPublishedOn: relatedPublishedOn, today: today)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[record.id] = Entry(formedOn: record.formedOn, publishedOn: record.publishedOn, eventOn: record.eventOn,
                                   relatedPublishedOn: relatedPublishedOn, rule: rule, status: status)
        return status
    }
}

extension DeadlineStatus {
    /// The same status as seen on `today`. Only an unpublished record's compliance depends on
    /// the day (pending while today ≤ due, overdue after); every other field is fixed by the
    /// record, its rule and the calendar.
    public func seen(on today: LocalDate) -> DeadlineStatus {
        guard compliance == .pending || compliance == .overdue, let due = dueOn else { return self }
        var status = self
        status.compliance = today <= due ? .pending : .overdue
        return status
    }
}
