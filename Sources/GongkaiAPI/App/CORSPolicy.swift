import GongkaiHTTP

/// CORS (WHATWG Fetch): public reads are open to any origin; configured origins may also
/// write. Headers a web client needs (ETag for If-Match, Location, Retry-After) are exposed.
struct CORSPolicy: Sendable {
    let allowedOrigins: Set<String>

    static let exposed = "ETag, Location, Retry-After, X-Request-Id, Link, Content-Disposition"

    func decorate(_ response: inout HTTPResponse, request: HTTPRequest) {
        guard let origin = request.headers["Origin"] else { return }
        if allowedOrigins.contains(origin) {
            response.headers.set("Access-Control-Allow-Origin", origin)
            response.headers.add("Vary", "Origin")
        } else if request.method == "GET" || request.method == "HEAD" {
            response.headers.set("Access-Control-Allow-Origin", "*")
        } else {
            return
        }
        response.headers.set("Access-Control-Expose-Headers", Self.exposed)
    }

    func preflight(_ response: inout HTTPResponse, request: HTTPRequest, allowed: [String]) {
        guard let origin = request.headers["Origin"] else { return }
        let trusted = allowedOrigins.contains(origin)
        let methods = trusted ? allowed : allowed.filter { $0 == "GET" || $0 == "HEAD" }
        guard !methods.isEmpty else { return }
        response.headers.set("Access-Control-Allow-Origin", trusted ? origin : "*")
        if trusted { response.headers.add("Vary", "Origin") }
        response.headers.set("Access-Control-Allow-Methods", (methods + ["OPTIONS"]).joined(separator: ", "))
        response.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id")
        response.headers.set("Access-Control-Max-Age", "600")
    }
}
