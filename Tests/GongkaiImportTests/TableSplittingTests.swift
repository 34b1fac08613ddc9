@testable import GongkaiImport
import Testing

@Suite("Lines and table splitting")
struct TableSplittingTests {
    @Test("LF, CRLF and lone CR all end a line, and numbering counts each once")
    func lineEnds() {
        let lines = SourceLines.split("a\nb\r\nc\rd")
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.map { String($0.text) } == ["a", "b", "c", "d"])
    }

    @Test("tab rows keep empty cells so column positions survive")
    func tabsKeepEmptyCells() {
        #expect(TableSplitter.splitTabs("1\t\t办公室\t") == ["1", "", "办公室", ""])
    }

    @Test("pipe rows drop the outer bars and keep escaped bars inside a cell")
    func pipes() {
        #expect(TableSplitter.splitPipes("| 1 | a \\| b | |") == ["1", "a | b", ""])
        #expect(TableSplitter.splitPipes("1 | 办公室") == ["1", "办公室"])
    }

    @Test("Markdown separator rows are recognised, data rows are not")
    func separatorRows() {
        #expect(TableSplitter.isSeparatorRow(["---", ":---:", "", "--:"]))
        #expect(!TableSplitter.isSeparatorRow(["---", "办公室"]))
        #expect(!TableSplitter.isSeparatorRow(["", ""]))
    }

    @Test("the layout is judged from the first header-like line", arguments: [
        ("标题\n序号\t公开内容\t公开主体", TableFormat.tabs),
        ("标题\n| 序号 | 公开内容 | 公开主体 |", .pipes),
        ("标题\n序号\n公开内容\n公开主体\n1", .lines),
    ])
    func formatDetection(_ text: String, _ format: TableFormat) {
        #expect(TableSplitter.detectFormat(SourceLines.split(text)) == format)
    }

    @Test("one cell per line: records start at a 序号 line or after a blank line")
    func lineRecords() {
        let rows = TableSplitter.rows(SourceLines.split("标题\n序号\n公开内容\n公开主体\n1\n内容甲\n办公室\n\n内容乙\n科室\n2\n内容丙"), format: .lines)
        #expect(rows.map(\.cells) == [["标题"], ["序号", "公开内容", "公开主体"], ["1", "内容甲", "办公室"], ["内容乙", "科室"], ["2", "内容丙"]])
        #expect(rows.map(\.line) == [1, 2, 5, 9, 11])
        #expect(rows.allSatisfy { !$0.positional })
    }

    @Test("cells are trimmed of every kind of space, padding undone, <br> and entities resolved")
    func cellCleaning() {
        #expect(TextCleaning.cell("\u{3000} 办　公　室 \u{200B}") == "办公室")
        #expect(TextCleaning.cell("(1) 机构名称；(2) 联系方式") == "(1) 机构名称；(2) 联系方式")
        #expect(TextCleaning.cell("甲<br/>乙&nbsp;&amp;丙") == "甲 乙 &丙")
    }

    @Test("lists split on 、，； and spaces but never inside parentheses")
    func listItems() {
        #expect(TextCleaning.listItems("政府网站、政务新媒体（微信、微博）；公示栏") == ["政府网站", "政务新媒体（微信、微博）", "公示栏"])
    }
}
