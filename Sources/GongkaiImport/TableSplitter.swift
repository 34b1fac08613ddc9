/// How the cells of the table are laid out in the text.
enum TableFormat: Sendable, Equatable {
    /// Cells separated by tabs (copied from Word/Excel/PDF).
    case tabs
    /// Cells separated by `|` (Markdown, tables copied from web pages).
    case pipes
    /// One cell per line; a row starts at a 序号 line or after a blank line.
    case lines
}

/// One table row as cut from the text: cells in order, empty ones kept so positions survive.
struct RawRow: Sendable {
    /// Source line of the row (its first line in one-cell-per-line text).
    let line: Int
    let cells: [String]
    /// False when the layout carries no column positions (one cell per line).
    let positional: Bool

    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
    var nonEmptyCells: [String] { cells.filter { !$0.isEmpty } }
}

/// Lines → rows of cells, after deciding which of the three layouts the text uses.
enum TableSplitter {
    /// The layout, judged by the first line that reads as a header, or nil when no line does.
    static func detectFormat(_ lines: [SourceLine]) -> TableFormat? {
        var headerLabelRun = 0
        for line in lines {
            let text = line.text
            if text.has("\t"), isHeaderLike(splitTabs(text)) { return .tabs }
            if text.has("|"), isHeaderLike(splitPipes(text)) { return .pipes }
            // One cell per line: several consecutive lines that are each a header label.
            let cell = TextCleaning.cell(text)
            if cell.isEmpty { continue }
            if let term = HeaderVocabulary.term(for: cell), HeaderVocabulary.isHeaderEvidence(term) {
                headerLabelRun += 1
                if headerLabelRun >= 3 { return .lines }
            } else {
                headerLabelRun = 0
            }
        }
        return nil
    }

    static func isHeaderLike(_ cells: [String]) -> Bool {
        guard cells.count <= HeaderLayout.maxColumns else { return false }  // also bounds the work on huge lines
        var seen = Set<HeaderTerm>()
        for cell in cells where !cell.isEmpty {
            if CellClassifier.seqNumber(cell) != nil { return false }
            if let term = HeaderVocabulary.term(for: cell), HeaderVocabulary.isHeaderEvidence(term) { seen.insert(term) }
        }
        return seen.count >= 3
    }

    static func rows(_ lines: [SourceLine], format: TableFormat) -> [RawRow] {
        switch format {
        case .tabs:
            return lines.map { RawRow(line: $0.number, cells: splitTabs($0.text), positional: true) }
        case .pipes:
            return lines.compactMap { line in
                let cells = line.text.has("|") ? splitPipes(line.text) : [TextCleaning.cell(line.text)]
                return isSeparatorRow(cells) ? nil : RawRow(line: line.number, cells: cells, positional: true)
            }
        case .lines:
            return recordsFromLines(lines)
        }
    }

    static func splitTabs(_ text: Substring) -> [String] {
        text.split(separator: "\t", omittingEmptySubsequences: false).map(TextCleaning.cell)
    }

    /// `| a | b |` → [a, b]. The outer pipes are optional; `\|` is a literal bar inside a cell.
    static func splitPipes(_ text: Substring) -> [String] {
        var cells: [String] = []
        var current = String.UnicodeScalarView()
        var escaped = false
        for s in text.unicodeScalars {
            if escaped {
                if s != "|" { current.append("\\") }
                current.append(s)
                escaped = false
            } else if s == "\\" {
                escaped = true
            } else if s == "|" {
                cells.append(TextCleaning.cell(Substring(String(current))))
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        if escaped { current.append("\\") }
        cells.append(TextCleaning.cell(Substring(String(current))))
        let trimmed = text.unicodeScalars.filter { !TextCleaning.isSpace($0) }
        if trimmed.first == "|", !cells.isEmpty { cells.removeFirst() }
        if trimmed.last == "|", !cells.isEmpty { cells.removeLast() }
        return cells
    }

    /// Markdown's `|---|:---:|` line under the header.
    static func isSeparatorRow(_ cells: [String]) -> Bool {
        var sawDashes = false
        for cell in cells where !cell.isEmpty {
            guard cell.allSatisfy({ $0 == "-" || $0 == ":" || $0 == "—" || $0 == "－" }) else { return false }
            sawDashes = true
        }
        return sawDashes
    }

    /// One cell per line. A run of header labels is one header row (a two-row header arrives
    /// flattened); after it, each record is the lines from a 序号 line, or from a blank line,
    /// up to the next one. Empty cells cannot be seen in this layout, so rows are not positional.
    private static func recordsFromLines(_ lines: [SourceLine]) -> [RawRow] {
        var rows: [RawRow] = []
        var record: [String] = []
        var recordLine = 0
        var inData = false
        func flush() {
            if !record.isEmpty { rows.append(RawRow(line: recordLine, cells: record, positional: false)) }
            record = []
        }
        let cells = lines.map { TextCleaning.cell($0.text) }
        func isLabel(_ i: Int) -> Bool {
            guard i < cells.count, let t = HeaderVocabulary.term(for: cells[i]) else { return false }
            return HeaderVocabulary.isHeaderEvidence(t) || { if case .role(.extra) = t { return true } else { return false } }()
        }
        func isMarkWord(_ cell: String) -> Bool {
            if case .role(.mark)? = HeaderVocabulary.term(for: cell) { return true }
            return false
        }
        var i = 0
        while i < lines.count {
            let cell = cells[i]
            var end = i
            while end < lines.count, isLabel(end) { end += 1 }
            // Three or more labels in a row, not all of them tick words (a data record may hold 全社会, 主动).
            if end - i >= 3, cells[i..<end].contains(where: { !isMarkWord($0) }) {
                flush()
                rows.append(RawRow(line: lines[i].number, cells: HeaderVocabulary.flattened(Array(cells[i..<end])), positional: false))
                inData = true
                i = end
                continue
            }
            if cell.isEmpty {
                flush()
            } else if !inData {
                rows.append(RawRow(line: lines[i].number, cells: [cell], positional: false))
            } else {
                if CellClassifier.seqNumber(cell) != nil { flush() }
                if record.isEmpty { recordLine = lines[i].number }
                record.append(cell)
            }
            i += 1
        }
        flush()
        return rows
    }
}
