import GongkaiHTTP

/// Every endpoint of the API, in one table.
enum Routes {
    static func router() -> Router<Route> {
        var r = Router<Route>()
        func add(_ method: String, _ pattern: String, _ run: @escaping @Sendable (RequestContext) throws -> HTTPResponse) {
            r.add(method, pattern, Route(name: "\(method) \(pattern)", run: run))
        }
        add("GET", "/healthz", HealthHandlers.health)
        add("GET", "/metrics", MetricsHandlers.metrics)

        add("GET", "/api/v1/catalogue", CatalogueHandlers.catalogue)
        add("GET", "/api/v1/catalogue/items/{id}", CatalogueHandlers.item)
        add("GET", "/api/v1/categories", CatalogueHandlers.categories)
        add("POST", "/api/v1/catalogue/items", CatalogueAdminHandlers.create)
        add("PUT", "/api/v1/catalogue/items/{id}", CatalogueAdminHandlers.replace)
        add("DELETE", "/api/v1/catalogue/items/{id}", CatalogueAdminHandlers.delete)
        add("POST", "/api/v1/catalogue/import", CatalogueAdminHandlers.importText)

        add("GET", "/api/v1/records", RecordHandlers.list)
        add("POST", "/api/v1/records", RecordHandlers.create)
        add("GET", "/api/v1/records/{id}", RecordHandlers.get)
        add("PATCH", "/api/v1/records/{id}", RecordHandlers.patch)
        add("POST", "/api/v1/records/{id}/withdraw", RecordHandlers.withdraw)

        add("GET", "/api/v1/me", MeHandler.me)
        add("GET", "/api/v1/audit", AuditHandlers.list)
        add("GET", "/api/v1/compliance", ReportHandlers.compliance)
        add("GET", "/api/v1/coverage", ReportHandlers.coverage)
        add("GET", "/api/v1/stats", ReportHandlers.stats)
        add("GET", "/api/v1/reports/annual/{year}", ReportHandlers.annual)
        add("PUT", "/api/v1/reports/annual/{year}/fees", ReportHandlers.putFees)
        add("GET", "/api/v1/calendar/{year}", CalendarHandlers.get)
        add("PUT", "/api/v1/calendar/{year}", CalendarHandlers.put)

        add("GET", "/api/v1/openapi.json", OpenAPIHandlers.document)
        add("GET", "/api/v1/catalogue.csv", ExportHandlers.catalogueCSV)
        add("GET", "/api/v1/records.csv", ExportHandlers.recordsCSV)
        add("GET", "/api/v1/records.atom", ExportHandlers.recordsAtom)
        return r
    }
}
