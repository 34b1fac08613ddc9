import GongkaiDomain

/// A record as the API shows it: the stored fields plus what is computed on every read —
/// its state and its deadline, recomputed so that a corrected calendar moves open deadlines.
struct RecordView: Encodable {
    var record: Record
    var state: String
    var deadline: DeadlineStatus

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(state, forKey: .state)
        try c.encode(deadline.dueOn, forKey: .dueOn)
        try c.encode(deadline.compliance, forKey: .compliance)
        try c.encode(deadline.lateByWorkingDays, forKey: .lateBy)
        try c.encode(deadline.calendarMissing, forKey: .calendarMissing)
    }

    enum Keys: String, CodingKey {
        case state, compliance
        case dueOn = "due_on"
        case lateBy = "late_by_working_days"
        case calendarMissing = "calendar_missing"
    }
}

/// Computes views with one consistent catalogue, calendar and today.
struct RecordPresenter {
    let catalogue: CatalogueSnapshot
    let calendar: WorkingCalendar
    let today: LocalDate
    let lookup: (String) -> Record?

    func view(_ r: Record) -> RecordView {
        let state = r.isWithdrawn ? "withdrawn" : (r.isPending ? "pending" : "published")
        return RecordView(record: r, state: state, deadline: deadline(r))
    }

    func deadline(_ r: Record) -> DeadlineStatus {
        let rule = catalogue.itemsById[r.itemId]?.deadlineRule ?? .none
        let related = r.relatedRecordId.flatMap(lookup)?.publishedOn
        return DeadlineCalculator(calendar: calendar).status(of: r, rule: rule, relatedPublishedOn: related, today: today)
    }
}
