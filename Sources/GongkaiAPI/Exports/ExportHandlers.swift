import GongkaiDomain
import GongkaiHTTP

/// Spreadsheet exports and Atom feeds. Filters, visibility and order are those of the JSON
/// endpoints: the catalogue through `ItemFilter`, records through `RecordHandlers.recordQuery`.
enum ExportHandlers {
    /// `GET /api/v1/catalogue.csv`: the catalogue (or the filtered part of it) as CSV.
    static func catalogueCSV(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try QueryReader(ctx.request, allowed: CatalogueHandlers.filterNames)
        let filter = ItemFilter(query)
        let items = ctx.services.catalogue.snapshot.catalogue.items.filter(filter.matches)
        return csv(ExportTables.catalogueRows(items), ascii: "catalogue.csv", name: "政府信息公开基本目录.csv", cache: "public, no-cache")
    }

    /// `GET /api/v1/records.csv`: every matching record (not one page) unless `limit` is given.
    static func recordsCSV(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.caller()
        var query = try RecordHandlers.recordQuery(ctx, caller: caller, maxLimit: 1_000_000)
        if ctx.request.queryValue("limit") == nil { query.limit = Int.max }
        let page = ctx.services.records.query(query)
        let presenter = ctx.services.presenter(today: ctx.today)
        let rows = ExportTables.recordRows(page.records.map(presenter.view), catalogue: presenter.catalogue)
        var response = csv(rows, ascii: "records.csv", name: "发布记录.csv", cache: Responses.cache(for: caller))
        response.headers.add("Vary", "Authorization")
        return response
    }

    /// `GET /api/v1/records.atom`: the newest records (50 unless `limit` says otherwise, at
    /// most 200) as an Atom feed; `item` and `office` give per-item and per-office feeds.
    static func recordsAtom(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.caller()
        var query = try RecordHandlers.recordQuery(ctx, caller: caller, maxLimit: 200)
        if ctx.request.queryValue("limit") == nil { query.limit = 50 }
        let page = ctx.services.records.query(query)
        let presenter = ctx.services.presenter(today: ctx.today)
        let snapshot = presenter.catalogue
        var title = "\(ctx.services.config.agencyName) 政府信息公开发布记录"
        if let items = query.itemIds {
            let names = items.sorted().map { id in
                snapshot.itemsById[id].map { "\(id) \($0.subcategory.isEmpty ? $0.category : $0.subcategory)" } ?? id
            }
            title += " · 事项 " + names.joined(separator: "、")
        }
        if let office = query.office { title += " · \(office)" }
        let suffix = ctx.request.query.filter { $0.name != "cursor" && $0.name != "limit" }
            .sorted { ($0.name, $0.value) < ($1.name, $1.value) }
            .map { ":\(Percent.encodeSegment($0.name)):\(Percent.encodeSegment($0.value))" }.joined()
        let feed = AtomFeed(agencyName: ctx.services.config.agencyName, agencyCode: ctx.services.config.agencyCode,
                            title: title, selfPath: selfPath(ctx.request), idSuffix: suffix, base: baseURL(ctx.request),
                            fallbackUpdated: snapshot.stored.updatedAt, entries: page.records.map(presenter.view),
                            catalogue: snapshot)
        var response = Responses.json(feed.render(), cache: Responses.cache(for: caller))
        response.headers.set("Content-Type", "application/atom+xml; charset=utf-8")
        response.headers.add("Vary", "Authorization")
        return response
    }

    static func csv(_ rows: [[String]], ascii: String, name: String, cache: String) -> HTTPResponse {
        var response = Responses.json(CSV.encode(rows), cache: cache)
        response.headers.set("Content-Type", "text/csv; charset=utf-8; header=present")
        response.headers.set("Content-Disposition", ExportTables.contentDisposition(ascii: ascii, utf8: name))
        return response
    }

    /// `scheme://host` from the Host header (and X-Forwarded-Proto behind a TLS proxy), or nil
    /// when the header is missing or holds anything but a host name, address and port.
    static func baseURL(_ request: HTTPRequest) -> String? {
        guard let host = request.headers["Host"], !host.isEmpty, host.utf8.count <= 255,
              host.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0)) })
        else { return nil }
        let scheme = request.headers["X-Forwarded-Proto"]?.lowercased() == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }

    /// The request's own path and query, re-encoded.
    static func selfPath(_ request: HTTPRequest) -> String {
        let query = request.query.map { "\(Percent.encodeSegment($0.name))=\(Percent.encodeSegment($0.value))" }
        return request.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
