import GongkaiDomain
import GongkaiImport
import Testing

/// The rows the issue singles out, asserted by hand rather than through the golden file.
@Suite("The seed's tricky rows")
struct SeedTrickyRowTests {
    let catalogue: Catalogue
    let website = Channel(name: "政府网站")
    let newMedia = Channel(name: "政务新媒体", note: "根据具体情况选择")
    let hearings = Channel(name: "发布会/听证会", note: "根据具体情况选择")
    let rule20 = "该政府信息形成或变更之日起20个工作日内公开"

    init() throws {
        catalogue = try Fixture.catalogue(Fixture.seed)
    }

    @Test("row 8's deadline sits in the 全社会 column and is still read as its deadline, ticks shifted right")
    func row8() {
        let item = catalogue.must("8")
        #expect(item.deadline == "按规定时限进行公开")
        #expect(item.office == "办公室")
        #expect(item.content == "其他按规定应该公开的人事管理信息")
        #expect(item.channels == [website, newMedia])  // merged from row 6
        #expect(item.audience == ["全社会"])
        #expect(item.method == ["主动"])
    }

    @Test("rows 9–11 shifted left: 二级事项 kept, no 公开内容 (warned), basis and office read by content")
    func rows9to11() {
        let nine = catalogue.must("9")
        #expect(nine.category == "法律、法规")
        #expect(nine.subcategory == "1. 国家有关法律、法规")
        #expect(nine.content == "")
        #expect(nine.basis == "《中华人民共和国政府信息公开条例》（国务院令第711号）、《云南省政府信息公开规定》")
        #expect(nine.office == "办公室")
        #expect(nine.deadline == rule20)
        #expect(nine.channels == [website])
        #expect(catalogue.must("10").subcategory == "2. 地方性法规和地方政府规章")
        #expect(catalogue.must("10").office == "办公室")
        #expect(catalogue.must("11").subcategory == "3. 由本部门起草的地方性法规和地方政府规章")
        #expect(catalogue.must("11").office == "牵头起草工作的各科室")
        for id in ["9", "10", "11"] {
            #expect(catalogue.must(id).category == "法律、法规")
            #expect(catalogue.warnings.contains { $0.code == "no_content" && $0.itemId == id })
        }
    }

    @Test("row 12 has no basis cell and inherits row 9's across the new 一级事项")
    func row12() {
        let item = catalogue.must("12")
        #expect(item.category == "政策法规")
        #expect(item.subcategory == "本部门政策文件（包含行政规范性文件）")
        #expect(item.content == "涉及工业和科学技术信息化发展有关政策文件或由本部门制发的可公开的政策文件")
        #expect(item.basis == catalogue.must("9").basis)
        #expect(item.office == "牵头起草工作的各科室")
        #expect(item.deadline == rule20)
    }

    @Test("row 13: content in the 公开依据 column, office and deadline in the tick columns, ticks two columns right")
    func row13() {
        let item = catalogue.must("13")
        #expect(item.category == "政策法规")
        #expect(item.subcategory == "政策文件解读（包含行政规范性文件）")
        #expect(item.content.hasPrefix("涉及工业和科学技术信息化发展有关政策文件或由本部门制发、起草的政策文件的解读"))
        #expect(item.office == "牵头起草工作的各科室")
        #expect(item.deadline == "政策文件公开发布后3个工作日内")
        #expect(item.basis == catalogue.must("9").basis)
        #expect(item.channels == [website])
        #expect(item.audience == ["全社会"])
        #expect(item.method == ["主动"])
    }

    @Test("row 14: same shift as 13, with its own deadline")
    func row14() {
        let item = catalogue.must("14")
        #expect(item.subcategory == "规范性文件清理信息")
        #expect(item.content == "定期对文件进行清理的结果信息")
        #expect(item.office == "办公室")
        #expect(item.deadline == rule20)
        #expect(item.audience == ["全社会"])
        #expect(item.method == ["主动"])
    }

    @Test("row 21 has no ticks: empty audience and method, and a warning")
    func row21() {
        let item = catalogue.must("21")
        #expect(item.audience.isEmpty)
        #expect(item.method.isEmpty)
        #expect(item.office == "涉及的各科室")
        #expect(item.channels == [website])
        let warning = catalogue.warnings.first { $0.code == "no_marks" }
        #expect(warning?.itemId == "21")
        #expect(warning?.line == 36)
    }

    @Test("the five rows of 32 become 32-1 … 32-5 with parts 1 … 5, sharing the merged cells")
    func row32Group() {
        let contents = ["1. 预算/决算", "2. 政府采购事项", "3. 预算执行情况", "4. 资金使用绩效情况", "5. 财政专项资金信息公开"]
        let offices = ["办公室", "办公室", "办公室", "资金管理使用科室", "单独立项的资金管理使用科室"]
        for k in 1...5 {
            let item = catalogue.must("32-\(k)")
            #expect(item.seq == 32)
            #expect(item.part == k)
            #expect(item.category == "结果公开")
            #expect(item.subcategory == "财政资金")
            #expect(item.content == contents[k - 1])
            #expect(item.office == offices[k - 1])
            #expect(item.basis.hasSuffix("《云南省人民政府办公厅关于推进重大建设项目批准和实施领域政府信息公开的实施意见》"))
            #expect(item.deadline == rule20)
            #expect(item.channels == [website, newMedia, hearings])
            #expect(item.audience == ["全社会"])
            #expect(item.method == ["主动"])
        }
        #expect(catalogue.item(id: "32") == nil)
    }

    @Test("items 33–40 carry the three ticked channels of row 32's block, notes split from names")
    func items33to40() {
        for seq in 33...40 {
            let item = catalogue.must("\(seq)")
            #expect(item.channels == [website, newMedia, hearings], "item \(seq)")
            #expect(item.category == "重点领域及职责业务信息")
            #expect(item.basis == catalogue.must("32-1").basis)
        }
        #expect(catalogue.must("35").office == "中小企业科")
        #expect(catalogue.must("40").office == "办公室")
    }

    @Test("44 is missing: the gap is warned about on row 45")
    func gapAt44() {
        let warning = catalogue.warnings.first { $0.code == "seq_gap" }
        #expect(warning?.itemId == "45")
        #expect(warning?.line == 69)
        #expect(catalogue.must("45").subcategory == "监督投诉")
    }

    @Test("47 and 48 are two numbered rows; each deadline sits in the 全社会 column")
    func rows47and48() {
        let a = catalogue.must("47"), b = catalogue.must("48")
        #expect(a.seq == 47 && a.part == nil)
        #expect(b.seq == 48 && b.part == nil)
        #expect(a.subcategory == "意见征集和反馈情况")
        #expect(b.subcategory == "意见征集和反馈情况")  // merged
        #expect(a.content == "1. 向社会公开征求意见的通知")
        #expect(b.content == "2. 意见征集（包括主要观点和意见反馈数量）和采纳情况")
        #expect(a.deadline == rule20)
        #expect(b.deadline == "意见征集结束后一个月内")
        #expect(a.office == "承办科室" && b.office == "承办科室")
        #expect(a.audience == ["全社会"] && b.audience == ["全社会"])
        #expect(a.method == ["主动"] && b.method == ["主动"])
    }

    @Test("merged cells inherit across page breaks: row 31 takes 结果公开 from the page before")
    func inheritanceAcrossPages() {
        let item = catalogue.must("31")
        #expect(item.category == "结果公开")
        #expect(item.basis == catalogue.must("28").basis)
        #expect(item.channels == [website])
    }

    @Test("公开主体 and 公开内容 never inherit: 32-2's office is its own")
    func officeAndContentNeverInherit() {
        #expect(catalogue.items.allSatisfy { !$0.office.isEmpty })
        #expect(catalogue.must("4").subcategory == "领导信息")  // merged 二级事项 inherits …
        #expect(catalogue.must("4").content == "局领导主管或分管工作")  // … its content is its own
    }
}
