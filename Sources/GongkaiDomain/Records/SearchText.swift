/// Text normalisation and the character n-grams of the search index.
///
/// Chinese has no spaces to split words on, so the index keys are single characters and
/// pairs of neighbouring characters: any substring of two or more characters is found
/// through the intersection of its bigrams' postings, then confirmed on the text itself.
enum SearchText {
    /// Folds Latin letters to lower case and full-width ASCII (ＡＢＣ１２３) to half-width,
    /// so "GB" finds "ｇｂ" and "2026" finds "２０２６".
    static func normalize(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            var v = s.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if v == 0x3000 { v = 0x20 }
            if (0x41...0x5A).contains(v) { v += 0x20 }
            out.append(Unicode.Scalar(v) ?? s)
        }
        return out
    }

    static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar?) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b?.value ?? 0)
    }

    /// The distinct index keys of a text: every character and every adjacent pair.
    static func keys(of scalars: [Unicode.Scalar]) -> Set<UInt64> {
        var keys = Set<UInt64>()
        keys.reserveCapacity(scalars.count * 2)
        for (i, s) in scalars.enumerated() where !isSpace(s) {
            keys.insert(key(s, nil))
            if i + 1 < scalars.count, !isSpace(scalars[i + 1]) { keys.insert(key(s, scalars[i + 1])) }
        }
        return keys
    }

    /// The keys a query needs: the bigrams inside its words, and the single character of any
    /// one-character word. Pairs across a space are not indexed, so they are not asked for;
    /// the substring check on the text still requires the whole query, spaces included.
    static func queryKeys(of scalars: [Unicode.Scalar]) -> [UInt64] {
        var keys = Set<UInt64>()
        for (i, s) in scalars.enumerated() where !isSpace(s) {
            let next = i + 1 < scalars.count && !isSpace(scalars[i + 1])
            let previous = i > 0 && !isSpace(scalars[i - 1])
            if next { keys.insert(key(s, scalars[i + 1])) }
            if !next && !previous { keys.insert(key(s, nil)) }
        }
        return Array(keys)
    }

    /// Whitespace by Unicode's property; ASCII and the CJK block answered without the
    /// property table lookup (the start-up cost of indexing 100k records; issue 6).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if (0x3400...0x9FFF).contains(v) { return false }
        return s.properties.isWhitespace
    }

    /// The UTF-8 bytes of normalised text: how the index keeps each record's text (a quarter
    /// of the memory of scalars for ASCII, three quarters for Chinese). UTF-8 is
    /// self-synchronising, so a byte match of a whole needle is a match of its scalars.
    static func utf8(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        var size = 0
        for s in scalars { size += UTF8.width(s) }
        var out: [UInt8] = []
        out.reserveCapacity(size)  // exact: 100k of these live for the life of the server
        for s in scalars { out.append(contentsOf: UTF8.encode(s)!) }
        return out
    }

    static func scalars(utf8 bytes: [UInt8]) -> [Unicode.Scalar] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
