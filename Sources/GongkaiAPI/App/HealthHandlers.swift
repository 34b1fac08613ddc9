import GongkaiHTTP

enum HealthHandlers {
    /// `GET /healthz`: `ok` while the server is up and its storage is writable.
    static func health(_ ctx: RequestContext) throws -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(status: 200, headers: headers, body: Array("ok\n".utf8))
    }
}
