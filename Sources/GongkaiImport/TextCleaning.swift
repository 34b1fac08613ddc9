import Foundation

/// Cell text as people mean it. Catalogues come out of Word, Excel, PDF extractors and web pages,
/// so "space" ranges from U+3000 to zero-width spaces, and cells may carry `<br>` or `&nbsp;`.
enum TextCleaning {
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    /// Trimmed, every run of spaces folded into one ASCII space, control characters dropped,
    /// HTML line breaks and entities resolved, and 办　公　室-style padding (one character per word, used to align short cells) undone.
    static func cell(_ raw: Substring) -> String {
        var text = raw.has("<") || raw.has("&") ? resolveHTML(String(raw)) : String(raw)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if isSpace(s) {
                pendingSpace = !out.isEmpty
                continue
            }
            // A stray control character (decoding tolerates a few) means nothing in a cell, and
            // kept it could make the catalogue written back look like a binary file.
            if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { continue }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        text = String(out)
        if text.has(" ") { text = unpadded(text) }
        return text
    }

    private static func unpadded(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 8,
              words.allSatisfy({ $0.unicodeScalars.count == 1 && $0.unicodeScalars.allSatisfy(isCJK) })
        else { return text }
        return words.joined()
    }

    /// Keeps `<input …>` (checkboxes are data) but turns `<br>` into a space and decodes entities.
    private static func resolveHTML(_ text: String) -> String {
        var t = text
        for br in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] where t.has(br) {
            t = t.replacingOccurrences(of: br, with: " ")
        }
        guard t.has("&") else { return t }
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        where t.has(entity) {
            t = t.replacingOccurrences(of: entity, with: value)
        }
        return t
    }

    /// Full-width digits and dot → ASCII, for reading numbers such as 序号 `１２`.
    static func asciiDigits(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0.value == 0xFF0E }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0xFF10...0xFF19).contains(s.value), let ascii = Unicode.Scalar(s.value - 0xFF10 + 0x30) {
                out.append(ascii)
            } else if s.value == 0xFF0E {
                out.append(".")
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// `各科室（单位）` → `各科室`: trailing parenthetical remarks, full- or half-width, removed.
    static func withoutTrailingParentheses(_ text: String) -> String {
        var t = Substring(text)
        while let last = t.last, last == "）" || last == ")" {
            guard let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) else { break }
            t = t[t.startIndex..<open]
            while let l = t.last, l == " " { t = t.dropLast() }
        }
        return String(t)
    }

    /// Splits a list such as `政府网站、政务新媒体（根据具体情况选择）` on 、，,；; and spaces,
    /// but never inside parentheses, so notes stay attached to their label.
    static func listItems(_ text: String, alsoSplitOn extra: Set<Character> = []) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            switch ch {
            case "（", "(": depth += 1; current.append(ch)
            case "）", ")": depth = max(0, depth - 1); current.append(ch)
            default:
                if depth == 0 && (listSeparators.contains(ch) || extra.contains(ch)) {
                    if !current.isEmpty { items.append(current) }
                    current = ""
                } else {
                    current.append(ch)
                }
            }
        }
        if !current.isEmpty { items.append(current) }
        return items
    }

    private static let listSeparators: Set<Character> = ["、", "，", ",", "；", ";", " ", "\t"]

    /// At most `limit` characters, for quoting a cell in a warning.
    static func excerpt(_ text: String, limit: Int = 24) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

extension StringProtocol {
    /// Substring test on UTF-8 bytes. Foundation's `contains(_:)` goes through CFString and was
    /// most of the import time; catalogue text needs no locale-aware matching.
    func has(_ needle: String) -> Bool {
        let hay = utf8
        let pin = needle.utf8
        guard let first = pin.first else { return true }
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i] == first {
                var h = hay.index(after: i)
                var p = pin.index(after: pin.startIndex)
                while p != pin.endIndex, h != hay.endIndex, hay[h] == pin[p] {
                    h = hay.index(after: h)
                    p = pin.index(after: p)
                }
                if p == pin.endIndex { return true }
            }
            i = hay.index(after: i)
        }
        return false
    }

    /// Length in Unicode scalars: cheap, and the same as characters for Chinese text.
    var scalarCount: Int { unicodeScalars.count }
}
