/// Raw bytes → text, refusing what is not UTF-8 text and saying on which line it went wrong.
///
/// Validation is done by hand rather than with `String(validating:)` because the error must name
/// the line, and a hand-written pass over the bytes costs next to nothing.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) throws(ImportError) -> String {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw .unsupportedEncoding("UTF-16")
        }
        let start = (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0
        let n = bytes.count
        // NUL first: a PNG or a Word file should be called binary, not "not UTF-8".
        if let nul = bytes[start...].firstIndex(of: 0) { throw .binary(line: lineNumber(of: nul, in: bytes, from: start)) }
        var line = 1
        var controls = 0
        var firstControlLine = 0
        var i = start
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x0A: line += 1
                case 0x0D: if i + 1 >= n || bytes[i + 1] != 0x0A { line += 1 }  // same counting as SourceLines
                case 0x09, 0x0B, 0x0C: break  // tabs, and the form feeds PDF extractors put between pages
                case 0x01...0x1F, 0x7F:
                    controls += 1
                    if firstControlLine == 0 { firstControlLine = line }
                default: break
                }
                i += 1
                continue
            }
            // Well-formed UTF-8 per Unicode table 3-7: lead byte, then continuation bytes whose first
            // one may have a narrower range (no overlongs, no surrogates, nothing above U+10FFFF).
            let need: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: throw .invalidUTF8(line: line)
            }
            guard i + need < n else { throw .invalidUTF8(line: line) }
            for k in 1...need {
                let c = bytes[i + k]
                let ok = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF)
                guard ok else { throw .invalidUTF8(line: line) }
            }
            i += need + 1
        }
        // A stray control character can survive a copy-paste; many of them mean a binary file.
        if controls >= 4 && controls * 100 > n - start { throw .binary(line: firstControlLine) }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        guard text.unicodeScalars.contains(where: { !TextCleaning.isSpace($0) }) else { throw .empty }
        return text
    }

    /// 1-based line of byte `index`, counting LF, CRLF and lone CR as SourceLines does.
    private static func lineNumber(of index: Int, in bytes: [UInt8], from start: Int) -> Int {
        var line = 1
        var i = start
        while i < index {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
            i += 1
        }
        return line
    }
}
