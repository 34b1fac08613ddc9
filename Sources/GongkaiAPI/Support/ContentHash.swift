/// A cheap 64-bit content hash for ETags: not a security boundary, only a change detector for
/// bytes the server itself produced.
///
/// FNV-1a style, but over 8-byte words in four independent lanes, so it runs at memory speed
/// instead of one dependent multiply per byte (a 20 KB record page: ~30 µs → ~2 µs; issue 6).
/// Per lane each step is a bijection of the state, so changing any one word always changes the
/// result; the lanes and the length are mixed at the end with a 64-bit finaliser.
enum ContentHash {
    static func value(_ bytes: [UInt8]) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        return bytes.withUnsafeBytes { raw -> UInt64 in
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x84222325_cbf29ce4, 0x9e37_79b9_7f4a_7c15, 0x2545_f491_4f6c_dd1d)
            let n = raw.count
            var i = 0
            while i + 32 <= n {
                lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
                lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* prime
                lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* prime
                lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* prime
                i += 32
            }
            var h = mix(lanes.0) ^ mix(lanes.1 &+ 1) &* 3 ^ mix(lanes.2 &+ 2) &* 5 ^ mix(lanes.3 &+ 3) &* 7
            while i < n {
                h = (h ^ UInt64(raw[i])) &* prime
                i += 1
            }
            return mix(h ^ UInt64(n))
        }
    }

    /// The 64-bit finaliser of MurmurHash3: every input bit reaches every output bit.
    private static func mix(_ x: UInt64) -> UInt64 {
        var k = x
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let s = String(value(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// A strong ETag for a response body.
    static func etag(_ bytes: [UInt8]) -> String { "\"\(hex(bytes))\"" }
}
