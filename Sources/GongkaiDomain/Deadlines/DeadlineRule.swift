/// 公开时限 as data: from which day a record's clock runs, and for how long.
public enum DeadlineRule: Sendable, Equatable, Hashable {
    /// N working days after the anchor day (the anchor day itself does not count).
    case workingDays(Int, from: Anchor)
    /// N calendar months after the anchor day.
    case months(Int, from: Anchor)
    /// N calendar days after the anchor day.
    case calendarDays(Int, from: Anchor)
    /// A fixed day of the year after the anchor's year, e.g. 每年1月31日前 → month 1, day 31.
    case annual(month: Int, day: Int)
    /// No computable deadline: 按规定时限, 实时公开, 及时公开, or text the parser cannot read.
    case none

    /// Which date of a record starts the clock.
    public enum Anchor: String, Sendable, Codable, CaseIterable {
        /// 形成或变更之日: the record's `formed_on`.
        case formedOn = "formed_on"
        /// The publication date of the record named by `related_record_id` (政策解读).
        case relatedPublishedOn = "related_published_on"
        /// The record's `event_on`, e.g. the day a consultation closed.
        case eventOn = "event_on"
    }
}

extension DeadlineRule: Codable {
    enum CodingKeys: String, CodingKey { case kind, days, months, from, month, day }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        func count(_ key: CodingKeys) throws -> Int {
            let n = try c.decode(Int.self, forKey: key)
            guard (1...3660).contains(n) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "must be between 1 and 3660")
            }
            return n
        }
        switch kind {
        case "working_days":
            self = .workingDays(try count(.days), from: try c.decode(Anchor.self, forKey: .from))
        case "calendar_days":
            self = .calendarDays(try count(.days), from: try c.decode(Anchor.self, forKey: .from))
        case "months":
            self = .months(try count(.months), from: try c.decode(Anchor.self, forKey: .from))
        case "annual":
            let m = try c.decode(Int.self, forKey: .month), d = try c.decode(Int.self, forKey: .day)
            guard LocalDate(year: 2001, month: m, day: d) != nil else {
                throw DecodingError.dataCorruptedError(forKey: .day, in: c, debugDescription: "not a day of the year")
            }
            self = .annual(month: m, day: d)
        case "none":
            self = .none
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                debugDescription: "kind must be working_days, calendar_days, months, annual or none")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .workingDays(n, anchor):
            try c.encode("working_days", forKey: .kind)
            try c.encode(n, forKey: .days)
            try c.encode(anchor, forKey: .from)
        case let .calendarDays(n, anchor):
            try c.encode("calendar_days", forKey: .kind)
            try c.encode(n, forKey: .days)
            try c.encode(anchor, forKey: .from)
        case let .months(n, anchor):
            try c.encode("months", forKey: .kind)
            try c.encode(n, forKey: .months)
            try c.encode(anchor, forKey: .from)
        case let .annual(month, day):
            try c.encode("annual", forKey: .kind)
            try c.encode(month, forKey: .month)
            try c.encode(day, forKey: .day)
        case .none:
            try c.encode("none", forKey: .kind)
        }
    }
}
