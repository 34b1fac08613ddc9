import Foundation
import GongkaiDomain
import GongkaiHTTP

/// Everything a handler needs about one request, and the services it may use.
struct RequestContext: Sendable {
    let request: HTTPRequest
    /// Seconds since 1970 from the real clock, read once per request.
    let now: Double
    let services: Services

    var today: LocalDate { LocalDate.todayInChina(now: now) }

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
