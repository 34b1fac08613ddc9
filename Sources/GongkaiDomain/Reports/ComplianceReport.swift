/// How well offices and items kept their 公开时限 in a year.
public struct ComplianceReport: Sendable, Encodable {
    /// Counts of records by compliance state.
    public struct Counts: Sendable, Encodable, Equatable {
        public var onTime = 0
        public var late = 0
        public var pending = 0
        public var overdue = 0
        public var noDeadline = 0

        public init() {}

        public var total: Int { onTime + late + pending + overdue + noDeadline }

        /// Share of the records with a decided outcome that were on time (nil when none).
        public var onTimeRate: Double? {
            let decided = onTime + late + overdue
            return decided == 0 ? nil : (Double(onTime) / Double(decided) * 1000).rounded() / 1000
        }

        mutating func add(_ c: Compliance) {
            switch c {
            case .onTime: onTime += 1
            case .late: late += 1
            case .pending: pending += 1
            case .overdue: overdue += 1
            case .noDeadline: noDeadline += 1
            }
        }

        enum CodingKeys: String, CodingKey {
            case onTime = "on_time", late, pending, overdue, noDeadline = "no_deadline", total, onTimeRate = "on_time_rate"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(onTime, forKey: .onTime)
            try c.encode(late, forKey: .late)
            try c.encode(pending, forKey: .pending)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(noDeadline, forKey: .noDeadline)
            try c.encode(total, forKey: .total)
            try c.encode(onTimeRate, forKey: .onTimeRate)
        }
    }

    /// A record on the late or overdue list.
    public struct Entry: Sendable, Encodable {
        public var id: String
        public var indexNumber: String
        public var title: String
        public var office: String
        public var itemId: String
        public var dueOn: LocalDate?
        public var publishedOn: LocalDate?
        public var lateByWorkingDays: Int?

        enum CodingKeys: String, CodingKey {
            case id, title, office
            case indexNumber = "index_number"
            case itemId = "item_id"
            case dueOn = "due_on"
            case publishedOn = "published_on"
            case lateByWorkingDays = "late_by_working_days"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(indexNumber, forKey: .indexNumber)
            try c.encode(title, forKey: .title)
            try c.encode(office, forKey: .office)
            try c.encode(itemId, forKey: .itemId)
            try c.encode(dueOn, forKey: .dueOn)
            try c.encode(publishedOn, forKey: .publishedOn)
            try c.encode(lateByWorkingDays, forKey: .lateByWorkingDays)
        }
    }

    public var year: Int
    public var total = Counts()
    public var byOffice: [String: Counts] = [:]
    public var byItem: [String: Counts] = [:]
    public var overdue: [Entry] = []
    public var late: [Entry] = []

    /// Builds the report from records (withdrawn ones excluded) and their deadline status.
    public init(year: Int, records: [(Record, DeadlineStatus)]) {
        self.year = year
        for (record, status) in records where !record.isWithdrawn {
            guard ReportPeriod.year(of: record, dueOn: status.dueOn) == year else { continue }
            total.add(status.compliance)
            byOffice[record.office, default: Counts()].add(status.compliance)
            byItem[record.itemId, default: Counts()].add(status.compliance)
            let entry = Entry(id: record.id, indexNumber: record.indexNumber, title: record.title, office: record.office,
                              itemId: record.itemId, dueOn: status.dueOn, publishedOn: record.publishedOn,
                              lateByWorkingDays: status.lateByWorkingDays)
            if status.compliance == .overdue { overdue.append(entry) }
            if status.compliance == .late { late.append(entry) }
        }
        overdue.sort { ($0.dueOn ?? LocalDate(dayNumber: 0), $0.id) < ($1.dueOn ?? LocalDate(dayNumber: 0), $1.id) }
        late.sort { ($0.lateByWorkingDays ?? 0, $0.id) > ($1.lateByWorkingDays ?? 0, $1.id) }
    }

    enum CodingKeys: String, CodingKey {
        case year, total, overdue, late
        case byOffice = "by_office"
        case byItem = "by_item"
    }
}
