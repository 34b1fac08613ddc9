import Foundation
import GongkaiDomain
import GongkaiHTTP

/// Builders for the API's successful responses.
enum Responses {
    /// A JSON body with a strong ETag over its bytes (unless one is given) and a cache policy
    /// that lets the website backend revalidate cheaply with If-None-Match.
    static func json(_ body: [UInt8], status: Int = 200, etag: String? = nil, cache: String = "public, no-cache") -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("ETag", etag ?? ContentHash.etag(body))
        headers.add("Cache-Control", cache)
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    static func json<T: Encodable>(_ value: T, status: Int = 200, etag: String? = nil, cache: String = "public, no-cache") -> HTTPResponse {
        json(JSONOutput.encode(value), status: status, etag: etag, cache: cache)
    }

    /// Cache policy for answers that depend on who asks.
    static func cache(for caller: Caller?) -> String { caller == nil ? "public, no-cache" : "private, no-cache" }
}

/// Reads query parameters, refusing unknown names and malformed values with 400.
struct QueryReader {
    let request: HTTPRequest

    init(_ request: HTTPRequest, allowed: Set<String>) throws {
        let unknown = Set(request.query.map(\.name)).subtracting(allowed).sorted()
        if !unknown.isEmpty {
            throw APIError.badRequest(Message("未知的查询参数：\(unknown.joined(separator: ", "))（可用：\(allowed.sorted().joined(separator: ", "))）",
                                              "unknown query parameters: \(unknown.joined(separator: ", ")); allowed: \(allowed.sorted().joined(separator: ", "))"))
        }
        self.request = request
    }

    func string(_ name: String) -> String? {
        guard let v = request.queryValue(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    /// Comma-separated or repeated values.
    func list(_ name: String) -> [String]? {
        let values = request.queryValues(name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return values.isEmpty ? nil : values
    }

    func int(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw APIError.badRequest(Message("参数 \(name) 必须是 \(range.lowerBound)–\(range.upperBound) 之间的整数（收到 \(text.prefix(20))）",
                                              "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound) (got \(text.prefix(20)))"))
        }
        return n
    }

    func date(_ name: String) throws -> LocalDate? {
        guard let text = string(name) else { return nil }
        guard let d = LocalDate(iso: text) else {
            throw APIError.badRequest(Message("参数 \(name) 必须是 YYYY-MM-DD 格式的真实日期", "\(name) must be a real date as YYYY-MM-DD"))
        }
        return d
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.badRequest(Message("参数 \(name) 必须是 true 或 false", "\(name) must be true or false"))
        }
    }
}
