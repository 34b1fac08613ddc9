extension SearchText {
    /// Indexes one record's text in a single pass over its UTF-8 bytes: returns the
    /// normalised text as UTF-8 (what `utf8(normalize(parts joined by "\n"))` makes) and calls
    /// `key` with every index key of it (the keys `keys(of:)` lists; unsorted, and a key
    /// repeats when its characters do).
    ///
    /// Start-up builds the index for the whole register (100k records: ~16M keys). Going
    /// through `[Unicode.Scalar]`, a joined `String` and a sort per record cost about half of
    /// the start-up time (issue 6, floor 6); this walks the bytes once instead.
    static func index(_ parts: [String], key: (UInt64) -> Void) -> [UInt8] {
        var size = parts.count - 1
        for part in parts { size += part.utf8.count }
        // Normalising never widens a character, so `size` bytes suffice: the text is written
        // in place, and its capacity stays about exact (100k of these live on).
        return [UInt8](unsafeUninitializedCapacity: max(size, 0)) { out, count in
            var previous: UInt32?  // the last scalar when it was not a space
            for (n, part) in parts.enumerated() {
                if n > 0 {
                    out[count] = 0x0A
                    count += 1
                    previous = nil
                }
                var text = part
                text.withUTF8 { bytes in
                    var i = 0
                    while i < bytes.count {
                        let (scalar, width) = decode(bytes, at: i)
                        i += width
                        let v = normalized(scalar)
                        count += encode(v, into: out, at: count)
                        guard !isSpace(v) else {
                            previous = nil
                            continue
                        }
                        key(UInt64(v) << 32)
                        if let previous { key(UInt64(previous) << 32 | UInt64(v)) }
                        previous = v
                    }
                }
            }
        }
    }

    /// The scalar starting at `i` of valid UTF-8 (a `String`'s bytes), and its byte count.
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(b[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
            | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// `isSpace` for a scalar value, without the property table: Unicode's White_Space set
    /// is these 25 code points, and is stable (Chinese punctuation, looked up in the table
    /// for every character, cost ~2% of the start-up). `SearchTextIndexTests` compares both.
    private static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `normalize` for one scalar value.
    private static func normalized(_ scalar: UInt32) -> UInt32 {
        var v = scalar
        if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
        if v == 0x3000 { v = 0x20 }
        if (0x41...0x5A).contains(v) { v += 0x20 }
        return v
    }

    /// Writes `v` as UTF-8 at `i`; returns the byte count.
    private static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at i: Int) -> Int {
        switch v {
        case ..<0x80:
            out[i] = UInt8(v)
            return 1
        case ..<0x800:
            out[i] = UInt8(0xC0 | v >> 6)
            out[i + 1] = UInt8(0x80 | v & 0x3F)
            return 2
        case ..<0x10000:
            out[i] = UInt8(0xE0 | v >> 12)
            out[i + 1] = UInt8(0x80 | v >> 6 & 0x3F)
            out[i + 2] = UInt8(0x80 | v & 0x3F)
            return 3
        default:
            out[i] = UInt8(0xF0 | v >> 18)
            out[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
            out[i + 2] = UInt8(0x80 | v >> 6 & 0x3F)
            out[i + 3] = UInt8(0x80 | v & 0x3F)
            return 4
        }
    }
}
