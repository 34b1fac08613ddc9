/// One year of the 国务院办公厅关于YYYY年部分节假日安排的通知: the breaks, and the weekend days
/// worked instead (调休上班).
///
/// JSON: `{"holidays": [{"name": "春节", "from": "2026-02-15", "to": "2026-02-23"}],
/// "workdays": ["2026-02-14", "2026-02-28"], "source": "国办发明电〔…〕…号"}`.
/// Check it with `validate(year:)` before use; decoding alone checks only the shape.
public struct HolidayYear: Sendable, Equatable, Codable {
    /// A named break, both ends inclusive (e.g. 春节 2026-02-15 … 2026-02-23).
    public struct Holiday: Sendable, Equatable, Codable {
        public var name: String
        public var from: LocalDate
        public var to: LocalDate

        public init(name: String, from: LocalDate, to: LocalDate) {
            self.name = name
            self.from = from
            self.to = to
        }

        /// Every day of the break in order; empty when `from` is after `to`.
        public var days: [LocalDate] {
            guard from <= to else { return [] }
            return (from.dayNumber...to.dayNumber).map { LocalDate(dayNumber: $0) }
        }
    }

    public var holidays: [Holiday]
    /// 调休上班: days (normally Saturdays or Sundays) that are working days.
    public var workdays: [LocalDate]
    /// The notice the data comes from.
    public var source: String?

    public init(holidays: [Holiday], workdays: [LocalDate], source: String? = nil) {
        self.holidays = holidays
        self.workdays = workdays
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case holidays, workdays, source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        holidays = try c.decode([Holiday].self, forKey: .holidays)
        workdays = try c.decode([LocalDate].self, forKey: .workdays)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    // `source` is written as null when absent, so clients always see the full shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(holidays, forKey: .holidays)
        try c.encode(workdays, forKey: .workdays)
        try c.encode(source, forKey: .source)
    }
}
