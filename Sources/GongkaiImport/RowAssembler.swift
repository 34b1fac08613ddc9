import GongkaiDomain

/// Turns placed rows into items: 序号 groups and ids, merged-cell inheritance, and the warnings
/// that need an item id.
enum RowAssembler {
    static func assemble(_ rows: [PlacedRow], book: ChannelBook) -> (items: [CatalogueItem], warnings: [ImportWarning]) {
        var rows = rows
        let groups = group(&rows)
        let ids = identifiers(groups)

        var items: [CatalogueItem] = []
        var warnings: [ImportWarning] = []
        var inherited = Inherited()
        for (group, groupIds) in zip(groups, ids) {
            for (k, index) in group.rows.enumerated() {
                var row = rows[index]
                let (id, part) = groupIds[k]
                let item = inherited.item(from: &row, id: id, seq: group.seq, part: part, book: book)
                items.append(item)
                warnings += row.findings.map { $0.warning(line: row.line, itemId: id) }
            }
        }
        return (items, warnings)
    }

    struct Group {
        var seq: Int
        var rows: [Int]
    }

    /// Rule 1: a numbered row starts a group, a row without 序号 continues the one above.
    /// Numbering problems are noted on the row where they show.
    static func group(_ rows: inout [PlacedRow]) -> [Group] {
        var groups: [Group] = []
        var last: Int?
        for i in rows.indices {
            if rows[i].seq == nil, !rows[i].columns.contains(.seq) {
                rows[i].seq = (last ?? 0) + 1  // no 序号 column at all: number rows in order
            }
            if let seq = rows[i].seq {
                let previous = last ?? 0
                if seq > previous + 1 {
                    rows[i].findings.insert(Findings.seqGap(after: previous, at: seq), at: 0)
                } else if seq <= previous {
                    rows[i].findings.insert(Findings.seqOrder(after: previous, at: seq), at: 0)
                }
                last = seq
                groups.append(Group(seq: seq, rows: [i]))
            } else if groups.isEmpty {
                rows[i].findings.insert(Findings.missingSeqFirst(), at: 0)
                groups.append(Group(seq: 0, rows: [i]))
            } else {
                if rows[i].category != nil || rows[i].subcategory != nil {
                    rows[i].findings.insert(Findings.missingSeqOwnHeading(joining: groups[groups.count - 1].seq), at: 0)
                }
                groups[groups.count - 1].rows.append(i)
            }
        }
        return groups
    }

    /// `N` for a numbered row alone, `N-1`, `N-2` … for a group. A repeated 序号 (already warned
    /// about) gets `_2`, `_3` … so that ids stay unique.
    static func identifiers(_ groups: [Group]) -> [[(id: String, part: Int?)]] {
        var used = Set<String>()
        return groups.map { group in
            var stem = "\(group.seq)"
            var n = 1
            while used.contains(stem) || used.contains("\(stem)-1") {
                n += 1
                stem = "\(group.seq)_\(n)"
            }
            let ids: [(id: String, part: Int?)] = group.rows.count == 1
                ? [(stem, nil)]
                : (1...group.rows.count).map { ("\(stem)-\($0)", $0) }
            ids.forEach { used.insert($0.id) }
            return ids
        }
    }

    /// Rule 2, merged cells: an empty 一级事项, 二级事项, 公开依据, 公开时限 or 公开渠道和载体 takes the
    /// nearest value above, across page breaks. 公开主体, 公开内容 and the ticks never do.
    struct Inherited {
        var category: String?
        var subcategory: String?
        var basis: String?
        var deadline: String?
        var channels: [Channel]?

        mutating func item(from row: inout PlacedRow, id: String, seq: Int, part: Int?, book: ChannelBook) -> CatalogueItem {
            let category = row.category ?? self.category ?? ""
            // A merged 二级事项 cell cannot reach past a new 一级事项: a row that starts a new
            // category without a subcategory has none.
            let subcategory = row.subcategory ?? (row.category != nil ? "" : self.subcategory ?? "")
            let basis = row.basis ?? self.basis ?? ""
            let deadline = row.deadline ?? self.deadline ?? ""
            let channels = row.channels ?? self.channels
            if let c = row.category { self.category = c }
            self.subcategory = subcategory
            if let b = row.basis { self.basis = b }
            if let d = row.deadline { self.deadline = d }
            if let c = row.channels { self.channels = c }

            let columns = row.columns
            if columns.contains(.category), category.isEmpty { row.findings.append(Findings.noCategory()) }
            if columns.contains(.content), (row.content ?? "").isEmpty { row.findings.append(Findings.noContent()) }
            if columns.contains(.basis), basis.isEmpty { row.findings.append(Findings.noBasis()) }
            if columns.contains(.office), (row.office ?? "").isEmpty { row.findings.append(Findings.noOffice()) }
            if columns.contains(.deadline), deadline.isEmpty { row.findings.append(Findings.noDeadline()) }
            if columns.contains(.channels), (channels ?? []).isEmpty {
                row.findings.append(Findings.noChannels(hadCell: row.channels != nil))
            }
            if columns.contains(.marks) {
                switch (row.audience.isEmpty, row.method.isEmpty) {
                case (true, true): row.findings.append(Findings.noMarks())
                case (true, false): row.findings.append(Findings.noAudience())
                case (false, true): row.findings.append(Findings.noMethod())
                case (false, false): break
                }
            }

            return CatalogueItem(
                id: id, seq: seq, part: part,
                category: category, subcategory: subcategory,
                content: row.content ?? "", basis: basis, office: row.office ?? "", deadline: deadline,
                channels: (channels ?? []).enumerated()
                    .sorted { (book.rank($0.element.name), $0.offset) < (book.rank($1.element.name), $1.offset) }
                    .map(\.element),
                audience: ["全社会", "特定群体"].filter(row.audience.contains),
                method: ["主动", "依申请"].filter(row.method.contains),
                level: columns.contains(.level) ? row.level ?? "" : nil,
                extra: row.extra)
        }
    }
}
