import GongkaiDomain
import GongkaiHTTP

/// One version of the catalogue with its response bytes encoded once, so the hot
/// `GET /api/v1/catalogue` path copies bytes instead of encoding JSON per request.
/// A class so that a reader takes one reference, not a copy of every field.
final class CatalogueSnapshot: Sendable {
    let stored: StoredCatalogue
    let itemsById: [String: CatalogueItem]
    let body: [UInt8]
    let gzipBody: [UInt8]?
    let etag: String
    /// The three answers to an unfiltered GET, built into libmicrohttpd responses once per
    /// version (issue 6, floor 1): the per-request cost is choosing one of them.
    let plainResponse: HTTPResponse
    let gzipResponse: HTTPResponse?
    let notModifiedResponse: HTTPResponse

    init(_ stored: StoredCatalogue) {
        self.stored = stored
        itemsById = Dictionary(stored.catalogue.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        body = JSONOutput.encode(CatalogueDocument(stored))
        gzipBody = Gzip.compress(body)
        etag = "\"c\(stored.version)-\(ContentHash.hex(body))\""

        var plain = Responses.json(body, etag: etag)
        plain.headers.add("Vary", "Accept-Encoding")
        plain.headers.add("X-Content-Type-Options", "nosniff")
        plainResponse = Self.prepare(plain)
        gzipResponse = gzipBody.map { gzip in
            var compressed = plain
            compressed.body = gzip
            compressed.headers.add("Content-Encoding", "gzip")
            return Self.prepare(compressed)
        }
        var notModified = HTTPResponse(status: 304)
        for name in ["ETag", "Cache-Control", "Vary", "X-Content-Type-Options"] {
            notModified.headers.add(name, plain.headers[name] ?? "")
        }
        notModifiedResponse = Self.prepare(notModified)
    }

    var catalogue: Catalogue { stored.catalogue }
    var version: Int { stored.version }

    /// The answer to an unfiltered GET with these request headers.
    func response(ifNoneMatch: String?, acceptEncoding: String?) -> HTTPResponse {
        if let ifNoneMatch, !ETags.noneMatch(ifNoneMatch, etag) { return notModifiedResponse }
        if let gzipResponse, Negotiation.acceptsGzip(acceptEncoding) { return gzipResponse }
        return plainResponse
    }

    /// The response with its prepared libmicrohttpd object, or as it is should MHD refuse it.
    private static func prepare(_ response: HTTPResponse) -> HTTPResponse {
        PreparedResponse(response).map(HTTPResponse.init) ?? response
    }
}
