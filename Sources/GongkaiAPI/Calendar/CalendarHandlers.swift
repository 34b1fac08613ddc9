import Foundation
import GongkaiDomain
import GongkaiHTTP

/// `GET/PUT /api/v1/calendar/{year}`: the holidays and make-up working days deadlines use.
enum CalendarHandlers {
    static func get(_ ctx: RequestContext) throws -> HTTPResponse {
        _ = try QueryReader(ctx.request, allowed: [])
        let year = try self.year(ctx)
        let calendar = ctx.services.calendar.current
        return Responses.json(CalendarYearView(year: year, data: calendar.years[year], calendar: calendar))
    }

    /// Adds or corrects a year (admin). Open deadlines move at once: they are recomputed on
    /// every read, never stored.
    static func put(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireAdmin()
        let year = try self.year(ctx)
        let object = try ctx.jsonObject()
        _ = try FieldReader(object, allowed: ["holidays", "workdays", "source", "year", "working_days_in_year", "days"])
        var clean = object
        for readOnly in ["year", "working_days_in_year", "days"] { clean[readOnly] = nil }
        let data: HolidayYear
        do {
            data = try JSONDecoder().decode(HolidayYear.self, from: Data(JSONOutput.encode(clean)))
        } catch {
            throw APIError.invalidFields([FieldProblem("holidays", "格式应为 {holidays:[{name,from,to}], workdays:[日期], source}", "expected {holidays:[{name,from,to}], workdays:[dates], source}: \(RequestContext.describe(error))")])
        }
        let problems = data.validate(year: year)
        if !problems.isEmpty {
            throw APIError.invalidFields(problems.map { FieldProblem($0.code, $0.message, $0.message) })
        }
        let before = ctx.services.calendar.year(year) == nil ? nil : 1
        try ctx.services.calendar.put(year: year, data)
        ctx.services.recordAudit(caller, action: "calendar.put", target: String(year), before: before, after: 1, now: ctx.now)
        let calendar = ctx.services.calendar.current
        return Responses.json(CalendarYearView(year: year, data: calendar.years[year], calendar: calendar), cache: "no-store")
    }

    static func year(_ ctx: RequestContext) throws -> Int {
        let text = ctx.parameter("year")
        guard text.count == 4, let year = Int(text), (1900...9999).contains(year) else {
            throw APIError.badRequest(Message("年份必须是四位数字（收到 \(text.prefix(10))）", "the year must have four digits (got \(text.prefix(10)))"))
        }
        return year
    }
}

/// A year of the calendar as the API shows it, with its count of working days so an
/// administrator can check a new notice against the published total.
struct CalendarYearView: Encodable {
    var year: Int
    var data: HolidayYear?
    var workingDaysInYear: Int

    init(year: Int, data: HolidayYear?, calendar: WorkingCalendar) {
        self.year = year
        self.data = data
        let last = LocalDate(year: year, month: 1, day: 1)!.adding(days: -1)
        workingDaysInYear = calendar.workingDays(after: last, through: LocalDate(year: year, month: 12, day: 31)!)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(year, forKey: .year)
        try c.encode(data == nil, forKey: .calendarMissing)
        try c.encode(data?.holidays ?? [], forKey: .holidays)
        try c.encode(data?.workdays ?? [], forKey: .workdays)
        try c.encode(data?.source, forKey: .source)
        try c.encode(workingDaysInYear, forKey: .workingDays)
    }

    enum Keys: String, CodingKey {
        case year, holidays, workdays, source
        case calendarMissing = "calendar_missing"
        case workingDays = "working_days_in_year"
    }
}
