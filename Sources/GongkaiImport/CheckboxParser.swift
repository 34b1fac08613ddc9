import GongkaiDomain

/// One checkbox of a 公开渠道和载体 cell: its label as printed and whether it is ticked.
struct ChannelTick: Sendable, Equatable {
    let label: String
    let ticked: Bool
}

/// Reads checkbox lists: HTML (`<input checked="" type="checkbox"/> 政府网站`), symbols
/// (`☑政府网站 □政府公报`, `■…`, `√…`, `×…`) and Markdown task boxes (`[x] 政府网站 [ ] 政府公报`).
enum CheckboxParser {
    struct List: Sendable, Equatable {
        let ticks: [ChannelTick]
        /// HTML checkboxes are unmistakable; symbol lists are trusted only when a label is a known channel.
        let isHTML: Bool
    }

    private static let tickedSymbols: Set<Unicode.Scalar> = ["☑", "✅", "■", "√", "✓", "✔", "●", "☒"]
    private static let untickedSymbols: Set<Unicode.Scalar> = ["□", "☐", "○", "◻", "×", "✗", "✘"]

    /// The checkboxes of a cell, or nil when it has none with a label.
    static func list(in cell: String) -> List? {
        let scalars = Array(cell.unicodeScalars)
        var entries: [(ticked: Bool, label: String.UnicodeScalarView)] = []
        var isHTML = false
        var i = 0
        func open(_ ticked: Bool) { entries.append((ticked, String.UnicodeScalarView())) }
        while i < scalars.count {
            let s = scalars[i]
            if s == "<", let close = scalars[i...].firstIndex(of: ">") {
                let tag = String(String.UnicodeScalarView(scalars[i...close])).lowercased()
                if tag.hasPrefix("<input") && tag.has("checkbox") {
                    open(tag.has("checked"))
                    isHTML = true
                }
                i = close + 1  // any other tag (<span>, </label> …) is dropped
                continue
            }
            if s == "[", i + 2 < scalars.count, scalars[i + 2] == "]" {
                let inner = scalars[i + 1]
                if inner == " " || inner == "\u{3000}" || inner == "x" || inner == "X" || inner == "√" || inner == "✓" {
                    open(inner != " " && inner != "\u{3000}")
                    i += 3
                    continue
                }
            }
            if s == "[", i + 1 < scalars.count, scalars[i + 1] == "]" {
                open(false)
                i += 2
                continue
            }
            if tickedSymbols.contains(s) || untickedSymbols.contains(s) {
                open(tickedSymbols.contains(s))
                i += 1
                continue
            }
            if s == "\u{FE0F}" {  // emoji variation selector after ✔️ / ☑️
                i += 1
                continue
            }
            if !entries.isEmpty { entries[entries.count - 1].label.append(s) }
            i += 1
        }
        let ticks = entries.compactMap { entry -> ChannelTick? in
            let label = cleanLabel(String(entry.label))
            return label.isEmpty ? nil : ChannelTick(label: label, ticked: entry.ticked)
        }
        return ticks.isEmpty ? nil : List(ticks: ticks, isHTML: isHTML)
    }

    private static func cleanLabel(_ label: String) -> String {
        let separators: Set<Character> = ["、", "，", ",", "；", ";", "：", ":", " "]
        var t = Substring(TextCleaning.cell(Substring(label)))
        while let f = t.first, separators.contains(f) { t = t.dropFirst() }
        while let l = t.last, separators.contains(l) { t = t.dropLast() }
        return String(t)
    }

    /// `政务新媒体（根据具体情况选择）` → name 政务新媒体, note 根据具体情况选择; `其他：短信` → 其他 / 短信.
    static func channel(fromLabel label: String) -> Channel {
        var text = Substring(label)
        while let l = text.last, l == " " { text = text.dropLast() }
        if let last = text.last, last == "）" || last == ")",
           let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }) {
            let name = text[text.startIndex..<open].trimmingSpaces
            let note = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingSpaces
            if !name.isEmpty { return Channel(name: name, note: note.isEmpty ? nil : note) }
        }
        if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let name = text[text.startIndex..<colon].trimmingSpaces
            let note = text[text.index(after: colon)...].trimmingSpaces
            if !name.isEmpty { return Channel(name: name, note: note.isEmpty ? nil : note) }
        }
        return Channel(name: String(text), note: nil)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String { TextCleaning.cell(self) }
}
