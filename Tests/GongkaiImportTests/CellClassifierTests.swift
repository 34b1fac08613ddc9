@testable import GongkaiImport
import Testing

@Suite("Cell classification")
struct CellClassifierTests {
    let book = ChannelBook()

    @Test("序号 reads ASCII and full-width digits, and never a numbered heading")
    func seqNumbers() {
        #expect(CellClassifier.seqNumber("12") == 12)
        #expect(CellClassifier.seqNumber("１２") == 12)
        #expect(CellClassifier.seqNumber("7.") == 7)
        #expect(CellClassifier.seqNumber("1. 国家有关法律、法规") == nil)
        #expect(CellClassifier.seqNumber("序号") == nil)
    }

    @Test("tick cells: √ ☑ ■ 是 ticked; × □ 否 explicitly not; anything longer is not a tick")
    func marks() {
        for ticked in ["√", "☑", "■", "是", "✓"] { #expect(CellClassifier.mark(ticked) == true) }
        for unticked in ["×", "□", "否", "☐"] { #expect(CellClassifier.mark(unticked) == false) }
        #expect(CellClassifier.mark("√政府网站") == nil)
    }

    @Test("公开时限 wording is recognised", arguments: [
        "该政府信息形成或变更之日起20个工作日内公开", "政策文件公开发布后3个工作日内", "意见征集结束后一个月内", "按规定时限进行公开",
        "实时公开", "及时公开", "每年3月31日前", "２０个工作日内",
    ])
    func deadlines(_ text: String) {
        #expect(CellClassifier.traits(text, channels: book).contains(.deadline))
    }

    @Test("公开内容 that merely mentions 及时 or starts with 定期 is not a deadline", arguments: [
        "在重大行政决策执行过程中，跟踪决策的实施情况，了解利益相关方和公众对决策实施的意见和建议，积极开展决策执行效果评估，及时调整完善，并将相关情况向社会公开",
        "定期对文件进行清理的结果信息",
    ])
    func contentIsNotDeadline(_ text: String) {
        #expect(!CellClassifier.traits(text, channels: book).isStrong)
    }

    @Test("公开主体 wording is recognised", arguments: [
        "办公室", "中小企业科", "牵头起草工作的各科室", "各科室（单位）", "办公室、涉及的各科室", "基础教育股", "执法大队", "社会事务办",
    ])
    func offices(_ text: String) {
        #expect(CellClassifier.traits(text, channels: book).contains(.office))
    }

    @Test("二级事项 and 公开内容 of the seed do not read as offices", arguments: [
        "内设机构", "领导信息", "其他人事事项", "重点领域及职责业务信息", "局领导主管或分管工作", "内设机构名称、职责、办公电话",
    ])
    func notOffices(_ text: String) {
        #expect(!CellClassifier.traits(text, channels: book).isStrong)
    }

    @Test("《》 marks 公开依据; 依据…/…条例 only hint at it")
    func basis() {
        #expect(CellClassifier.traits("《中华人民共和国政府信息公开条例》（国务院令第711号）、“三定”方案", channels: book) == [.basis, .weakBasis])
        #expect(CellClassifier.traits("“三定”方案", channels: book) == .weakBasis)
        #expect(!CellClassifier.traits("1. 向社会公开征求意见的通知", channels: book).contains(.weakBasis))
    }

    @Test("levels, audience words, method words and channel lists")
    func otherKinds() {
        #expect(CellClassifier.traits("县级、乡级", channels: book) == .level)
        #expect(CellClassifier.audienceWords("特定群众、全社会") == ["全社会", "特定群体"])
        #expect(CellClassifier.methodWords("依申请公开") == ["依申请"])
        #expect(CellClassifier.audienceWords("全社会关注的问题") == nil)
        #expect(CellClassifier.traits("政府网站、政务新媒体（根据具体情况选择）", channels: book) == .channelText)
        #expect(!CellClassifier.isChannelList("联系方式（包括：办公地址、政府网站）", channels: book))
    }
}
