import GongkaiDomain

/// One version of the catalogue with its response bytes encoded once, so the hot
/// `GET /api/v1/catalogue` path copies bytes instead of encoding JSON per request.
/// A class so that a reader takes one reference, not a copy of every field.
final class CatalogueSnapshot: Sendable {
    let stored: StoredCatalogue
    let itemsById: [String: CatalogueItem]
    let body: [UInt8]
    let gzipBody: [UInt8]?
    let etag: String

    init(_ stored: StoredCatalogue) {
        self.stored = stored
        itemsById = Dictionary(stored.catalogue.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        body = JSONOutput.encode(CatalogueDocument(stored))
        gzipBody = Gzip.compress(body)
        etag = "\"c\(stored.version)-\(ContentHash.hex(body))\""
    }

    var catalogue: Catalogue { stored.catalogue }
    var version: Int { stored.version }
}
