import GongkaiHTTP

/// A handler with a stable name for logs and metrics (the pattern, not the concrete path).
struct Route: Sendable {
    let name: String
    let run: @Sendable (RequestContext) throws -> HTTPResponse
}
