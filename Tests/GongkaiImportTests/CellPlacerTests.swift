@testable import GongkaiImport
import Testing

@Suite("Placing cells by what they are")
struct CellPlacerTests {
    let fields: [FieldColumn] = [
        FieldColumn(column: 1, role: .category), FieldColumn(column: 2, role: .subcategory), FieldColumn(column: 3, role: .content),
        FieldColumn(column: 4, role: .basis), FieldColumn(column: 5, role: .office), FieldColumn(column: 6, role: .deadline),
        FieldColumn(column: 7, role: .channels),
    ]

    func placed(_ cells: [(Int, String)], positional: Bool = true) -> [String: String] {
        let texts = cells.map { TextCell(column: $0.0, text: $0.1, traits: CellClassifier.traits($0.1, channels: ChannelBook())) }
        let placement = CellPlacer.place(texts, into: fields, positional: positional)
        var out: [String: String] = [:]
        for (c, f) in placement.assigned { out[fields[f].role.label] = texts[c].text }
        for c in placement.unplaced { out["unplaced"] = texts[c].text }
        return out
    }

    @Test("row 13 of the seed: content under 公开依据, office and deadline under the tick headers")
    func seedRow13() {
        let out = placed([(2, "政策文件解读"), (4, "涉及有关政策文件的解读"), (8, "牵头起草工作的各科室"), (9, "政策文件公开发布后3个工作日内")])
        #expect(out == ["二级事项": "政策文件解读", "公开内容": "涉及有关政策文件的解读", "公开主体": "牵头起草工作的各科室",
                        "公开时限": "政策文件公开发布后3个工作日内"])
    }

    @Test("row 9 of the seed: everything one column left, the numbered heading stays 二级事项")
    func seedRow9() {
        let out = placed([(1, "法律、法规"), (2, "1. 国家有关法律、法规"), (3, "《条例》"), (4, "办公室"), (5, "20个工作日内")])
        #expect(out == ["一级事项": "法律、法规", "二级事项": "1. 国家有关法律、法规", "公开依据": "《条例》", "公开主体": "办公室",
                        "公开时限": "20个工作日内"])
    }

    @Test("a plain cell under a typed header is taken when nothing fits better")
    func plainCellUnderTypedHeader() {
        #expect(placed([(3, "内容"), (6, "年度结束后公布")])["公开时限"] == "年度结束后公布")
    }

    @Test("a cell beyond every fitting field is reported unplaced")
    func unplaced() {
        #expect(placed([(3, "内容"), (5, "办公室"), (12, "乱码")])["unplaced"] == "乱码")
    }

    @Test("without positions, plain cells fill 公开内容, then 二级事项, then 一级事项")
    func noPositions() {
        #expect(placed([(0, "甲"), (1, "办公室")], positional: false) == ["公开内容": "甲", "公开主体": "办公室"])
        #expect(placed([(0, "甲"), (1, "乙")], positional: false) == ["二级事项": "甲", "公开内容": "乙"])
        #expect(placed([(0, "甲"), (1, "乙"), (2, "丙")], positional: false) == ["一级事项": "甲", "二级事项": "乙", "公开内容": "丙"])
    }
}
