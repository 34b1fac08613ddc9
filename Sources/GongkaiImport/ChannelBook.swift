/// The catalogue's channel template, built while reading: every checkbox label in the order first
/// seen, so item channels can be listed in the catalogue's own order. Channels are data, not an enum.
struct ChannelBook: Sendable {
    /// Channel names as the catalogue offers them, first appearance first.
    private(set) var order: [String] = []
    private var position: [String: Int] = [:]
    /// Labels of the first checkbox row: the template every later row is checked against.
    private(set) var template: Set<String>?

    /// Labels seen across many published catalogues; text lists and symbol checkboxes are trusted
    /// when they use them, and a label outside these and the template is warned about.
    static let common: Set<String> = [
        "政府网站", "政府门户网站", "部门网站", "门户网站", "政府公报", "政务新媒体", "两微一端", "政务微博", "政务微信", "微信公众号",
        "微博", "客户端", "发布会/听证会", "新闻发布会", "发布会", "听证会", "广播电视", "广播", "电视", "纸质媒体", "报刊", "报纸",
        "公开查阅点", "政府信息公开查阅点", "政务服务中心", "便民服务站", "便民服务中心", "入户/现场宣传", "入户宣传", "现场宣传",
        "图书馆", "档案馆", "精准推送", "公示栏", "公告栏", "信息公开栏", "政务公开栏", "村务公开栏", "宣传栏", "公开栏", "电子显示屏",
        "电子屏", "12345政务服务热线", "政务服务热线", "短信", "手机短信", "其他",
    ]

    func isKnown(_ name: String) -> Bool {
        Self.common.contains(name) || position[name] != nil
    }

    /// Known to the template of the first checkbox row, or common everywhere.
    func isExpected(_ name: String) -> Bool {
        Self.common.contains(name) || (template?.contains(name) ?? true)
    }

    mutating func register(_ name: String) {
        guard position[name] == nil else { return }
        position[name] = order.count
        order.append(name)
    }

    /// Called with the labels of each checkbox row; the first one becomes the template.
    mutating func noteCheckboxRow(_ names: [String]) {
        if template == nil { template = Set(names) }
        names.forEach { register($0) }
    }

    /// Sort rank in the catalogue's order (unknown names last, in their given order).
    func rank(_ name: String) -> Int { position[name] ?? Int.max }
}
