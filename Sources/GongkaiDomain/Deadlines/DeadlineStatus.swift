/// Whether a record met its 公开时限.
public enum Compliance: String, Sendable, Codable, CaseIterable {
    /// Published on or before the due date.
    case onTime = "on_time"
    /// Published after the due date.
    case late
    /// Not yet published, due date not passed (today ≤ due).
    case pending
    /// Not yet published and the due date has passed.
    case overdue
    /// The item's rule has no computable deadline, or the date it counts from is unknown.
    case noDeadline = "no_deadline"
}

/// A record's deadline as computed today, from the current calendar (never stored).
public struct DeadlineStatus: Sendable, Equatable, Codable {
    public var dueOn: LocalDate?
    /// Some day the computation looked at lies in a year without holiday data
    /// (Monday–Friday were counted there); the date may move when that year is added.
    public var calendarMissing: Bool
    public var compliance: Compliance
    /// For `late` only: working days after `dueOn` through the publication date. It can be 0
    /// when the record was published on a rest day right after the due date.
    public var lateByWorkingDays: Int?

    public init(dueOn: LocalDate?, calendarMissing: Bool, compliance: Compliance, lateByWorkingDays: Int? = nil) {
        self.dueOn = dueOn
        self.calendarMissing = calendarMissing
        self.compliance = compliance
        self.lateByWorkingDays = lateByWorkingDays
    }

    enum CodingKeys: String, CodingKey {
        case compliance
        case dueOn = "due_on"
        case calendarMissing = "calendar_missing"
        case lateByWorkingDays = "late_by_working_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dueOn = try c.decodeIfPresent(LocalDate.self, forKey: .dueOn)
        calendarMissing = try c.decodeIfPresent(Bool.self, forKey: .calendarMissing) ?? false
        compliance = try c.decode(Compliance.self, forKey: .compliance)
        lateByWorkingDays = try c.decodeIfPresent(Int.self, forKey: .lateByWorkingDays)
    }

    // Absent values are written as null so every client sees the full shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dueOn, forKey: .dueOn)
        try c.encode(calendarMissing, forKey: .calendarMissing)
        try c.encode(compliance, forKey: .compliance)
        try c.encode(lateByWorkingDays, forKey: .lateByWorkingDays)
    }
}
