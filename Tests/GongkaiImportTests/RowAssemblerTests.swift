import GongkaiDomain
@testable import GongkaiImport
import Testing

@Suite("Row assembly: groups, ids and merged cells")
struct RowAssemblerTests {
    let all: Set<FieldKind> = [.seq, .category, .subcategory, .content, .basis, .office, .deadline, .channels, .marks]

    func row(_ line: Int, seq: Int?, category: String? = nil, sub: String? = nil, content: String? = "内容",
             basis: String? = nil, office: String? = "办公室", deadline: String? = nil, channels: [Channel]? = nil) -> PlacedRow {
        var r = PlacedRow(line: line, columns: all)
        r.seq = seq
        r.category = category
        r.subcategory = sub
        r.content = content
        r.basis = basis
        r.office = office
        r.deadline = deadline
        r.channels = channels
        r.audience = ["全社会"]
        r.method = ["主动"]
        return r
    }

    @Test("rows without 序号 continue the numbered row above as N-1, N-2 …; a row alone keeps N")
    func grouping() {
        let rows = [row(1, seq: 1, category: "甲", sub: "子", basis: "《法》", deadline: "3日内", channels: []),
                    row(2, seq: 2), row(3, seq: nil), row(4, seq: nil), row(5, seq: 3)]
        let (items, _) = RowAssembler.assemble(rows, book: ChannelBook())
        #expect(items.map(\.id) == ["1", "2-1", "2-2", "2-3", "3"])
        #expect(items.map(\.part) == [nil, 1, 2, 3, nil])
        #expect(items.map(\.seq) == [1, 2, 2, 2, 3])
    }

    @Test("empty 一级/二级事项, 公开依据, 公开时限 and channels inherit; office, content and ticks do not")
    func inheritance() {
        var second = row(2, seq: 2, content: nil, office: nil)
        second.audience = []
        second.method = []
        let rows = [row(1, seq: 1, category: "甲", sub: "子", basis: "《法》", deadline: "3日内", channels: [Channel(name: "政府网站")]),
                    second]
        let (items, warnings) = RowAssembler.assemble(rows, book: ChannelBook())
        let item = items[1]
        #expect(item.category == "甲" && item.subcategory == "子" && item.basis == "《法》" && item.deadline == "3日内")
        #expect(item.channels == [Channel(name: "政府网站")])
        #expect(item.office == "" && item.content == "" && item.audience.isEmpty && item.method.isEmpty)
        #expect(warnings.map(\.code) == ["no_content", "no_office", "no_marks"])
    }

    @Test("a merged 二级事项 does not reach past a new 一级事项")
    func subcategoryStopsAtNewCategory() {
        let rows = [row(1, seq: 1, category: "甲", sub: "子", basis: "b", deadline: "d", channels: []),
                    row(2, seq: 2, category: "乙"), row(3, seq: 3)]
        let (items, _) = RowAssembler.assemble(rows, book: ChannelBook())
        #expect(items[1].subcategory == "" && items[2].subcategory == "")
        #expect(items[2].category == "乙")
    }

    @Test("channels are listed in the catalogue's order, not the row's")
    func channelOrder() {
        var book = ChannelBook()
        book.noteCheckboxRow(["政府网站", "政府公报", "政务新媒体"])
        let rows = [row(1, seq: 1, category: "甲", basis: "b", deadline: "d",
                        channels: [Channel(name: "政务新媒体"), Channel(name: "政府网站")])]
        #expect(RowAssembler.assemble(rows, book: book).items[0].channels.map(\.name) == ["政府网站", "政务新媒体"])
    }
}
