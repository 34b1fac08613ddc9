import GongkaiHTTP

/// If-None-Match on reads (RFC 9110 §13.1.2): a matching ETag turns a 200 into a 304 with
/// no body, so the website backend polls the catalogue for the price of a header.
enum Conditional {
    static func apply(to response: HTTPResponse, request: HTTPRequest) -> HTTPResponse {
        // Cheapest test first: most requests send no If-None-Match.
        guard let header = request.headers["If-None-Match"], response.status == 200,
              request.method == "GET" || request.method == "HEAD",
              let etag = response.headers["ETag"], !ETags.noneMatch(header, etag) else { return response }
        var headers = HTTPHeaders()
        for name in ["ETag", "Cache-Control", "Vary", "Content-Location", "Expires"] {
            for value in response.headers.values(name) { headers.add(name, value) }
        }
        return HTTPResponse(status: 304, headers: headers)
    }
}
