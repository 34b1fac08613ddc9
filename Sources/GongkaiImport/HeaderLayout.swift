/// A text column and what its header says it holds.
struct FieldColumn: Sendable, Equatable {
    let column: Int
    let role: ColumnRole
}

/// A tick column: 全社会, 特定群体 (audience) or 主动, 依申请 (method).
struct MarkColumn: Sendable, Equatable {
    let column: Int
    let field: MarkField
    let value: String
}

/// The column layout of one printed page, read from its header row(s). Every page repeats the
/// header, and the extraction shifted columns differently per page, so each block has its own.
struct BlockLayout: Sendable {
    /// Line of the (first) header row.
    let headerLine: Int
    /// False for one-cell-per-line text, where a cell's index says nothing about its column.
    let positional: Bool
    let seqColumn: Int?
    /// Text columns in column order; marks and 序号 excluded.
    let fields: [FieldColumn]
    /// Tick columns in column order.
    let marks: [MarkColumn]

    func has(_ role: ColumnRole) -> Bool { fields.contains { $0.role == role } }
}

/// A header and the data rows under it, up to the next header.
struct TableBlock: Sendable {
    let layout: BlockLayout
    var rows: [RawRow]
}

/// Splits rows into the preamble (title lines) and blocks, each starting at a header.
enum HeaderLayout {
    /// Wider headers are not a catalogue; the cap also bounds the work done per row.
    static let maxColumns = 64

    static func blocks(_ rows: [RawRow]) -> (preamble: [RawRow], blocks: [TableBlock]) {
        var preamble: [RawRow] = []
        var blocks: [TableBlock] = []
        var i = 0
        while i < rows.count {
            let row = rows[i]
            if isHeaderRow(row) {
                var sub: RawRow?
                if row.positional, i + 1 < rows.count, isSubHeaderRow(rows[i + 1]) {
                    sub = rows[i + 1]
                    i += 1
                }
                blocks.append(TableBlock(layout: layout(top: row, sub: sub), rows: []))
            } else if row.isBlank {
                // page breaks and spacing
            } else if blocks.isEmpty {
                preamble.append(row)
            } else {
                blocks[blocks.count - 1].rows.append(row)
            }
            i += 1
        }
        return (preamble, blocks)
    }

    static func isHeaderRow(_ row: RawRow) -> Bool {
        TableSplitter.isHeaderLike(row.cells)
    }

    /// The `一级事项 / 二级事项 / 全社会 / 特定群体 / 主动 / 依申请` row under a header.
    static func isSubHeaderRow(_ row: RawRow) -> Bool {
        var count = 0
        for cell in row.cells where !cell.isEmpty {
            guard let term = HeaderVocabulary.term(for: cell), HeaderVocabulary.isSubLabel(term) else { return false }
            count += 1
        }
        return count >= 2
    }

    static func layout(top: RawRow, sub: RawRow?) -> BlockLayout {
        let width = min(maxColumns, max(top.cells.count, sub?.cells.count ?? 0))
        let topTerms = top.cells.prefix(width).map(HeaderVocabulary.term(for:))
        let subTerms = sub.map { $0.cells.prefix(width).map(HeaderVocabulary.term(for:)) } ?? []
        // A group label is split by its sub-labels when any are present; otherwise it is one column of words.
        let subRoles: [ColumnRole] = (subTerms + topTerms).compactMap { if case .role(let r)? = $0 { r } else { nil } }
        var roles: [(Int, ColumnRole)] = []
        var taken = Set<ColumnRole>()
        for c in 0..<width {
            var role: ColumnRole?
            if c < subTerms.count, case .role(let r)? = subTerms[c], HeaderVocabulary.isSubLabel(.role(r)) {
                role = r
            } else if c < topTerms.count {
                switch topTerms[c] {
                case .role(let r)?: role = r
                case .group(let g)?: role = subRoles.contains(where: g.owns) ? nil : g.loneRole
                case nil: role = top.cells[c].isEmpty ? nil : .extra(top.cells[c])
                }
            }
            guard var r = role else { continue }
            // The same field twice: keep the first, keep the second as its own column.
            if taken.contains(r), !isMark(r) { r = .extra(c < top.cells.count && !top.cells[c].isEmpty ? top.cells[c] : r.label + "\(c + 1)") }
            taken.insert(r)
            roles.append((c, r))
        }
        var seqColumn: Int?
        var fields: [FieldColumn] = []
        var marks: [MarkColumn] = []
        for (c, r) in roles {
            switch r {
            case .seq: if seqColumn == nil { seqColumn = c }
            case .mark(let field, let value): marks.append(MarkColumn(column: c, field: field, value: value))
            default: fields.append(FieldColumn(column: c, role: r))
            }
        }
        return BlockLayout(headerLine: top.line, positional: top.positional, seqColumn: seqColumn, fields: fields, marks: marks)
    }

    private static func isMark(_ role: ColumnRole) -> Bool {
        if case .mark = role { return true }
        return false
    }

    /// The catalogue's title: the first preamble line that names a 目录, else the first line.
    /// Markdown decoration (`# `, `**…**`) is dropped.
    static func title(from preamble: [RawRow]) -> String? {
        let texts = preamble.map { row in
            var t = Substring(row.nonEmptyCells.joined(separator: " "))
            while let f = t.first, f == "#" || f == "*" || f == "_" || f == " " || f == "=" { t = t.dropFirst() }
            while let l = t.last, l == "#" || l == "*" || l == "_" || l == " " || l == "=" { t = t.dropLast() }
            return String(t)
        }.filter { !$0.isEmpty }
        return texts.first(where: { $0.has("目录") }) ?? texts.first
    }

    /// The title minus 政府信息公开基本目录 (or a close variant), e.g. 安宁市工业和科学技术信息化局.
    static func agency(fromTitle title: String) -> String {
        for suffix in ["政府信息公开基本目录", "政务公开基本目录", "信息公开基本目录", "政府信息公开目录", "政务公开目录", "基本目录"] {
            if let range = title.firstRange(of: suffix) {
                let agency = TextCleaning.cell(title[title.startIndex..<range.lowerBound])
                return agency.isEmpty ? title : agency
            }
        }
        return title
    }
}
