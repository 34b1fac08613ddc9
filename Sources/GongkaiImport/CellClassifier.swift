/// What a text cell looks like, whatever column it landed in. At most one "strong" kind is set,
/// so a cell never competes for two typed fields; `weakBasis` only helps a cell that already sits
/// in the 公开依据 column.
struct TextTraits: OptionSet, Sendable, Hashable {
    let rawValue: UInt16
    static let basis = TextTraits(rawValue: 1 << 0)
    static let deadline = TextTraits(rawValue: 1 << 1)
    static let office = TextTraits(rawValue: 1 << 2)
    static let level = TextTraits(rawValue: 1 << 3)
    static let channelText = TextTraits(rawValue: 1 << 4)
    static let audienceWords = TextTraits(rawValue: 1 << 5)
    static let methodWords = TextTraits(rawValue: 1 << 6)
    static let weakBasis = TextTraits(rawValue: 1 << 7)

    static let strong: TextTraits = [.basis, .deadline, .office, .level, .channelText, .audienceWords, .methodWords]
    var isStrong: Bool { !intersection(.strong).isEmpty }
}

/// Reads single cells: 序号 numbers, tick marks, and the give-away wording of 公开依据 (《》),
/// 公开时限 (…个工作日内, 按规定时限 …), 公开主体 (办公室, …科, …科室 …) and the rest.
enum CellClassifier {
    /// `12`, `１２`, `12.`, `12、` → 12. Anything longer is text (`1. 国家有关法律、法规` is a heading).
    static func seqNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 24 else { return nil }
        var digits = Substring(TextCleaning.asciiDigits(text))
        while let last = digits.last, last == "." || last == "、" || last == "," { digits = digits.dropLast() }
        guard (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    static let tickedMarks: Set<String> = ["√", "✓", "✔", "✔️", "☑", "☑️", "✅", "■", "●", "是", "Y", "y", "[x]", "[X]", "[√]"]
    static let untickedMarks: Set<String> = ["×", "✗", "✘", "☐", "□", "○", "否", "N", "n", "[ ]", "[]"]

    /// A cell holding nothing but a tick mark: true ticked, false explicitly not ticked, nil not a mark.
    static func mark(_ text: String) -> Bool? {
        guard text.utf8.count <= 8 else { return nil }
        if tickedMarks.contains(text) { return true }
        if untickedMarks.contains(text) { return false }
        return nil
    }

    static func traits(_ text: String, channels: ChannelBook) -> TextTraits {
        var t: TextTraits = []
        if isChannelList(text, channels: channels) {
            t.insert(.channelText)
        } else if text.has("《") {
            t.insert(.basis)
        } else if looksLikeDeadline(text) {
            t.insert(.deadline)
        } else if looksLikeOffice(text) {
            t.insert(.office)
        } else if looksLikeLevel(text) {
            t.insert(.level)
        } else if audienceWords(text) != nil {
            t.insert(.audienceWords)
        } else if methodWords(text) != nil {
            t.insert(.methodWords)
        }
        if looksLikeWeakBasis(text) { t.insert(.weakBasis) }
        return t
    }

    private static let deadlineMarkers = ["工作日", "个月内", "月内", "日内", "天内", "年内", "小时内", "按规定时限", "规定时限", "法定时限",
                                          "之日起", "日前", "月底前", "年底前", "季度前"]
    /// Words that are a deadline only when they are (nearly) the whole cell: 及时公开, not
    /// “…及时调整完善…” inside a 公开内容 sentence.
    private static let shortDeadlineWords = ["实时", "即时", "及时", "长期", "常态", "动态", "定期", "随时", "适时", "每年", "每季度",
                                             "每半年", "每月", "每周", "立即"]

    static func looksLikeDeadline(_ text: String) -> Bool {
        guard !text.has("《") else { return false }
        let length = text.scalarCount
        if length <= 40, deadlineMarkers.contains(where: text.has) { return true }
        if length <= 10, shortDeadlineWords.contains(where: text.hasPrefix) { return true }
        return false
    }

    private static let officeEndings = ["室", "科", "股", "处", "局", "中心", "站", "所", "队", "办", "部门", "单位", "机关", "委员会", "小组"]

    /// 办公室, 中小企业科, 牵头起草工作的各科室, 各科室（单位）, 办公室、涉及的各科室 …
    static func looksLikeOffice(_ text: String) -> Bool {
        guard text.scalarCount <= 30, !text.has("《") else { return false }
        let core = TextCleaning.withoutTrailingParentheses(text)
        guard !core.isEmpty else { return false }
        if core.has("科室") || core.has("处室") || core.has("股室") { return true }
        guard let lastItem = TextCleaning.listItems(core).last else { return false }
        return officeEndings.contains(where: lastItem.hasSuffix)
    }

    /// 县级, 乡级, 县级、乡级 …
    static func looksLikeLevel(_ text: String) -> Bool {
        guard text.scalarCount <= 16 else { return false }
        let items = TextCleaning.listItems(text, alsoSplitOn: ["/", "和", "及"])
        return !items.isEmpty && items.allSatisfy { $0.hasSuffix("级") && $0.scalarCount <= 6 && $0 != "一级" && $0 != "二级" }
    }

    private static let basisEndings = ["条例", "办法", "规定", "意见", "方案", "决定", "细则", "法", "法规", "规章"]

    /// Basis-like wording without 《》: “三定”方案, 依据…, …条例. Only trusted in the 公开依据 column.
    static func looksLikeWeakBasis(_ text: String) -> Bool {
        if text.hasPrefix("依据") || text.hasPrefix("根据") || text.has("条例") || text.has("三定") { return true }
        let core = TextCleaning.withoutTrailingParentheses(text)
        return basisEndings.contains(where: core.hasSuffix)
    }

    private static let audienceVocabulary = ["全社会": "全社会", "社会公众": "全社会", "公众": "全社会", "不特定公众": "全社会",
                                             "特定群体": "特定群体", "特定群众": "特定群体", "特定对象": "特定群体", "特定人群": "特定群体"]
    private static let methodVocabulary = ["主动": "主动", "主动公开": "主动", "依申请": "依申请", "依申请公开": "依申请"]

    /// 公开对象 as words → canonical subset of 全社会, 特定群体 (nil unless every word is known).
    static func audienceWords(_ text: String) -> [String]? {
        guard text.has("社会") || text.has("特定") || text.has("公众") else { return nil }
        return canonicalWords(text, vocabulary: audienceVocabulary, order: ["全社会", "特定群体"])
    }

    /// 公开方式 as words → canonical subset of 主动, 依申请 (nil unless every word is known).
    static func methodWords(_ text: String) -> [String]? {
        guard text.has("主动") || text.has("申请") else { return nil }
        return canonicalWords(text, vocabulary: methodVocabulary, order: ["主动", "依申请"])
    }

    private static func canonicalWords(_ text: String, vocabulary: [String: String], order: [String]) -> [String]? {
        guard text.scalarCount <= 24 else { return nil }
        let items = TextCleaning.listItems(text, alsoSplitOn: ["/", "和", "及", "或"])
        guard !items.isEmpty else { return nil }
        var found = Set<String>()
        for item in items {
            guard let value = vocabulary[item] else { return nil }
            found.insert(value)
        }
        return order.filter(found.contains)
    }

    /// `政府网站、政务新媒体`: every item a known channel label.
    static func isChannelList(_ text: String, channels: ChannelBook) -> Bool {
        guard text.scalarCount <= 120 else { return false }
        let items = TextCleaning.listItems(text)
        return !items.isEmpty && items.allSatisfy { channels.isKnown(CheckboxParser.channel(fromLabel: $0).name) }
    }
}
