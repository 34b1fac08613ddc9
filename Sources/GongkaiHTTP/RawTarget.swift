/// The raw request target (as libmicrohttpd's URI-log callback sees it, before any
/// decoding), split into a validated path and query.
///
/// libmicrohttpd's own `url` argument is already percent-decoded with `..` left intact and
/// truncated at `%00`, so gongkai decides from the raw bytes instead. Rules, each one decode:
/// - origin-form "/…" (absolute-form "http://host/…" is reduced to its path); nothing else;
/// - no spaces, control bytes, `#` or `\` in the raw target;
/// - `%` must be followed by two hex digits; `%00` is refused everywhere;
/// - in the path: no encoded `/` or `\`, no `.` or `..` segment (raw or encoded), no empty
///   segment except a trailing one, no control character after decoding;
/// - path and query must be valid UTF-8 after decoding.
///
/// So `%252e%252e` decodes once to the literal text `%2e%2e`, which is not a dot segment.
struct RawTarget: Sendable {
    /// Why a target was refused (becomes `HTTPRejection.invalidTarget(reason:)`).
    struct Invalid: Error, Equatable {
        let reason: String
    }

    /// Decoded path, starting with "/".
    var path: String
    /// Decoded query pairs; '+' became a space.
    var query: [(name: String, value: String)]

    init(parsing string: String) throws(Invalid) {
        try self.init(parsing: Array(string.utf8))
    }

    init(parsing raw: [UInt8]) throws(Invalid) {
        if let path = Self.plainPath(raw[...]) {
            self.path = path
            query = []
            return
        }
        guard !raw.isEmpty else { throw Invalid(reason: "empty request target") }
        if let bad = raw.first(where: { $0 <= 0x20 || $0 == 0x7F }) {
            throw Invalid(reason: bad == 0x20 ? "space in request target" : "control character in request target")
        }
        if raw.contains(UInt8(ascii: "#")) { throw Invalid(reason: "fragment in request target") }

        let target = Self.stripAbsoluteForm(raw[...])
        let queryStart = target.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = target[..<(queryStart ?? target.endIndex)]
        if let plain = Self.plainPath(rawPath) {
            path = plain
        } else {
            path = try Self.decodePath(rawPath)
        }
        if let queryStart {
            query = try Self.decodeQuery(target[target.index(after: queryStart)...])
        } else {
            query = []
        }
    }

    /// The common path decided in one pass without allocating: origin-form, letters, digits and
    /// `-._~/` only, no empty and no dot segment, which every rule below would pass unchanged.
    /// Given a whole target, a query makes it nil too. Nil sends anything else through the
    /// general rules.
    private static func plainPath(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.first == UInt8(ascii: "/") else { return nil }
        var segmentStart = raw.startIndex + 1
        var dotsOnly = true
        for index in (raw.startIndex + 1)...raw.endIndex {
            let byte = index < raw.endIndex ? raw[index] : UInt8(ascii: "/")
            if byte == UInt8(ascii: "/") {
                let length = index - segmentStart
                let isLast = index == raw.endIndex
                if (length == 0 && !isLast) || (length > 0 && length <= 2 && dotsOnly) { return nil }
                segmentStart = index + 1
                dotsOnly = true
                continue
            }
            guard isPlain(byte) else { return nil }
            if byte != UInt8(ascii: ".") { dotsOnly = false }
        }
        return String(decoding: raw, as: UTF8.self)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// RFC 9112 §3.2.2: a server must accept absolute-form; keep only what follows the authority.
    private static func stripAbsoluteForm(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        for scheme in ["http://", "https://"] {
            let prefix = Array(scheme.utf8)
            guard raw.count >= prefix.count,
                  // `| 0x20` lowercases letters and leaves ':' and '/' as they are.
                  zip(raw.prefix(prefix.count), prefix).allSatisfy({ ($0 | 0x20) == $1 })
            else { continue }
            let afterScheme = raw.dropFirst(prefix.count)
            guard let pathStart = afterScheme.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
                return ArraySlice(Array("/".utf8))
            }
            let rest = raw[pathStart...]
            return rest.first == UInt8(ascii: "?") ? ArraySlice(Array("/".utf8) + rest) : rest
        }
        return raw
    }

    private static func decodePath(_ rawPath: ArraySlice<UInt8>) throws(Invalid) -> String {
        guard rawPath.first == UInt8(ascii: "/") else {
            throw Invalid(reason: "request target must start with /")
        }
        if rawPath.contains(UInt8(ascii: "\\")) { throw Invalid(reason: "backslash in path") }
        let segments = rawPath.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(rawPath.count)
        for (index, segment) in segments.enumerated() {
            decoded.append(UInt8(ascii: "/"))
            if segment.isEmpty {
                if index == segments.count - 1 { continue }  // "/" itself, or one trailing slash
                throw Invalid(reason: "empty path segment")
            }
            let bytes = try percentDecode(segment, plusIsSpace: false)
            if bytes.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) {
                throw Invalid(reason: "encoded slash or backslash in path segment")
            }
            if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                throw Invalid(reason: "control character in path")
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] {
                throw Invalid(reason: "dot segment in path")
            }
            decoded.append(contentsOf: bytes)
        }
        guard let path = String(validating: decoded, as: UTF8.self) else {
            throw Invalid(reason: "invalid UTF-8 in path")
        }
        return path
    }

    private static func decodeQuery(_ rawQuery: ArraySlice<UInt8>) throws(Invalid) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for pair in rawQuery.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = pair[..<(equals ?? pair.endIndex)]
            let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? []
            let name = try decodeQueryComponent(rawName)
            let value = try decodeQueryComponent(rawValue)
            pairs.append((name: name, value: value))
        }
        return pairs
    }

    private static func decodeQueryComponent(_ raw: ArraySlice<UInt8>) throws(Invalid) -> String {
        let bytes = try percentDecode(raw, plusIsSpace: true)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Invalid(reason: "invalid UTF-8 in query")
        }
        return text
    }

    /// Strict single-pass percent-decoding; refuses a malformed escape and `%00`.
    static func percentDecode(_ raw: ArraySlice<UInt8>, plusIsSpace: Bool) throws(Invalid) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                guard raw.distance(from: index, to: raw.endIndex) >= 3,
                      let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2])
                else { throw Invalid(reason: "malformed percent-encoding") }
                let value = high << 4 | low
                if value == 0 { throw Invalid(reason: "percent-encoded NUL") }
                out.append(value)
                index += 3
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
