/// Reads the √ columns (公开对象 全社会/特定群体, 公开方式 主动/依申请).
///
/// The extraction moved these columns around: on some pages every row's ticks sit one column right
/// of the header (the channel cell was split in two), and a single row whose text spills into the
/// first tick column pushes its own ticks right. So: per block, find the window start that the most
/// rows agree with (ties go to the header's own position), then let each row that cannot use it
/// shift right to the nearest start its cells allow.
enum MarkAligner {
    struct Input: Sendable {
        /// Tick cells: column and whether ticked (√) or explicitly not (×, 否, □).
        var marks: [(column: Int, ticked: Bool)]
        /// Columns of every other non-empty cell, which a tick window may not cover.
        var textColumns: [Int]
    }

    struct Reading: Sendable, Equatable {
        var audience: [String] = []
        var method: [String] = []
        /// The row had tick cells at all (ticked or not).
        var hadMarks = false
        /// How far this row's ticks sit right of the block's (0 normally).
        var rowShift = 0
        /// Tick cells that fit no tick column.
        var strayColumns: [Int] = []
        /// One cell per line: tick cells present but not one per tick column, so unreadable.
        var ambiguous = false
    }

    struct Result: Sendable {
        /// How far the block's ticks sit right (+) or left (−) of its header.
        var blockShift = 0
        var readings: [Reading]
    }

    static func align(_ rows: [Input], columns: [MarkColumn], positional: Bool) -> Result {
        guard let first = columns.first else {
            return Result(readings: rows.map { Reading(hadMarks: !$0.marks.isEmpty, strayColumns: $0.marks.map(\.column)) })
        }
        guard positional else {
            return Result(readings: rows.map { readInOrder($0, columns: columns) })
        }
        let base = first.column
        let offsets = columns.map { $0.column - base }
        let offsetIndex = Dictionary(offsets.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        func fits(_ row: Input, _ start: Int) -> Bool {
            for m in row.marks where offsetIndex[m.column - start] == nil { return false }
            for t in row.textColumns where offsetIndex[t - start] != nil { return false }
            return true
        }

        let low = max(0, base - 3)
        let high = base + 8
        let marked = rows.filter { !$0.marks.isEmpty }
        var blockStart = base
        var bestCount = -1
        // Candidates nearest the header first, so a tie keeps the header's position.
        let candidates = (low...high).sorted { (abs($0 - base), $0) < (abs($1 - base), $1) }
        for s in candidates {
            let count = marked.reduce(0) { $0 + (fits($1, s) ? 1 : 0) }
            if count > bestCount {
                bestCount = count
                blockStart = s
            }
        }

        let readings = rows.map { row -> Reading in
            guard !row.marks.isEmpty else { return Reading() }
            var start = blockStart
            if !fits(row, start) {
                // Spilled text pushes ticks right; failing that, try left of the block's start.
                let right = (blockStart + 1)...(blockStart + 8)
                let left = stride(from: blockStart - 1, through: low, by: -1)
                start = right.first(where: { fits(row, $0) }) ?? left.first(where: { fits(row, $0) }) ?? blockStart
            }
            var reading = Reading(hadMarks: true, rowShift: start - blockStart)
            for m in row.marks {
                guard let index = offsetIndex[m.column - start] else {
                    reading.strayColumns.append(m.column)
                    continue
                }
                if m.ticked { record(columns[index], in: &reading) }
            }
            return reading
        }
        return Result(blockShift: blockStart - base, readings: readings)
    }

    /// Without positions, ticks can be read only when there is one per tick column (√/× filled in).
    private static func readInOrder(_ row: Input, columns: [MarkColumn]) -> Reading {
        guard !row.marks.isEmpty else { return Reading() }
        var reading = Reading(hadMarks: true)
        guard row.marks.count == columns.count else {
            reading.ambiguous = true
            return reading
        }
        for (m, column) in zip(row.marks, columns) where m.ticked { record(column, in: &reading) }
        return reading
    }

    private static func record(_ column: MarkColumn, in reading: inout Reading) {
        switch column.field {
        case .audience: if !reading.audience.contains(column.value) { reading.audience.append(column.value) }
        case .method: if !reading.method.contains(column.value) { reading.method.append(column.value) }
        }
    }
}
