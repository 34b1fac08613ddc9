import GongkaiDomain

/// Published 政府信息公开基本目录 text → `Catalogue`.
///
/// The pipeline, one file per step: bytes are checked and decoded (`TextDecoding`), cut into lines
/// (`SourceLines`) and cells (`TableSplitter`: tabs, `|` tables or one cell per line), split into
/// per-page blocks at each header (`HeaderLayout`, `HeaderVocabulary`), each row's cells are sorted
/// and placed by what they say (`BlockReader`, `CellClassifier`, `CheckboxParser`, `MarkAligner`,
/// `CellPlacer`), then grouped, numbered and filled from merged cells (`RowAssembler`).
/// Anything irregular becomes a warning (`Findings`); only text that is not a catalogue throws.
public enum CatalogueImporter {
    /// Parses a published 基本目录 text table. Throws only when the input is not a catalogue at all.
    public static func parse(_ text: String) throws(ImportError) -> Catalogue {
        try parse(data: Array(text.utf8))
    }

    /// Same, from raw bytes: strips a UTF-8 BOM, rejects invalid UTF-8 / binary with ImportError naming the line.
    public static func parse(data: [UInt8]) throws(ImportError) -> Catalogue {
        let text = try TextDecoding.decode(data)
        return try importText(text)
    }

    private static func importText(_ text: String) throws(ImportError) -> Catalogue {
        let lines = SourceLines.split(text)
        let firstLine = lines.first(where: { $0.text.unicodeScalars.contains { !TextCleaning.isSpace($0) } })?.number ?? 1
        guard let format = TableSplitter.detectFormat(lines) else { throw .noHeader(line: firstLine) }
        let (preamble, blocks) = HeaderLayout.blocks(TableSplitter.rows(lines, format: format))
        guard let firstBlock = blocks.first else { throw .noHeader(line: firstLine) }

        var warnings: [ImportWarning] = []
        let title = HeaderLayout.title(from: preamble)
        if title == nil {
            warnings.append(Findings.noTitle().warning(line: firstBlock.layout.headerLine, itemId: nil))
        }
        var book = ChannelBook()
        var rows: [PlacedRow] = []
        for block in blocks {
            let read = BlockReader(layout: block.layout, title: title).read(block.rows, book: &book)
            rows += read.rows
            warnings += read.warnings
        }
        let (items, itemWarnings) = RowAssembler.assemble(rows, book: book)
        warnings += itemWarnings
        if items.isEmpty {
            warnings.append(Findings.noItems().warning(line: firstBlock.layout.headerLine, itemId: nil))
        }
        // By line, keeping the order found within a line.
        let ordered = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return Catalogue(title: title ?? "", agency: title.map(HeaderLayout.agency(fromTitle:)) ?? "",
                         channels: book.order, items: items, warnings: ordered)
    }
}
