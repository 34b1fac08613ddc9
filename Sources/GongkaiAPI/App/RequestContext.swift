import Foundation
import GongkaiDomain
import GongkaiHTTP

/// Everything a handler needs about one request, and the services it may use.
struct RequestContext: Sendable {
    let request: HTTPRequest
    /// Seconds since 1970 from the real clock, read once per request.
    let now: Double
    let services: Services
    /// For answers given later: they are finished like any other once ready.
    let requestId: RequestId
    let routeName: String
    let started: Int
    let handler: APIHandler

    var today: LocalDate { LocalDate.todayInChina(now: now) }

    /// Hands a finished answer's builder to the connection: called once, from any thread.
    typealias Answer = @Sendable (_ build: @escaping @Sendable () throws -> HTTPResponse) -> Void

    /// For a route whose answer waits for a durable write, so that no worker thread waits
    /// for the fsync. `start` queues the work and arranges for `answer` to be called once it
    /// is done; what `start` throws is answered at once (nothing was queued). The builder
    /// runs on the connection's own thread, and its response or error goes through the same
    /// problem+json conversion, headers, metrics and access log as any other answer.
    func answerLater(_ start: (_ answer: @escaping Answer) throws -> Void) throws -> HTTPResponse {
        let pending = PendingResponse()
        let ctx = self
        try start { build in
            pending.resolve {
                let response: HTTPResponse
                do {
                    response = try build()
                } catch {
                    response = ctx.handler.problem(for: error, requestId: ctx.requestId)
                }
                return ctx.handler.finish(response, request: ctx.request, requestId: ctx.requestId,
                                          routeName: ctx.routeName, started: ctx.started)
            }
        }
        return HTTPResponse(later: pending)
    }

    func parameter(_ name: String) -> String { request.pathParameters[name] ?? "" }

    /// The caller when an Authorization header is present; nil for anonymous requests.
    /// A header that does not authenticate is an error, never silently anonymous.
    func caller() throws -> Caller? {
        guard request.headers["Authorization"] != nil else { return nil }
        return try services.authenticator.authenticate(request, now: now)
    }

    func requireCaller() throws -> Caller {
        guard let caller = try caller() else {
            throw APIError.unauthorized(Message("需要令牌：Authorization: Bearer <令牌>", "a token is required: Authorization: Bearer <token>"))
        }
        return caller
    }

    func requireAdmin() throws -> Caller {
        let caller = try requireCaller()
        guard caller.isAdmin else {
            throw APIError.forbidden(Message("只有管理员（办公室）令牌可以执行此操作", "only an administrator token may do this"))
        }
        return caller
    }

    /// The body as a JSON object, after checking its media type.
    func jsonObject() throws -> [String: JSONValue] {
        try requireMediaType("application/json")
        // RFC 8259 §8.1: UTF-8 only. Foundation would also guess UTF-16/32 (whose ASCII has
        // NUL bytes); a raw NUL is never valid JSON text outside or inside a string.
        guard !request.body.contains(0), String(validating: request.body, as: UTF8.self) != nil else {
            throw APIError.malformedJSON(detail: "请求体必须是 UTF-8 编码的 JSON / the body must be JSON encoded as UTF-8")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(request.body)
        } catch {
            throw APIError.malformedJSON(detail: Self.describe(error))
        }
        guard case let .object(object) = value else {
            throw APIError.malformedJSON(detail: "顶层必须是对象 / the top level must be an object, got \(value.kindName)")
        }
        try DuplicateKeyScanner.check(request.body)
        return object
    }

    /// Accepts `type` with no charset or charset=utf-8 only; anything else is 415.
    func requireMediaType(_ type: String) throws {
        let header = request.headers["Content-Type"] ?? ""
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == type else { throw APIError.unsupportedMediaType(expected: "\(type); charset=utf-8") }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" else {
                throw APIError.unsupportedMediaType(expected: "\(type); charset=utf-8")
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }
}
