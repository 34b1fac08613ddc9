import GongkaiDomain
import Testing

struct ParserCase: Sendable, CustomTestStringConvertible {
    var text: String
    var rule: DeadlineRule
    var understood: Bool = true
    var testDescription: String { "“\(text)”" }
}

@Suite("Deadline rule parser")
struct DeadlineRuleParserTests {
    static let workingDayWordings: [ParserCase] = [
        .init(text: "该政府信息形成或变更之日起20个工作日内公开", rule: .workingDays(20, from: .formedOn)),
        .init(text: "信息形成（变更）20个工作日内", rule: .workingDays(20, from: .formedOn)),
        .init(text: "信息形成(变更)20个工作日内", rule: .workingDays(20, from: .formedOn)),
        .init(text: "自制作或获取该信息之日起20个工作日内", rule: .workingDays(20, from: .formedOn)),
        .init(text: "20工作日", rule: .workingDays(20, from: .formedOn)),
        .init(text: "二十个工作日", rule: .workingDays(20, from: .formedOn)),
        .init(text: "信息形成或变更之日起二十个工作日内", rule: .workingDays(20, from: .formedOn)),
        .init(text: "信息形成或变更之日起3个工作日内", rule: .workingDays(3, from: .formedOn)),
        .init(text: "信息形成之日起十五个工作日内", rule: .workingDays(15, from: .formedOn)),
        .init(text: "２０个工作日内", rule: .workingDays(20, from: .formedOn)),
        .init(text: "信息形成后 20 个工作日内", rule: .workingDays(20, from: .formedOn)),
        .init(text: "实时公开，最迟不超过20个工作日", rule: .workingDays(20, from: .formedOn)),
    ]

    static let anchoredWordings: [ParserCase] = [
        .init(text: "政策文件公开发布后3个工作日内", rule: .workingDays(3, from: .relatedPublishedOn)),
        .init(text: "政策文件公开发布后三个工作日内", rule: .workingDays(3, from: .relatedPublishedOn)),
        .init(text: "与政策文件同步发布或在文件公开后3个工作日内", rule: .workingDays(3, from: .relatedPublishedOn)),
        .init(text: "文件公布后3个工作日内", rule: .workingDays(3, from: .relatedPublishedOn)),
        .init(text: "意见征集结束后一个月内", rule: .months(1, from: .eventOn)),
        .init(text: "意见征集结束后1个月内", rule: .months(1, from: .eventOn)),
        .init(text: "征求意见截止后10日内", rule: .calendarDays(10, from: .eventOn)),
        .init(text: "规范性文件印发之日起20个工作日内", rule: .workingDays(20, from: .formedOn)),
    ]

    static let calendarWordings: [ParserCase] = [
        .init(text: "7日内", rule: .calendarDays(7, from: .formedOn)),
        .init(text: "信息形成之日起15天内", rule: .calendarDays(15, from: .formedOn)),
        .init(text: "形成之日起二十日内", rule: .calendarDays(20, from: .formedOn)),
        .init(text: "一周内", rule: .calendarDays(7, from: .formedOn)),
        .init(text: "3个月内", rule: .months(3, from: .formedOn)),
        .init(text: "每年1月31日前", rule: .annual(month: 1, day: 31)),
        .init(text: "每年1月31日前公开上一年度年报", rule: .annual(month: 1, day: 31)),
        .init(text: "每年一月三十一日前", rule: .annual(month: 1, day: 31)),
        .init(text: "每年１月３１日之前", rule: .annual(month: 1, day: 31)),
        .init(text: "1月31日前公开上一年度报告", rule: .annual(month: 1, day: 31)),
        .init(text: "每年3月底前", rule: .annual(month: 3, day: 31)),
    ]

    static let noDeadlineWordings: [ParserCase] = [
        .init(text: "实时公开", rule: .none),
        .init(text: "及时公开", rule: .none),
        .init(text: "按规定时限进行公开", rule: .none),
        .init(text: "长期公开", rule: .none),
        .init(text: "常态化公开、动态更新", rule: .none),
        .init(text: "", rule: .none),
        .init(text: "  ", rule: .none),
        .init(text: "/", rule: .none),
        .init(text: "无", rule: .none),
    ]

    static let unreadableWordings: [ParserCase] = [
        .init(text: "视情况而定", rule: .none, understood: false),
        .init(text: "每月10日前", rule: .none, understood: false),
        .init(text: "0个工作日", rule: .none, understood: false),
        .init(text: "按一级事项要求", rule: .none, understood: false),
        .init(text: "每年2月30日前", rule: .none, understood: false),
    ]

    @Test("Working-day wordings read as working days from formed_on", arguments: workingDayWordings)
    func workingDays(_ c: ParserCase) { check(c) }

    @Test("Wordings that count from another document or an event read with that anchor", arguments: anchoredWordings)
    func anchors(_ c: ParserCase) { check(c) }

    @Test("Calendar-day, month and yearly wordings read as such", arguments: calendarWordings)
    func calendarRules(_ c: ParserCase) { check(c) }

    @Test("Known phrases without a deadline read as none, understood", arguments: noDeadlineWordings)
    func knownNoDeadline(_ c: ParserCase) { check(c) }

    @Test("Text the parser cannot read gives none and is flagged for a warning", arguments: unreadableWordings)
    func unreadable(_ c: ParserCase) { check(c) }

    @Test("A parsed rule encodes as the deadline_rule JSON of the issue")
    func parsedRuleEncodes() throws {
        let related = DeadlineRuleParser.parse("政策文件公开发布后3个工作日内").rule
        #expect(try JSONEncoderForTests.encode(related) == #"{"days":3,"from":"related_published_on","kind":"working_days"}"#)
        let months = DeadlineRuleParser.parse("意见征集结束后一个月内").rule
        #expect(try JSONEncoderForTests.encode(months) == #"{"from":"event_on","kind":"months","months":1}"#)
    }

    func check(_ c: ParserCase, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = DeadlineRuleParser.parse(c.text)
        #expect(result.rule == c.rule, sourceLocation: sourceLocation)
        #expect(result.understood == c.understood, sourceLocation: sourceLocation)
    }
}
