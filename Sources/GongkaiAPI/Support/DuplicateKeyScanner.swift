import Foundation

/// Rejects JSON objects that repeat a key, and trailing commas.
///
/// Foundation keeps the first of duplicate keys silently; another component reading the same
/// body might keep the last. That difference is a classic smuggling trick, so the API refuses
/// the body instead of choosing. Keys are compared as the strings they decode to, so
/// `"title"` and `"t\u0069tle"` are the same key (as they are for Foundation's decoder).
/// Foundation also accepts a comma before `}` or `]`, which RFC 8259 does not: refused too.
/// The scan runs on bodies that already parsed as JSON.
enum DuplicateKeyScanner {
    static func check(_ bytes: [UInt8]) throws {
        var stack: [Set<String>?] = []   // one key set per open object; nil for arrays
        var expectingKey = false
        var lastSignificant: UInt8 = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                stack.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                stack.append(nil)
                expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if lastSignificant == UInt8(ascii: ",") {
                    throw APIError.malformedJSON(detail: "多余的逗号 / trailing comma before \(Character(Unicode.Scalar(b)))")
                }
                _ = stack.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = (stack.last ?? nil) != nil
            case UInt8(ascii: "\""):
                let start = i + 1
                var escaped = false
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") {
                        escaped = true
                        i += 1
                    }
                    i += 1
                }
                if expectingKey, var keys = stack.last ?? nil {
                    let raw = Array(bytes[start..<min(i, bytes.count)])
                    let key = escaped ? decodeEscapes(raw) : String(decoding: raw, as: UTF8.self)
                    guard keys.insert(key).inserted else {
                        throw APIError.malformedJSON(detail: "重复的键 \(key) / duplicate key \(key)")
                    }
                    stack[stack.count - 1] = keys
                    expectingKey = false
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                i += 1
                continue
            default:
                break
            }
            lastSignificant = bytes[min(i, bytes.count - 1)]
            i += 1
        }
    }

    /// The text of a JSON string body with escapes (`\u0069`, `\/`, surrogate pairs) resolved.
    private static func decodeEscapes(_ raw: [UInt8]) -> String {
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        return (try? JSONDecoder().decode(String.self, from: quoted)) ?? String(decoding: raw, as: UTF8.self)
    }
}
