@testable import GongkaiImport
import Testing

@Suite("Header layout detection")
struct HeaderLayoutTests {
    func layout(_ top: [String], _ sub: [String]? = nil) -> BlockLayout {
        HeaderLayout.layout(top: RawRow(line: 1, cells: top, positional: true),
                            sub: sub.map { RawRow(line: 2, cells: $0, positional: true) })
    }

    @Test("the seed's two header rows give every column its role")
    func seedHeader() {
        let l = layout(["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开主体", "公开时限", "公开渠道和载体", "公开对象", "", "公开方式", ""],
                       ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请"])
        #expect(l.seqColumn == 0)
        #expect(l.fields == [
            FieldColumn(column: 1, role: .category), FieldColumn(column: 2, role: .subcategory),
            FieldColumn(column: 3, role: .content), FieldColumn(column: 4, role: .basis),
            FieldColumn(column: 5, role: .office), FieldColumn(column: 6, role: .deadline),
            FieldColumn(column: 7, role: .channels),
        ])
        #expect(l.marks == [
            MarkColumn(column: 8, field: .audience, value: "全社会"), MarkColumn(column: 9, field: .audience, value: "特定群体"),
            MarkColumn(column: 10, field: .method, value: "主动"), MarkColumn(column: 11, field: .method, value: "依申请"),
        ])
    }

    @Test("other departments' wording maps to the same roles", arguments: [
        ("一级目录", ColumnRole.category), ("二级目录", .subcategory), ("公开内容", .content), ("公开内容(要素)", .content),
        ("责任主体", .office), ("责任科室", .office), ("公开时限", .deadline), ("公开渠道", .channels), ("公开层级", .level),
        ("特定群众", .mark(.audience, "特定群体")), ("依申请公开", .mark(.method, "依申请")), ("序　号", .seq), ("备注", .extra("备注")),
    ])
    func synonyms(_ label: String, _ role: ColumnRole) {
        #expect(HeaderVocabulary.term(for: label) == .role(role))
    }

    @Test("公开对象 and 公开方式 without a second row are single columns of words")
    func loneGroups() {
        let l = layout(["序号", "公开事项", "公开内容", "公开对象", "公开方式", "联系电话"])
        #expect(l.fields.map(\.role) == [.category, .content, .audienceWords, .methodWords, .extra("联系电话")])
        #expect(l.marks.isEmpty)
    }

    @Test("a data row is never taken for a header")
    func dataRowIsNotHeader() {
        #expect(!HeaderLayout.isHeaderRow(RawRow(line: 1, cells: ["1", "全社会", "主动", "公开内容"], positional: true)))
        #expect(!HeaderLayout.isSubHeaderRow(RawRow(line: 1, cells: ["", "机构信息", "全社会"], positional: true)))
    }

    @Test("a flattened two-row header puts sub-labels where their group stood")
    func flattening() {
        #expect(HeaderVocabulary.flattened(["序号", "公开事项", "公开内容", "公开对象", "一级事项", "二级事项", "全社会", "特定群体"])
            == ["序号", "一级事项", "二级事项", "公开内容", "全社会", "特定群体"])
    }

    @Test("the title is the preamble line naming a 目录; the agency is the title minus its suffix")
    func titleAndAgency() {
        let preamble = [RawRow(line: 1, cells: ["附件"], positional: true),
                        RawRow(line: 2, cells: ["# 某局政府信息公开基本目录"], positional: true)]
        #expect(HeaderLayout.title(from: preamble) == "某局政府信息公开基本目录")
        #expect(HeaderLayout.agency(fromTitle: "某局政府信息公开基本目录（2024年版）") == "某局")
        #expect(HeaderLayout.agency(fromTitle: "某局目录") == "某局目录")
    }
}
