/// Every way a request can fail that the client should hear about. Rendered to RFC 9457
/// problem+json in exactly one place, `Problem.swift`.
enum APIError: Error, Sendable {
    case notFound(Message)
    case methodNotAllowed(allowed: [String])
    case unauthorized(Message)
    case forbidden(Message)
    case tooManyAuthFailures(retryAfterSeconds: Int)
    case malformedJSON(detail: String)
    case unknownFields([String])
    case badRequest(Message)
    case unsupportedMediaType(expected: String)
    case invalidFields([FieldProblem])
    case conflict(Message, ids: [String] = [])
    case preconditionFailed(current: String)
    case preconditionRequired
    case payloadTooLarge(limit: Int)
    case uriTooLong(limit: Int)
    case serviceUnavailable(Message)
    case insufficientStorage(Message)
    case internalError(Message)
}

/// A sentence for a person, in Chinese and in English.
struct Message: Sendable, Equatable {
    var zh: String
    var en: String

    init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    var text: String { "\(zh) (\(en))" }
}

/// One invalid field of a request body, named as a JSON Pointer (RFC 6901).
struct FieldProblem: Sendable, Equatable {
    var field: String
    var message: Message

    init(_ field: String, _ zh: String, _ en: String) {
        self.field = field
        self.message = Message(zh, en)
    }

    var pointer: String { "/" + field }
}
