/// A non-empty text cell of a data row.
struct TextCell: Sendable {
    let column: Int
    let text: String
    let traits: TextTraits
}

/// Places a row's text cells onto the header's fields "by what they are, not only by their column".
///
/// Cells keep their left-to-right order (the extraction shifts cells, it never swaps them), so this
/// is a sequence alignment: dynamic programming over (cell, field) pairs, maximising a score that
/// rewards a cell's wording matching the field (《》 → 公开依据, …个工作日内 → 公开时限, …科室 →
/// 公开主体) and, less, sitting under the field's header. A cell that fits no field is left out
/// and reported rather than forced somewhere.
enum CellPlacer {
    struct Placement: Sendable, Equatable {
        /// (cell index, field index) pairs, in order.
        var assigned: [(cell: Int, field: Int)]
        /// Cells that fit no field.
        var unplaced: [Int]

        static func == (a: Placement, b: Placement) -> Bool {
            a.unplaced == b.unplaced && a.assigned.elementsEqual(b.assigned) { $0.cell == $1.cell && $0.field == $1.field }
        }
    }

    /// Beyond this many cells a row is not a catalogue row; the rest are reported unplaced.
    static let maxCells = 64
    private static let skipPenalty = -3.0

    static func place(_ cells: [TextCell], into fields: [FieldColumn], positional: Bool) -> Placement {
        let n = min(cells.count, maxCells)
        let m = fields.count
        let width = m + 1
        // best[i * width + j]: best score placing the first i cells using the first j fields.
        var best = [Double](repeating: 0, count: (n + 1) * width)
        // 0 = field j unused, 1 = cell i skipped, 2 = cell i → field j.
        var step = [UInt8](repeating: 0, count: (n + 1) * width)
        for i in stride(from: 1, through: n, by: 1) {
            best[i * width] = Double(i) * skipPenalty
            step[i * width] = 1
        }
        for i in stride(from: 1, through: n, by: 1) {
            for j in stride(from: 1, through: m, by: 1) {
                var value = best[(i - 1) * width + j] + skipPenalty
                var choice: UInt8 = 1
                if best[i * width + j - 1] >= value {
                    value = best[i * width + j - 1]
                    choice = 0
                }
                if let s = score(cells[i - 1], fields[j - 1], positional: positional), best[(i - 1) * width + j - 1] + s >= value {
                    value = best[(i - 1) * width + j - 1] + s
                    choice = 2
                }
                best[i * width + j] = value
                step[i * width + j] = choice
            }
        }
        var assigned: [(cell: Int, field: Int)] = []
        var unplaced = Array(n..<cells.count)
        var i = n, j = m
        while i > 0 {
            switch step[i * width + j] {
            case 2:
                assigned.append((i - 1, j - 1))
                i -= 1
                j -= 1
            case 1:
                unplaced.append(i - 1)
                i -= 1
            default:
                j -= 1
            }
        }
        return Placement(assigned: assigned.reversed(), unplaced: unplaced.sorted())
    }

    /// How well a cell fits a field; nil when it must not go there.
    static func score(_ cell: TextCell, _ field: FieldColumn, positional: Bool) -> Double? {
        let t = cell.traits
        let distance = abs(cell.column - field.column)
        let exact = positional && distance == 0
        let position: Double = positional ? Double(max(0, 3 - distance)) : 0
        let fit: Double?
        switch field.role {
        // Free-text fields take any plain cell. The small differences make the one-cell-per-line
        // layout, which has no positions, fill 公开内容 first, then 二级事项, then 一级事项.
        case .category: fit = t.isStrong ? -4 : 1.1
        case .subcategory: fit = t.isStrong ? -4 : 1.2
        case .content: fit = t.isStrong ? -4 : 1.3
        case .extra: fit = t.isStrong ? -4 : 1.0
        case .basis:
            if t.contains(.basis) { fit = 10 }
            else if t.isStrong { fit = nil }
            else if t.contains(.weakBasis) && (exact || !positional) { fit = 1 }
            else { fit = exact ? -0.5 : nil }
        case .office: fit = typed(t, .office, exact: exact)
        case .deadline: fit = typed(t, .deadline, exact: exact)
        case .level: fit = typed(t, .level, exact: exact)
        case .channels: fit = typed(t, .channelText, exact: exact)
        case .audienceWords: fit = t.contains(.audienceWords) ? 10 : nil
        case .methodWords: fit = t.contains(.methodWords) ? 10 : nil
        case .seq, .mark: fit = nil
        }
        return fit.map { $0 + position }
    }

    /// A typed field takes a cell that reads as its kind, or a plain cell right under its header.
    private static func typed(_ t: TextTraits, _ kind: TextTraits, exact: Bool) -> Double? {
        if t.contains(kind) { return 10 }
        if t.isStrong { return nil }
        return exact ? -0.5 : nil
    }
}
