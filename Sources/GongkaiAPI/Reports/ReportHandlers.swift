import Foundation
import GongkaiDomain
import GongkaiHTTP

/// Compliance, coverage, statistics and the annual-report table.
enum ReportHandlers {
    /// `GET /api/v1/compliance?year=&office=&item=` (any token): counts per office and item,
    /// the on-time rate, and the overdue and late lists.
    static func compliance(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireCaller()
        let query = try QueryReader(ctx.request, allowed: ["year", "office", "item"])
        let year = try query.int("year", range: 1900...9999) ?? ctx.today.year
        let office = query.string("office"), item = query.string("item")
        let presenter = ctx.services.presenter(today: ctx.today)
        let records = ctx.services.records.allRecords().filter { r in
            (office == nil || r.office == office) && (item == nil || r.itemId == item) && RecordService.isVisible(r, to: caller)
        }
        let report = ComplianceReport(year: year, records: records.map { ($0, presenter.deadline($0)) })
        return Responses.json(report, cache: "private, no-cache")
    }

    /// `GET /api/v1/coverage?year=`: catalogue items with no record published in the year.
    static func coverage(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try QueryReader(ctx.request, allowed: ["year"])
        let year = try query.int("year", range: 1900...9999) ?? ctx.today.year
        let report = CoverageReport(year: year, items: ctx.services.catalogue.snapshot.catalogue.items,
                                    records: ctx.services.records.allRecords())
        return Responses.json(report)
    }

    /// `GET /api/v1/stats?year=`: records per 一级事项, item, office and month.
    static func stats(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try QueryReader(ctx.request, allowed: ["year"])
        let year = try query.int("year", range: 1900...9999) ?? ctx.today.year
        return Responses.json(PublicationStats(year: year, items: ctx.services.catalogue.snapshot.catalogue.items,
                                               records: ctx.services.records.allRecords()))
    }

    /// `GET /api/v1/reports/annual/{year}[?format=csv]`: section 二 of the annual report.
    static func annual(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try QueryReader(ctx.request, allowed: ["format"])
        let year = try CalendarHandlers.year(ctx)
        let section = annualSection(ctx, year: year)
        switch query.string("format") {
        case nil, "json":
            return Responses.json(section)
        case "csv":
            var response = Responses.json(CSV.encode(section.csvRows))
            response.headers.set("Content-Type", "text/csv; charset=utf-8")
            response.headers.set("Content-Disposition", "attachment; filename=\"annual-report-\(year)-section2.csv\"; filename*=UTF-8''\(Percent.encodeSegment("\(year)年政府信息公开工作年度报告-二.csv"))")
            return response
        default:
            throw APIError.badRequest(Message("format 只能是 json 或 csv", "format must be json or csv"))
        }
    }

    /// `PUT /api/v1/reports/annual/{year}/fees` (admin) `{"amount": 12.5}`: 行政事业性收费, 万元.
    static func putFees(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireAdmin()
        let year = try CalendarHandlers.year(ctx)
        let body = try ctx.jsonObject()
        _ = try FieldReader(body, allowed: ["amount"])
        guard case let .number(amount)? = body["amount"], amount >= 0, amount < 1e9 else {
            throw APIError.invalidFields([FieldProblem("amount", "必须是不小于 0 的数字（单位：万元）", "must be a number ≥ 0 (in 万元)")])
        }
        try ctx.services.reports.setFees(year: year, amount: amount)
        ctx.services.recordAudit(caller, action: "report.fees", target: String(year), before: nil, after: nil,
                                     detail: String(amount), now: ctx.now)
        return Responses.json(annualSection(ctx, year: year), cache: "no-store")
    }

    static func annualSection(_ ctx: RequestContext, year: Int) -> AnnualReportSection2 {
        AnnualReportSection2(year: year, items: ctx.services.catalogue.snapshot.catalogue.items,
                             records: ctx.services.records.allRecords(), fees: ctx.services.reports.fees(year: year))
    }
}
