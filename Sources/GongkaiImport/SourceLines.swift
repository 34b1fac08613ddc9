/// One line of the source text with its 1-based number, so every warning can say where to look.
struct SourceLine: Sendable {
    let number: Int
    let text: Substring
}

enum SourceLines {
    /// Splits on LF, CRLF and lone CR alike. Works on UTF-8 bytes: `"\r\n"` is a single Character
    /// in Swift, so splitting on Characters would miss Windows line ends.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        var number = 1
        while i != utf8.endIndex {
            let b = utf8[i]
            guard b == 0x0A || b == 0x0D else {
                i = utf8.index(after: i)
                continue
            }
            lines.append(SourceLine(number: number, text: text[start..<i]))
            var next = utf8.index(after: i)
            if b == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            number += 1
            start = next
            i = next
        }
        lines.append(SourceLine(number: number, text: text[start..<utf8.endIndex]))
        return lines
    }
}
