import GongkaiDomain
@testable import GongkaiImport
import Testing

@Suite("Checkbox parsing")
struct CheckboxParserTests {
    @Test("HTML checkboxes: checked ones ticked, labels trimmed")
    func html() throws {
        let list = try #require(CheckboxParser.list(in: #"<input checked="" type="checkbox"/> 政府网站 <input type="checkbox"/> 政府公报 <input type="checkbox" checked> 其他"#))
        #expect(list.isHTML)
        #expect(list.ticks == [ChannelTick(label: "政府网站", ticked: true), ChannelTick(label: "政府公报", ticked: false),
                               ChannelTick(label: "其他", ticked: true)])
    }

    @Test("symbol checkboxes ☑□ ■□ √× and Markdown task boxes", arguments: [
        "☑政府网站　□政府公报", "■政府网站 □政府公报", "√政府网站 ×政府公报", "[x] 政府网站 [ ] 政府公报", "☑️政府网站、☐政府公报",
    ])
    func symbols(_ cell: String) throws {
        let list = try #require(CheckboxParser.list(in: cell))
        #expect(!list.isHTML)
        #expect(list.ticks == [ChannelTick(label: "政府网站", ticked: true), ChannelTick(label: "政府公报", ticked: false)])
    }

    @Test("a cell without a labelled checkbox is not a list")
    func notALists() {
        #expect(CheckboxParser.list(in: "办公室") == nil)
        #expect(CheckboxParser.list(in: "√") == nil)
        #expect(CheckboxParser.list(in: "<span>办公室</span>") == nil)
    }

    @Test("a trailing note becomes the channel's note", arguments: [
        ("政务新媒体（根据具体情况选择）", Channel(name: "政务新媒体", note: "根据具体情况选择")),
        ("发布会/听证会(根据具体情况选择)", Channel(name: "发布会/听证会", note: "根据具体情况选择")),
        ("其他：手机短信", Channel(name: "其他", note: "手机短信")),
        ("政府网站", Channel(name: "政府网站")),
    ])
    func notes(_ label: String, _ channel: Channel) {
        #expect(CheckboxParser.channel(fromLabel: label) == channel)
    }
}
