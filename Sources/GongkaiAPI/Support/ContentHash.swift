/// A cheap 64-bit content hash (FNV-1a) for ETags: not a security boundary, only a
/// change detector for bytes the server itself produced.
enum ContentHash {
    static func value(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let s = String(value(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// A strong ETag for a response body.
    static func etag(_ bytes: [UInt8]) -> String { "\"\(hex(bytes))\"" }
}
