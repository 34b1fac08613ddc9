import Glibc

/// A parsed JSON text, and a strict parser (RFC 8259) from UTF-8 bytes.
///
/// Exists for start-up speed: decoding 100k records through `JSONValueDecoder` is several times
/// faster than Foundation's `JSONDecoder` on Linux. Anything unusual makes it throw, and the
/// caller then falls back to `JSONDecoder`, which stays the reference (see `JSONCoding.decode`).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// The number's text exactly as written; converted by the type asked for.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    struct SyntaxError: Error {
        let offset: Int
        let reason: String
    }

    static func parse(_ bytes: ArraySlice<UInt8>) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) -> JSONValue in
            var parser = Parser(bytes: buffer)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw parser.error("unexpected text after the value") }
            return value
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < 64 else { throw error("nested too deeply") }
            switch current {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): return .number(try number())
            default: throw error("expected a JSON value")
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error("truncated literal") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw error("invalid literal")
            }
            index += count
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var pairs: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; return .object(pairs) }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected ':'") }
                index += 1
                skipWhitespace()
                pairs.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return .object(pairs)
                default: throw error("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return .array(elements)
                default: throw error("expected ',' or ']'")
                }
            }
        }

        mutating func number() throws(SyntaxError) -> String {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, first >= 0x30, first <= 0x39 else { throw error("invalid number") }
            index += 1
            if first != 0x30 { skipDigits() }
            if current == UInt8(ascii: ".") {
                index += 1
                guard try skipRequiredDigits() else { throw error("invalid fraction") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard try skipRequiredDigits() else { throw error("invalid exponent") }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        mutating func skipDigits() {
            while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
        }

        mutating func skipRequiredDigits() throws(SyntaxError) -> Bool {
            let start = index
            skipDigits()
            return index > start
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1
            let start = index
            while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else { throw error("control character in a string") }
                index += 1
            }
            guard let stop = current else { throw error("unterminated string") }
            let plain = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if stop == UInt8(ascii: "\"") {
                index += 1
                return try validString(plain)
            }
            var decoded = Array(plain)
            try escapedRemainder(into: &decoded)
            return try decoded.withUnsafeBufferPointer { buffer throws(SyntaxError) in try validString(buffer) }
        }

        /// The string for these UTF-8 bytes; invalid UTF-8 is an error, never repaired.
        /// (Decoding repairs invalid sequences, so equal bytes afterwards prove validity; this is
        /// much faster than the generic `String(validating:as:)`.)
        func validString(_ utf8: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> String {
            var text = String(decoding: utf8, as: UTF8.self)
            let same = text.withUTF8 { stored in
                stored.count == utf8.count && (utf8.isEmpty || memcmp(stored.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
            }
            guard same else { throw error("invalid UTF-8") }
            return text
        }

        /// Continues a string at a backslash, appending UTF-8 until the closing quote.
        mutating func escapedRemainder(into out: inout [UInt8]) throws(SyntaxError) {
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return
                case UInt8(ascii: "\\"):
                    guard let escape = current else { throw error("unterminated escape") }
                    index += 1
                    switch (escape, JSONEscape.byte(escape)) {
                    case (_, let simple?): out.append(simple)
                    case (UInt8(ascii: "u"), _): try unicodeEscape(into: &out)
                    default: throw error("invalid escape")
                    }
                case 0..<0x20:
                    throw error("control character in a string")
                default:
                    out.append(byte)
                }
            }
            throw error("unterminated string")
        }

        mutating func unicodeEscape(into out: inout [UInt8]) throws(SyntaxError) {
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid code point") }
            out.append(contentsOf: UTF8.encode(unicode)!)
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = JSONEscape.hexDigit(bytes[index]) else { throw error("invalid \\u escape") }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}

/// The one-character escapes of RFC 8259 §7, shared by both JSON readers.
enum JSONEscape {
    /// The byte `\` + `escape` stands for, or nil when `escape` is not a one-character escape.
    static func byte(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// The value of one hex digit of a `\u` escape, or nil.
    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
