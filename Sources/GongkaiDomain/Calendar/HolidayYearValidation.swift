/// A mistake found in one year of holiday data, with a message in Chinese and English.
public struct HolidayYearProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Stable machine-readable code: `holiday_unnamed`, `holiday_reversed`, `holiday_outside_year`,
    /// `workday_outside_year`, `workday_in_holiday`, `workday_not_weekend`.
    public var code: String
    public var year: Int
    /// `中文说明 / English explanation`.
    public var message: String

    public init(code: String, year: Int, message: String) {
        self.code = code
        self.year = year
        self.message = message
    }

    public var description: String { message }
}

extension HolidayYear {
    /// How far a year's data may reach past 12-31 or before 01-01. The notice for a year can
    /// cross 元旦: the 2023 notice puts 元旦 on 2022-12-31 … 2023-01-02, and the 2012 notice made
    /// 2011-12-31 a working day. Anything further out is a wrong year.
    static let boundarySpillDays = 7

    /// Every problem in this data when it stands for `year`; empty means usable.
    ///
    /// - a holiday has a name and `from ≤ to`;
    /// - every date lies inside `year`, or within 7 days of its boundary (see `boundarySpillDays`),
    ///   and every holiday has at least one day inside `year`;
    /// - a make-up workday is not inside a holiday, and falls on a Saturday or Sunday
    ///   (a weekday is a working day anyway, so listing one is a typo).
    public func validate(year: Int) -> [HolidayYearProblem] {
        var problems: [HolidayYearProblem] = []
        func add(_ code: String, _ zh: String, _ en: String) {
            problems.append(HolidayYearProblem(code: code, year: year, message: "\(zh) / \(en)"))
        }
        let first = LocalDate(year: year, month: 1, day: 1)?.dayNumber ?? 0
        let last = LocalDate(year: year, month: 12, day: 31)?.dayNumber ?? 0
        let allowed = (first - Self.boundarySpillDays)...(last + Self.boundarySpillDays)

        for h in holidays {
            let label = h.name.isEmpty ? "?" : h.name
            if h.name.allSatisfy(\.isWhitespace) {
                add("holiday_unnamed",
                    "\(year)年的假期（\(h.from)至\(h.to)）缺少名称",
                    "a holiday of \(year) (\(h.from) to \(h.to)) has no name")
            }
            if h.from > h.to {
                add("holiday_reversed",
                    "\(year)年假期“\(label)”的开始日期\(h.from)晚于结束日期\(h.to)",
                    "holiday \(label) of \(year) starts (\(h.from)) after it ends (\(h.to))")
                continue
            }
            let touchesYear = h.from.dayNumber <= last && h.to.dayNumber >= first
            if !touchesYear || !allowed.contains(h.from.dayNumber) || !allowed.contains(h.to.dayNumber) {
                add("holiday_outside_year",
                    "\(year)年假期“\(label)”（\(h.from)至\(h.to)）不在\(year)年内",
                    "holiday \(label) (\(h.from) to \(h.to)) is not inside \(year)")
            }
        }

        for w in workdays {
            if !allowed.contains(w.dayNumber) {
                add("workday_outside_year",
                    "调休上班日\(w)不在\(year)年内",
                    "make-up workday \(w) is not inside \(year)")
            }
            if let h = holidays.first(where: { $0.from <= w && w <= $0.to }) {
                add("workday_in_holiday",
                    "调休上班日\(w)落在假期“\(h.name)”（\(h.from)至\(h.to)）之内",
                    "make-up workday \(w) lies inside holiday \(h.name) (\(h.from) to \(h.to))")
            }
            if !w.isWeekend {
                add("workday_not_weekend",
                    "调休上班日\(w)不是周六或周日",
                    "make-up workday \(w) is not a Saturday or Sunday")
            }
        }
        return problems
    }
}
