import GongkaiDomain
import GongkaiImport
import Testing

/// Catalogues laid out unlike the seed, as other departments publish them (one fixture per variant).
@Suite("Importing other departments' layouts")
struct VariantLayoutTests {
    @Test("a Markdown/web table with |---| rows, HTML checkboxes and <br> imports like the seed")
    func markdownTable() throws {
        let c = try Fixture.catalogue("variant-markdown-html.md")
        #expect(c.title == "示例县交通运输局政府信息公开基本目录")
        #expect(c.agency == "示例县交通运输局")
        #expect(c.channels == ["政府网站", "政府公报", "两微一端"])
        #expect(c.items.map(\.id) == ["1", "2", "3"])
        let first = c.must("1")
        #expect(first.content == "机构名称、办公地址 办公电话")
        #expect(first.channels == [Channel(name: "政府网站"), Channel(name: "两微一端", note: "视情况")])
        #expect(c.must("2").category == "机构职能")
        #expect(c.must("2").channels == first.channels)
        let third = c.must("3")
        #expect(third.content == "处罚决定书 | 摘要")  // an escaped \| stays in the cell
        #expect(third.office == "执法大队")
        // Ticks in the 特定群体/依申请 columns, the rest of the page at the header's: read as written.
        #expect(third.audience == ["特定群体"])
        #expect(third.method == ["依申请"])
        #expect(c.warnings.isEmpty)
    }

    @Test("CRLF, a BOM, ☑/□ channels, √/× ticks, full-width digits and spaces, reworded headers")
    func symbolsCRLFAndBOM() throws {
        let c = try Fixture.catalogue("variant-symbols-crlf-bom.txt")
        #expect(c.title == "某某市生态环境局政府信息公开基本目录")
        #expect(c.channels == ["政府网站", "政府公报", "政务新媒体", "公示栏"])
        #expect(c.items.map(\.seq) == [1, 2, 3])  // １ ２ ３
        let first = c.must("1")
        #expect(first.category == "机构信息")  // 一级目录
        #expect(first.subcategory == "机构职能")  // 二级目录
        #expect(first.content == "主要职责、内设机构")  // 公开内容 without （要素）
        #expect(first.office == "办公室")  // 责任主体, 办　公　室 unpadded
        #expect(first.deadline == "２０个工作日内")  // kept as the source states it
        #expect(first.channels == [Channel(name: "政府网站"), Channel(name: "政务新媒体")])
        #expect(first.audience == ["全社会"] && first.method == ["主动"])
        let third = c.must("3")
        #expect(third.channels == [Channel(name: "公示栏")])
        #expect(third.audience == ["特定群体"])  // 特定群众
        #expect(third.method == ["依申请"])  // 依申请公开
        #expect(c.warnings.isEmpty)
    }

    @Test("one cell per line: header flattened, words for 公开对象/公开方式, a continuation after a blank line")
    func oneCellPerLine() throws {
        let c = try Fixture.catalogue("variant-one-cell-per-line.txt")
        #expect(c.agency == "某某镇人民政府")
        #expect(c.items.map(\.id) == ["1", "2-1", "2-2"])
        let first = c.must("1")
        #expect(first.category == "机构信息")
        #expect(first.subcategory == "机构职能")
        #expect(first.content == "镇政府职能、内设机构")
        #expect(first.office == "党政综合办公室")
        #expect(first.channels == [Channel(name: "政府网站"), Channel(name: "政务新媒体", note: "根据具体情况选择")])
        let part2 = c.must("2-2")
        #expect(part2.part == 2)
        #expect(part2.content == "2. 决算")
        #expect(part2.office == "财政所")
        #expect(part2.subcategory == "财政预决算")
        #expect(part2.deadline == "批复后20日内")
        #expect(part2.channels == [Channel(name: "政府网站"), Channel(name: "公示栏")])
        #expect(part2.audience == ["特定群体"] && part2.method == ["依申请"])
        #expect(c.warnings.isEmpty)
    }

    @Test("a 公开层级 and a 备注 column, no 公开依据 column, ■/□ ticks, channels written as text")
    func levelAndRemarks() throws {
        let c = try Fixture.catalogue("variant-level-remarks.txt")
        #expect(c.agency == "某某县教育体育局")
        let first = c.must("1")
        #expect(first.level == "县级")
        #expect(first.extra == ["备注": "每年更新"])
        #expect(first.basis == "")
        #expect(first.deadline == "实时公开")
        #expect(first.office == "基础教育股")
        #expect(first.channels == [Channel(name: "政府网站"), Channel(name: "村口大喇叭")])
        #expect(first.audience == ["全社会"] && first.method == ["主动"])
        let second = c.must("2")
        #expect(second.level == "县级、乡级")
        #expect(second.extra == ["备注": ""])
        #expect(second.category == "教育信息")
        #expect(c.warningKeys == ["unknown_channel 1 @3"])
    }

    @Test("是/否 in the tick columns")
    func yesNoMarks() throws {
        let c = try Fixture.catalogue("variant-yes-no.txt")
        #expect(c.must("1").audience == ["全社会"] && c.must("1").method == ["主动"])
        #expect(c.must("2").audience == ["特定群体"] && c.must("2").method == ["依申请"])
        #expect(c.must("2").channels == [Channel(name: "政府网站")])
        #expect(c.warnings.isEmpty)
    }

    @Test("公开对象 and 公开方式 as words in one column each")
    func wordsForAudienceAndMethod() throws {
        let c = try Fixture.catalogue("variant-words.txt")
        #expect(c.channels == ["公示栏", "政府网站"])
        #expect(c.must("1").audience == ["全社会"] && c.must("1").method == ["主动"])
        #expect(c.must("2").audience == ["特定群体"] && c.must("2").method == ["依申请"])
        #expect(c.must("3").audience == ["全社会", "特定群体"])
        #expect(c.must("3").method == ["主动", "依申请"])
        #expect(c.must("3").deadline == "每月")
        #expect(c.must("3").office == "社会事务办")
        #expect(c.warnings.isEmpty)
    }

    @Test("the seed itself converted to | table, CRLF or BOM gives the same items")
    func seedInOtherEncodings() throws {
        let bytes = try Fixture.bytes(Fixture.seed)
        let reference = try CatalogueImporter.parse(data: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let crlf = try CatalogueImporter.parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let bom = try CatalogueImporter.parse(data: [0xEF, 0xBB, 0xBF] + bytes)
        let piped = try CatalogueImporter.parse(text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("\t") ? "| " + $0.replacingOccurrences(of: "\t", with: " | ") + " |" : String($0) }
            .joined(separator: "\n"))
        #expect(crlf == reference)
        #expect(bom == reference)
        #expect(piped.items == reference.items)
    }

    @Test("a table without a 序号 column numbers its rows in order and says so")
    func noSeqColumn() throws {
        let c = try CatalogueImporter.parse("""
            某局政府信息公开基本目录
            一级事项\t二级事项\t公开内容\t公开主体\t公开时限
            机构\t职能\t职能说明\t办公室\t20个工作日内
            \t领导\t领导名单\t办公室\t
            """)
        #expect(c.items.map(\.id) == ["1", "2"])
        #expect(c.must("2").category == "机构")
        #expect(c.warningKeys == ["no_seq_column - @2"])
    }

    @Test("a header with no data rows is an empty catalogue with a warning, not an error")
    func headerOnly() throws {
        let c = try CatalogueImporter.parse("某局政府信息公开基本目录\n序号\t公开内容\t公开主体\t公开时限\n")
        #expect(c.items.isEmpty)
        #expect(c.warningKeys == ["no_items - @2"])
    }

    @Test("one cell per line with √ marks not one per column cannot be read and says so")
    func ambiguousMarksInLineLayout() throws {
        let c = try CatalogueImporter.parse("""
            序号
            一级事项
            公开内容
            公开主体
            全社会
            特定群体
            主动
            依申请
            1
            机构
            职能说明
            办公室
            √
            √
            """)
        #expect(c.must("1").audience.isEmpty)
        #expect(c.warnings.map(\.code).contains("ambiguous_marks"))
    }
}
