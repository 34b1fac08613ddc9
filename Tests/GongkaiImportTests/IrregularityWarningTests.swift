import GongkaiDomain
import GongkaiImport
import Testing

/// Rule 5: anything irregular is a warning with a stable code, the item and the line.
@Suite("Irregular rows are reported, never guessed silently")
struct IrregularityWarningTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Fixture.catalogue("irregular-rows.txt")
    }

    @Test("each irregularity gives exactly one warning with its code, item and line")
    func everyIrregularity() {
        #expect(catalogue.warningKeys == [
            "no_title - @1",
            "missing_seq 0 @2",
            "seq_gap 3 @4",
            "seq_order 3_2 @5",
            "no_content 4 @6",
            "no_office 5 @7",
            "unknown_channel 6 @8",
            "unplaced_cell 7-1 @9",
            "missing_seq 7-2 @10",
            "ignored_line - @11",
        ])
    }

    @Test("a first row without 序号 is imported as 序号 0, not dropped")
    func firstRowWithoutSeq() {
        #expect(catalogue.must("0").content == "职能说明")
    }

    @Test("a repeated 序号 keeps ids unique")
    func repeatedSeq() {
        #expect(catalogue.must("3").content == "机构名单")
        #expect(catalogue.must("3_2").content == "联系电话")
        #expect(Set(catalogue.items.map(\.id)).count == catalogue.items.count)
    }

    @Test("an unknown channel is kept as written and joins the catalogue's channel list")
    func unknownChannelKept() {
        #expect(catalogue.channels == ["政府网站", "微信群"])
        #expect(catalogue.must("6").channels == [Channel(name: "政府网站")])
    }

    @Test("a cell that fits nowhere is quoted in its warning and not forced into a field")
    func unplacedCellIsQuoted() throws {
        let warning = try #require(catalogue.warnings.first { $0.code == "unplaced_cell" })
        #expect(warning.message.contains("乱码文字XYZ"))
        let item = catalogue.must("7-1")
        #expect(![item.category, item.subcategory, item.content, item.basis, item.office, item.deadline].contains("乱码文字XYZ"))
    }

    @Test("a row without 序号 still continues the row above, even when it looks like its own item")
    func rowWithoutSeqStillJoins() {
        #expect(catalogue.must("7-2").subcategory == "其他信息")
        #expect(catalogue.must("7-1").part == 1)
    }

    @Test("a note under the table is skipped, not made an item")
    func noteIsSkipped() {
        #expect(!catalogue.items.contains { $0.content.contains("负责解释") })
        #expect(catalogue.items.count == 9)
    }
}
