import Foundation
import GongkaiHTTP
import GongkaiImport
import GongkaiStorage

/// The one place where errors become HTTP responses (RFC 9457 application/problem+json).
enum Problem {
    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var errors: [FieldError]?
        var ids: [String]?
        var requestId: String?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, errors, ids
            case requestId = "request_id"
        }
    }

    struct FieldError: Encodable {
        var pointer: String
        var field: String
        var detail: String
    }

    /// Renders any error. Errors the API does not know become a 500 that reveals nothing.
    static func response(for error: any Error, requestId: String?) -> HTTPResponse {
        let apiError: APIError
        switch error {
        case let e as APIError: apiError = e
        case let e as StorageError: apiError = map(e)
        case let e as ImportError:
            apiError = .badRequest(Message("目录文本无法导入：\(e.message)", "the catalogue text cannot be imported: \(e.message)"))
        default:
            apiError = .internalError(Message("服务器内部错误，请联系管理员并提供请求编号", "internal server error; give the administrator the request id"))
        }
        return response(for: apiError, requestId: requestId)
    }

    static func map(_ error: StorageError) -> APIError {
        switch error {
        case .diskFull:
            return .insufficientStorage(Message("磁盘已满，记录未保存，请联系管理员", "the disk is full; nothing was saved; contact the administrator"))
        default:
            return .serviceUnavailable(Message("存储暂时不可用，记录未保存，请稍后重试", "storage is unavailable; nothing was saved; try again later"))
        }
    }

    static func response(for error: APIError, requestId: String?) -> HTTPResponse {
        let (status, slug, title) = classify(error)
        var headers = HTTPHeaders()
        var fieldErrors: [FieldError]?
        var ids: [String]?
        let detail: Message
        switch error {
        case let .notFound(m), let .badRequest(m), let .forbidden(m), let .serviceUnavailable(m),
             let .insufficientStorage(m), let .internalError(m):
            detail = m
        case let .unauthorized(m):
            detail = m
            headers.add("WWW-Authenticate", #"Bearer realm="gongkai""#)
        case let .methodNotAllowed(allowed):
            headers.add("Allow", allowed.joined(separator: ", "))
            detail = Message("此路径不支持该方法，可用：\(allowed.joined(separator: ", "))", "method not allowed here; allowed: \(allowed.joined(separator: ", "))")
        case let .tooManyAuthFailures(seconds):
            headers.add("Retry-After", String(seconds))
            detail = Message("认证失败次数过多，请 \(seconds) 秒后再试", "too many failed authentications; retry in \(seconds) s")
        case let .malformedJSON(reason):
            detail = Message("请求体不是有效的 JSON：\(reason)", "the body is not valid JSON: \(reason)")
        case let .unknownFields(names):
            detail = Message("未知字段：\(names.joined(separator: ", "))", "unknown fields: \(names.joined(separator: ", "))")
            fieldErrors = names.map { FieldError(pointer: "/" + $0, field: $0, detail: "未知字段 (unknown field)") }
        case let .unsupportedMediaType(expected):
            detail = Message("Content-Type 必须是 \(expected)", "Content-Type must be \(expected)")
        case let .invalidFields(problems):
            detail = Message(problems.map { "\($0.field)：\($0.message.zh)" }.joined(separator: "；"),
                             problems.map { "\($0.field): \($0.message.en)" }.joined(separator: "; "))
            fieldErrors = problems.map { FieldError(pointer: $0.pointer, field: $0.field, detail: $0.message.text) }
        case let .conflict(m, conflicting):
            detail = m
            ids = conflicting.isEmpty ? nil : conflicting
        case let .preconditionFailed(current):
            headers.add("ETag", current)
            detail = Message("资源已被修改（If-Match 不符），请重新获取后再提交", "the resource changed (If-Match does not match); fetch it again and retry")
        case .preconditionRequired:
            detail = Message("修改前必须带 If-Match 请求头（取自 GET 的 ETag）", "send If-Match with the ETag from GET to change this resource")
        case let .payloadTooLarge(limit):
            detail = Message("请求体超过上限 \(limit) 字节", "the body exceeds the limit of \(limit) bytes")
        case let .uriTooLong(limit):
            detail = Message("请求地址超过上限 \(limit) 字节", "the request target exceeds \(limit) bytes")
        }
        let body = Body(type: "/problems/\(slug)", title: title, status: status, detail: detail.text,
                        errors: fieldErrors, ids: ids, requestId: requestId)
        headers.set("Content-Type", "application/problem+json; charset=utf-8")
        headers.set("Cache-Control", "no-store")
        return HTTPResponse(status: status, headers: headers, body: JSONOutput.encode(body))
    }

    /// Status, problem type slug and title for each case.
    static func classify(_ error: APIError) -> (Int, String, String) {
        switch error {
        case .badRequest: (400, "bad-request", "请求无效 (Bad Request)")
        case .malformedJSON: (400, "malformed-json", "JSON 格式错误 (Malformed JSON)")
        case .unknownFields: (400, "unknown-fields", "未知字段 (Unknown fields)")
        case .unauthorized: (401, "unauthorized", "需要有效令牌 (Unauthorized)")
        case .forbidden: (403, "forbidden", "无权操作 (Forbidden)")
        case .notFound: (404, "not-found", "未找到 (Not Found)")
        case .methodNotAllowed: (405, "method-not-allowed", "方法不允许 (Method Not Allowed)")
        case .conflict: (409, "conflict", "冲突 (Conflict)")
        case .preconditionFailed: (412, "precondition-failed", "版本不符 (Precondition Failed)")
        case .payloadTooLarge: (413, "payload-too-large", "请求体过大 (Content Too Large)")
        case .uriTooLong: (414, "uri-too-long", "地址过长 (URI Too Long)")
        case .unsupportedMediaType: (415, "unsupported-media-type", "内容类型不支持 (Unsupported Media Type)")
        case .invalidFields: (422, "invalid-fields", "字段校验失败 (Unprocessable Content)")
        case .preconditionRequired: (428, "precondition-required", "缺少 If-Match (Precondition Required)")
        case .tooManyAuthFailures: (429, "too-many-requests", "请求过多 (Too Many Requests)")
        case .internalError: (500, "internal", "服务器错误 (Internal Server Error)")
        case .serviceUnavailable: (503, "storage-unavailable", "存储不可用 (Service Unavailable)")
        case .insufficientStorage: (507, "insufficient-storage", "存储空间不足 (Insufficient Storage)")
        }
    }

    /// The server refused a request before routing.
    static func response(for rejection: HTTPRejection) -> HTTPResponse {
        switch rejection {
        case let .bodyTooLarge(limit):
            return response(for: APIError.payloadTooLarge(limit: limit), requestId: nil)
        case let .uriTooLong(limit):
            return response(for: APIError.uriTooLong(limit: limit), requestId: nil)
        case let .invalidTarget(reason):
            return response(for: APIError.badRequest(Message("请求地址无效：\(reason)", "invalid request target: \(reason)")), requestId: nil)
        case let .ambiguousFraming(reason):
            return response(for: APIError.badRequest(Message("请求长度不明确：\(reason)", "ambiguous message framing: \(reason)")), requestId: nil)
        case .shuttingDown:
            return response(for: APIError.serviceUnavailable(Message(
                "服务器正在停止，写入是否完成未知：请稍后查询，再决定是否重试",
                "the server stopped before the write was confirmed; its outcome is unknown: look it up later before retrying"
            )), requestId: nil)
        }
    }
}
