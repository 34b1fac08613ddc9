import GongkaiStorage
import GongkaiHTTP

enum AuditHandlers {
    /// `GET /api/v1/audit?limit=`: every write, newest first (admin only).
    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        _ = try ctx.requireAdmin()
        let query = try QueryReader(ctx.request, allowed: ["limit"])
        let limit = try query.int("limit", range: 1...10_000) ?? 100
        return Responses.json(AuditPage(entries: ctx.services.audit.entries(limit: limit)), cache: "private, no-store")
    }
}

struct AuditPage: Encodable {
    var entries: [AuditEntry]
}
