import GongkaiDomain

/// The fields a block's header offers, so that a missing value is only warned about when its
/// column exists.
enum FieldKind: Sendable, Hashable {
    case seq, category, subcategory, content, basis, office, deadline, channels, marks, level
}

/// A data row read into fields, before merged cells are filled in and ids are given.
/// nil means "the cell is empty" — for merged columns that means "same as above".
struct PlacedRow: Sendable {
    let line: Int
    var seq: Int?
    var category: String?
    var subcategory: String?
    var content: String?
    var basis: String?
    var office: String?
    var deadline: String?
    var level: String?
    /// nil when the row has no channel cell at all (merged: inherit); [] when none is ticked.
    var channels: [Channel]?
    var audience: [String] = []
    var method: [String] = []
    var extra: [String: String] = [:]
    /// What was irregular in this row, tied to its item once ids are known.
    var findings: [Finding] = []
    let columns: Set<FieldKind>

    init(line: Int, columns: Set<FieldKind>) {
        self.line = line
        self.columns = columns
    }
}

/// Reads the data rows of one block: sorts cells into 序号, ticks, checkbox lists and text, aligns
/// the ticks, places the text cells, and notes everything irregular on the row.
struct BlockReader {
    let layout: BlockLayout
    /// The catalogue title; a page that repeats it above its table is not warned about.
    let title: String?

    private struct Cells {
        let row: RawRow
        var seq: Int?
        var texts: [TextCell] = []
        var marks: [(column: Int, ticked: Bool)] = []
        var checkboxes: [(column: Int, list: CheckboxParser.List)] = []
    }

    func read(_ rows: [RawRow], book: inout ChannelBook) -> (rows: [PlacedRow], warnings: [ImportWarning]) {
        var warnings: [ImportWarning] = []
        var prepared: [Cells] = []
        for row in rows {
            let cells = sort(row, book: book)
            if isStrayLine(cells) {
                if let text = cells.texts.first?.text, text != title {
                    warnings.append(Findings.ignoredLine(text).warning(line: row.line, itemId: nil))
                }
                continue
            }
            prepared.append(cells)
        }
        if layout.seqColumn == nil, !prepared.isEmpty {
            warnings.append(Findings.noSeqColumn().warning(line: layout.headerLine, itemId: nil))
        }

        let inputs = prepared.map { cells in
            MarkAligner.Input(marks: cells.marks,
                              textColumns: cells.texts.map(\.column) + cells.checkboxes.map(\.column))
        }
        let alignment = MarkAligner.align(inputs, columns: layout.marks, positional: layout.positional)
        if alignment.blockShift != 0 {
            warnings.append(Findings.marksShifted(by: alignment.blockShift).warning(line: layout.headerLine, itemId: nil))
        }

        let columns = fieldKinds()
        var placed: [PlacedRow] = []
        for (cells, reading) in zip(prepared, alignment.readings) {
            var row = PlacedRow(line: cells.row.line, columns: columns)
            row.seq = cells.seq
            // Every extra column the header names appears in `extra`, empty or not: a stable key set.
            for field in layout.fields { if case .extra(let name) = field.role { row.extra[name] = "" } }
            readCheckboxes(cells.checkboxes, into: &row, book: &book)
            placeTexts(cells.texts, into: &row, markShift: reading.rowShift, book: &book)
            row.audience += reading.audience.filter { !row.audience.contains($0) }
            row.method += reading.method.filter { !row.method.contains($0) }
            if !reading.strayColumns.isEmpty { row.findings.append(Findings.strayMarks(columns: reading.strayColumns)) }
            if reading.ambiguous { row.findings.append(Findings.ambiguousMarks()) }
            placed.append(row)
        }
        return (placed, warnings)
    }

    /// Each non-empty cell is a 序号, a tick, a checkbox list or text.
    private func sort(_ row: RawRow, book: ChannelBook) -> Cells {
        var cells = Cells(row: row)
        for (column, text) in row.cells.prefix(HeaderLayout.maxColumns * 2).enumerated() where !text.isEmpty {
            if cells.seq == nil, isSeqColumn(column), let n = CellClassifier.seqNumber(text) {
                cells.seq = n
            } else if let ticked = CellClassifier.mark(text) {
                cells.marks.append((column, ticked))
            } else if let list = CheckboxParser.list(in: text),
                      list.isHTML || list.ticks.contains(where: { book.isKnown(CheckboxParser.channel(fromLabel: $0.label).name) }) {
                cells.checkboxes.append((column, list))
            } else {
                cells.texts.append(TextCell(column: column, text: text, traits: CellClassifier.traits(text, channels: book)))
            }
        }
        if row.cells.count > HeaderLayout.maxColumns * 2 {
            // Cells past any plausible table width: reported (as unplaced) rather than read.
            if let first = row.cells.dropFirst(HeaderLayout.maxColumns * 2).first(where: { !$0.isEmpty }) {
                cells.texts.append(TextCell(column: HeaderLayout.maxColumns * 2, text: first, traits: []))
            }
        }
        return cells
    }

    private func isSeqColumn(_ column: Int) -> Bool {
        guard let seqColumn = layout.seqColumn else { return false }
        return layout.positional ? column == seqColumn : column == 0
    }

    /// A lone text in the first column with nothing else: a note, a repeated title, not a row.
    private func isStrayLine(_ cells: Cells) -> Bool {
        guard layout.positional, cells.seq == nil, cells.marks.isEmpty, cells.checkboxes.isEmpty,
              cells.texts.count == 1, let only = cells.texts.first else { return false }
        return only.column <= (layout.seqColumn ?? 0)
    }

    private func readCheckboxes(_ lists: [(column: Int, list: CheckboxParser.List)], into row: inout PlacedRow, book: inout ChannelBook) {
        guard !lists.isEmpty else { return }
        // One row may split its checkboxes over two cells: take all of them.
        let ticks = lists.flatMap(\.list.ticks)
        let channels = ticks.map { CheckboxParser.channel(fromLabel: $0.label) }
        book.noteCheckboxRow(channels.map(\.name))
        var ticked: [Channel] = []
        var warned = Set<String>()
        for (tick, channel) in zip(ticks, channels) {
            if !book.isExpected(channel.name), warned.insert(channel.name).inserted {
                row.findings.append(Findings.unknownChannel(channel.name))
            }
            if tick.ticked, !ticked.contains(where: { $0.name == channel.name }) { ticked.append(channel) }
        }
        row.channels = ticked
    }

    private func placeTexts(_ texts: [TextCell], into row: inout PlacedRow, markShift: Int, book: inout ChannelBook) {
        let placement = CellPlacer.place(texts, into: layout.fields, positional: layout.positional)
        var moves: [(text: String, from: Int, to: String)] = []
        for (c, f) in placement.assigned {
            let cell = texts[c]
            let field = layout.fields[f]
            if layout.positional && cell.column != field.column {
                moves.append((cell.text, cell.column, field.role.label))
            }
            switch field.role {
            case .category: row.category = cell.text
            case .subcategory: row.subcategory = cell.text
            case .content: row.content = cell.text
            case .basis: row.basis = cell.text
            case .office: row.office = cell.text
            case .deadline: row.deadline = cell.text
            case .level: row.level = cell.text
            case .extra(let name): row.extra[name] = cell.text
            case .channels: readChannelText(cell.text, into: &row, book: &book)
            case .audienceWords: row.audience += (CellClassifier.audienceWords(cell.text) ?? []).filter { !row.audience.contains($0) }
            case .methodWords: row.method += (CellClassifier.methodWords(cell.text) ?? []).filter { !row.method.contains($0) }
            case .seq, .mark: break
            }
        }
        // A handful are worth quoting; past that the row is garbage and one summary says so.
        for c in placement.unplaced.prefix(5) {
            row.findings.append(Findings.unplacedCell(texts[c].text, column: layout.positional ? texts[c].column : nil))
        }
        if placement.unplaced.count > 5 { row.findings.append(Findings.moreUnplacedCells(placement.unplaced.count - 5)) }
        if !moves.isEmpty || markShift != 0 {
            row.findings.append(Findings.cellsMoved(moves, markShift: markShift))
        }
    }

    /// Channels written as words: `政府网站、政务新媒体（根据具体情况选择）`.
    private func readChannelText(_ text: String, into row: inout PlacedRow, book: inout ChannelBook) {
        var channels = row.channels ?? []
        for item in TextCleaning.listItems(text) {
            let channel = CheckboxParser.channel(fromLabel: item)
            if !book.isKnown(channel.name) { row.findings.append(Findings.unknownChannel(channel.name)) }
            book.register(channel.name)
            if !channels.contains(where: { $0.name == channel.name }) { channels.append(channel) }
        }
        row.channels = channels
    }

    private func fieldKinds() -> Set<FieldKind> {
        var kinds = Set<FieldKind>()
        if layout.seqColumn != nil { kinds.insert(.seq) }
        if !layout.marks.isEmpty { kinds.insert(.marks) }
        for field in layout.fields {
            switch field.role {
            case .category: kinds.insert(.category)
            case .subcategory: kinds.insert(.subcategory)
            case .content: kinds.insert(.content)
            case .basis: kinds.insert(.basis)
            case .office: kinds.insert(.office)
            case .deadline: kinds.insert(.deadline)
            case .channels: kinds.insert(.channels)
            case .level: kinds.insert(.level)
            case .audienceWords, .methodWords: kinds.insert(.marks)
            case .seq, .mark, .extra: break
            }
        }
        return kinds
    }
}
