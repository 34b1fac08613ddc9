import Foundation
import GongkaiHTTP
import Logging
import Synchronization

/// The application as libmicrohttpd's threads see it: route, run, turn errors into
/// problem+json, add the headers every response carries, count and log.
final class APIHandler: HTTPHandler {
    let services: Services
    let router: Router<Route>
    private let requestIds: RequestIdGenerator
    private let cors: CORSPolicy

    init(services: Services) {
        self.services = services
        router = Routes.router()
        requestIds = RequestIdGenerator()
        cors = CORSPolicy(allowedOrigins: Set(services.config.corsOrigins))
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = Monotonic.nanoseconds()
        let requestId = requestIds.id(honouring: request.headers["X-Request-Id"])
        var routeName = "static"
        let response: HTTPResponse
        if let cached = cachedCatalogue(request, requestId) {
            // The hottest read (the website backend polls it): no router, no context, no
            // conditional evaluation beyond the snapshot's own, no headers to add.
            routeName = Self.catalogueRoute
            response = cached
        } else if request.method == "OPTIONS" {
            routeName = "OPTIONS"
            response = preflight(request)
        } else {
            switch router.match(method: request.method, path: request.path) {
            case let .found(route, parameters):
                routeName = route.name
                if parameters.isEmpty {
                    response = run(route, request, requestId, started)
                } else {
                    var request = request
                    request.pathParameters = parameters
                    response = run(route, request, requestId, started)
                }
            case .methodNotAllowed(let allowed):
                routeName = "method-not-allowed"
                response = Problem.response(for: APIError.methodNotAllowed(allowed: allowed + ["OPTIONS"]), requestId: requestId.text)
            case .notFound:
                response = serveStatic(request, requestId, started)
            }
        }
        // An answer given later is finished when it is ready (`RequestContext.answerLater`).
        if response.pending != nil { return response }
        return finish(response, request: request, requestId: requestId, routeName: routeName, started: started)
    }

    /// What every answer goes through last: conditional requests, the common headers,
    /// metrics and the access log.
    func finish(_ response: HTTPResponse, request: HTTPRequest, requestId: RequestId,
                routeName: String, started: Int) -> HTTPResponse {
        var response = response
        // A prepared answer was chosen with If-None-Match already (the catalogue snapshot's).
        if response.prepared == nil {
            response = Conditional.apply(to: response, request: request)
        }
        decorate(&response, request: request, requestId: requestId)
        let nanoseconds = Monotonic.nanoseconds() - started
        services.metrics.observe(route: routeName, status: response.status, seconds: Double(nanoseconds) / 1e9)
        // Buffered, written by a background thread: the request never waits for stderr.
        services.accessLog?.record(method: request.method, path: request.path, status: response.status,
                                   bytes: response.body.count, micros: nanoseconds / 1000,
                                   remote: request.remoteAddress, requestId: requestId)
        return response
    }

    static let catalogueRoute = "GET /api/v1/catalogue"

    /// The unfiltered catalogue's prepared answer when nothing per request must be added to
    /// it: no Origin (CORS headers) and no client X-Request-Id (to echo). Nil otherwise, and
    /// the request takes the router like any other.
    private func cachedCatalogue(_ request: HTTPRequest, _ requestId: RequestId) -> HTTPResponse? {
        guard request.query.isEmpty, request.path == "/api/v1/catalogue",
              request.method == "GET" || request.method == "HEAD",
              requestId.given == nil, request.headers["Origin"] == nil else { return nil }
        return services.catalogue.snapshot.response(ifNoneMatch: request.headers["If-None-Match"],
                                                    acceptEncoding: request.headers["Accept-Encoding"])
    }

    func reject(_ rejection: HTTPRejection, method: String, target: String, headers: HTTPHeaders) -> HTTPResponse {
        var response = Problem.response(for: rejection)
        let requestId = requestIds.id(honouring: headers["X-Request-Id"]).text
        response.headers.set("X-Request-Id", requestId)
        response.headers.set("X-Content-Type-Options", "nosniff")
        services.metrics.observe(route: "rejected", status: response.status, seconds: 0)
        services.logger.notice("rejected", metadata: [
            "method": .string(method), "status": .stringConvertible(response.status), "request_id": .string(requestId),
            "reason": .string(String(describing: rejection)),
        ])
        return response
    }

    private func run(_ route: Route, _ request: HTTPRequest, _ requestId: RequestId, _ started: Int) -> HTTPResponse {
        let ctx = RequestContext(request: request, now: Date().timeIntervalSince1970, services: services,
                                 requestId: requestId, routeName: route.name, started: started, handler: self)
        do {
            return try route.run(ctx)
        } catch {
            return problem(for: error, requestId: requestId)
        }
    }

    /// The one place an error thrown while answering becomes problem+json; an error that is
    /// not the API's own is a fault, and logged.
    func problem(for error: any Error, requestId: RequestId) -> HTTPResponse {
        if !(error is APIError) {
            services.logger.error("request failed", metadata: ["request_id": .string(requestId.text), "error": .string(String(describing: error))])
        }
        return Problem.response(for: error, requestId: requestId.text)
    }

    /// Paths outside the API serve `Public/`; unknown API paths are a problem+json 404.
    private func serveStatic(_ request: HTTPRequest, _ requestId: RequestId, _ started: Int) -> HTTPResponse {
        if request.path == "/api" || request.path.hasPrefix("/api/") {
            return Problem.response(for: APIError.notFound(Message("没有这个接口：\(request.path)", "no such endpoint: \(request.path)")), requestId: requestId.text)
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return Problem.response(for: APIError.methodNotAllowed(allowed: ["GET", "HEAD", "OPTIONS"]), requestId: requestId.text)
        }
        return run(Route(name: "static", run: StaticHandlers.serve), request, requestId, started)
    }

    private func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var allowed: [String]
        switch router.match(method: "GET", path: request.path) {
        case .found: allowed = ["GET", "HEAD"]
        case let .methodNotAllowed(methods): allowed = methods
        case .notFound: allowed = request.path.hasPrefix("/api/") ? [] : ["GET", "HEAD"]
        }
        for method in ["POST", "PUT", "PATCH", "DELETE"] {
            if case .found = router.match(method: method, path: request.path) { allowed.append(method) }
        }
        guard !allowed.isEmpty else {
            return Problem.response(for: APIError.notFound(Message("没有这个接口：\(request.path)", "no such endpoint: \(request.path)")), requestId: nil)
        }
        var response = HTTPResponse(status: 204)
        response.headers.add("Allow", (allowed + ["OPTIONS"]).joined(separator: ", "))
        cors.preflight(&response, request: request, allowed: allowed)
        return response
    }

    /// A prepared response (the catalogue, built once per version) already says nosniff and
    /// goes out as built, without an X-Request-Id, unless the client sent one to be echoed;
    /// every other response gets both. The access log records the id either way.
    private func decorate(_ response: inout HTTPResponse, request: HTTPRequest, requestId: RequestId) {
        if response.prepared == nil || requestId.given != nil {
            response.headers.set("X-Request-Id", requestId.text)
            response.headers.set("X-Content-Type-Options", "nosniff")
        }
        cors.decorate(&response, request: request)
    }

}

/// A request's id: the client's X-Request-Id when it is a sane token, else this process's
/// prefix and a counter. Kept in parts and formatted only where a response or a log line
/// needs it: a cached answer sent as built never pays for the string.
struct RequestId: Sendable {
    let given: String?
    let prefix: String
    let number: Int

    var text: String { given ?? "\(prefix)-\(number)" }
}

/// Request ids: the client's X-Request-Id when it is a sane token, else a new one.
final class RequestIdGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<Int>(0)

    init() {
        prefix = String(UInt32.random(in: .min ... .max), radix: 36)
    }

    func id(honouring given: String?) -> RequestId {
        if let given, (1...128).contains(given.utf8.count),
           given.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) || $0 == 0x2d || $0 == 0x5f || $0 == 0x2e || $0 == 0x3a }) {
            return RequestId(given: given, prefix: prefix, number: 0)
        }
        return RequestId(given: nil, prefix: prefix, number: counter.wrappingAdd(1, ordering: .relaxed).newValue)
    }
}

/// CLOCK_MONOTONIC in nanoseconds: request timing without `Duration` arithmetic.
enum Monotonic {
    static func nanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }
}
