import Foundation
import GongkaiDomain
import GongkaiHTTP

/// Public reads of the catalogue.
enum CatalogueHandlers {
    static let filterNames: Set<String> = ["category", "subcategory", "office", "channel", "method", "audience", "q"]

    /// `GET /api/v1/catalogue`: the whole catalogue from bytes encoded once per version, or a
    /// filtered copy encoded on demand.
    static func catalogue(_ ctx: RequestContext) throws -> HTTPResponse {
        let snapshot = ctx.services.catalogue.snapshot
        if ctx.request.query.isEmpty {
            return snapshot.response(ifNoneMatch: ctx.request.headers["If-None-Match"],
                                     acceptEncoding: ctx.request.headers["Accept-Encoding"])
        }
        let query = try QueryReader(ctx.request, allowed: filterNames)
        let filter = ItemFilter(query)
        let items = snapshot.catalogue.items.filter(filter.matches)
        return Responses.json(CatalogueDocument(snapshot.stored, items: items))
    }

    /// `GET /api/v1/catalogue/items/{id}`: the item and how many records it has.
    static func item(_ ctx: RequestContext) throws -> HTTPResponse {
        _ = try QueryReader(ctx.request, allowed: [])
        let id = ctx.parameter("id")
        guard let item = ctx.services.catalogue.snapshot.itemsById[id] else {
            throw APIError.notFound(Message("目录中没有事项 \(id)", "the catalogue has no item \(id)"))
        }
        let count = ctx.services.records.publishedCounts()[id] ?? 0
        return Responses.json(ItemView(item: item, recordCount: count))
    }

    /// `GET /api/v1/categories`: 一级事项 → 二级事项 → item ids, with record counts.
    static func categories(_ ctx: RequestContext) throws -> HTTPResponse {
        _ = try QueryReader(ctx.request, allowed: [])
        let counts = ctx.services.records.publishedCounts()
        let tree = CategoryTree(items: ctx.services.catalogue.snapshot.catalogue.items, counts: counts)
        return Responses.json(tree)
    }
}

/// An item plus the read-only fields the API adds.
struct ItemView: Encodable {
    var item: CatalogueItem
    var recordCount: Int

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(recordCount, forKey: .recordCount)
    }

    enum Keys: String, CodingKey { case recordCount = "record_count" }
}

/// Content negotiation for the precompressed catalogue.
enum Negotiation {
    /// True when the client accepts gzip with a non-zero quality.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        // What browsers and HTTP libraries send, decided without lowercasing or splitting.
        if header == "gzip" || header.hasPrefix("gzip, ") { return true }
        for part in header.lowercased().split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.first == "gzip" || pieces.first == "x-gzip" else { continue }
            if let q = pieces.dropFirst().first(where: { $0.hasPrefix("q=") }), Double(q.dropFirst(2)) == 0 { return false }
            return true
        }
        return false
    }
}
