import GongkaiDomain

/// A record as the API shows it: the stored fields plus what is computed on every read —
/// its state and its deadline, recomputed so that a corrected calendar moves open deadlines.
struct RecordView: Encodable {
    var record: Record
    var state: String
    var deadline: DeadlineStatus

    /// `state`: published, pending or withdrawn.
    static func state(of r: Record) -> String {
        r.isWithdrawn ? "withdrawn" : (r.isPending ? "pending" : "published")
    }

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
    /// Remembered deadlines and encoded views, valid for `calendarVersion`; nil computes
    /// everything afresh (the data export, which reads every record once).
    var cache: RecordViewCache? = nil
    var calendarVersion = 0

    func view(_ r: Record) -> RecordView {
        views([r])[0]
    }

    /// The views of a page, with one lock taken for all their deadlines.
    func views(_ records: [Record]) -> [RecordView] {
        let deadlines = self.deadlines(records)
        return records.indices.map { RecordView(record: records[$0], state: RecordView.state(of: records[$0]), deadline: deadlines[$0]) }
    }

    func deadline(_ r: Record) -> DeadlineStatus {
        deadlines([r])[0]
    }

    /// The deadline of each record (remembered ones from the cache, under one lock).
    func deadlines(_ records: [Record]) -> [DeadlineStatus] {
        let calculator = DeadlineCalculator(calendar: calendar)
        if let cache {
            return cache.deadlines(records, calculator: calculator, calendarVersion: calendarVersion, today: today,
                                   inputs: inputs)
        }
        return records.map { r in
            let (rule, related) = inputs(r)
            return calculator.status(of: r, rule: rule, relatedPublishedOn: related, today: today)
        }
    }

    /// What a deadline depends on besides the record and the calendar: its item's rule (after
    /// any admin override) and the publication day of the record it relates to.
    private func inputs(_ r: Record) -> (rule: DeadlineRule, relatedPublishedOn: LocalDate?) {
        (catalogue.itemsById[r.itemId]?.deadlineRule ?? .none, r.relatedRecordId.flatMap(lookup)?.publishedOn)
    }

    /// The JSON of the `RecordList` of these records, byte for byte `RecordJSON.list` of their
    /// views, reusing the bytes of views encoded before.
    func listJSON(_ records: [Record], total: Int, next: String?) -> [UInt8] {
        guard let cache else { return RecordJSON.list(RecordList(records: views(records), total: total, next: next)) }
        let deadlines = self.deadlines(records)
        return RecordJSON.list(next: next, total: total, count: records.count) { out in
            cache.appendJSON(records, deadlines, to: &out)
        }
    }
}
