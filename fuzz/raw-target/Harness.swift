// libFuzzer target: the raw request-target check (Sources/GongkaiHTTP/RawTarget.swift), which
// decides what reaches the router and the static files.
// Invariants: no crash or trap; an accepted path starts with "/", has no "." or ".." segment,
// no empty segment except a trailing one, no NUL or other control character, no backslash, and
// is valid UTF-8 (it is a String); decoding is single-pass (a second parse of the accepted path,
// re-encoded, gives the same path).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRawTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    guard let target = try? RawTarget(parsing: raw) else { return 0 }
    let path = target.path
    // Byte-level, as the router splits (a Character-level hasPrefix fails for "/" + a combining mark).
    guard path.utf8.first == UInt8(ascii: "/") else { fatalError("path without a leading slash: \(path)") }
    let segments = path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    for (index, segment) in segments.enumerated() {
        if segment.elementsEqual([0x2E]) || segment.elementsEqual([0x2E, 0x2E]) { fatalError("dot segment accepted: \(path)") }
        if segment.isEmpty && index != segments.count - 1 { fatalError("empty segment accepted: \(path)") }
    }
    if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
        fatalError("control character or backslash accepted: \(Array(path.utf8))")
    }
    // Re-encode every byte outside unreserved characters and parse again: same path.
    var encoded: [UInt8] = []
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in path.utf8 {
        let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: ".")
        if unreserved { encoded.append(byte) } else { encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]] }
    }
    guard let again = try? RawTarget(parsing: encoded) else { fatalError("re-encoded accepted path refused: \(path)") }
    if again.path != path { fatalError("re-encoded path changed: \(path) → \(again.path)") }
    return 0
}
