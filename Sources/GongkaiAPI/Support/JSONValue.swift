import Foundation

/// Any JSON value, keeping the distinctions request validation needs (a boolean is not a
/// number, a missing key is not a null) so that wrong types get a message naming the field.
enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .bool(b): try c.encode(b)
        case let .number(d): try c.encode(d)
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }

    /// Deepest nesting accepted. No request body needs more than 4 levels; decoding through
    /// `init(from:)` costs superlinear time in the depth (500 levels: ~10 s of one worker thread).
    static let maxDepth = 32

    /// Parses bytes; the error text is Foundation's, for the problem detail.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try checkDepth(bytes)
        return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// Refuses arrays and objects nested deeper than `maxDepth` (brackets inside strings ignored).
    static func checkDepth(_ bytes: [UInt8]) throws {
        var depth = 0
        var inString = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
                if depth > maxDepth {
                    throw DecodingError.dataCorrupted(.init(codingPath: [],
                        debugDescription: "嵌套超过 \(maxDepth) 层 / nested deeper than \(maxDepth) levels"))
                }
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
            }
            i += 1
        }
    }

    var objectValue: [String: JSONValue]? {
        if case let .object(o) = self { return o }
        return nil
    }

    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
