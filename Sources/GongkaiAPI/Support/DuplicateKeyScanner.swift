/// Rejects JSON objects that repeat a key.
///
/// Foundation keeps the first of duplicate keys silently; another component reading the same
/// body might keep the last. That difference is a classic smuggling trick, so the API refuses
/// the body instead of choosing. The scan runs on bodies that already parsed as JSON.
enum DuplicateKeyScanner {
    static func check(_ bytes: [UInt8]) throws {
        var stack: [Set<[UInt8]>?] = []   // one key set per open object; nil for arrays
        var expectingKey = false
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
                _ = stack.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = (stack.last ?? nil) != nil
            case UInt8(ascii: "\""):
                let start = i + 1
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                if expectingKey, var keys = stack.last ?? nil {
                    let key = Array(bytes[start..<min(i, bytes.count)])
                    guard keys.insert(key).inserted else {
                        let name = String(decoding: key, as: UTF8.self)
                        throw APIError.malformedJSON(detail: "重复的键 \(name) / duplicate key \(name)")
                    }
                    stack[stack.count - 1] = keys
                    expectingKey = false
                }
            default:
                break
            }
            i += 1
        }
    }
}
