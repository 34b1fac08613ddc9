/// Reads a catalogue's 公开时限 text as a `DeadlineRule`.
///
/// `understood` is false only when the text says something the parser cannot read; the rule is
/// then `.none` and the caller should warn (an admin can set the rule by hand). Known phrases
/// with no computable deadline (实时公开, 及时公开, 按规定时限进行公开, 长期公开, empty) give
/// `.none` with `understood` true.
///
/// Order: a yearly date (每年1月31日前) → a count of working days, months, weeks or days → a
/// known no-deadline phrase. The first count in the text wins
/// (实时公开，最迟不超过20个工作日 → 20 working days).
///
/// The clock's anchor comes from the wording:
/// - `related_published_on` when the text counts from another document's publication
///   (政策文件公开发布后…, 文件公布后…, 解读 … 发布后…);
/// - `event_on` when it counts from the end of something (意见征集结束后, 截止后, 期满后, 召开后…);
/// - otherwise `formed_on` (形成或变更之日起, 制作或获取之日起, or no anchor named).
public enum DeadlineRuleParser {
    public static func parse(_ text: String) -> (rule: DeadlineRule, understood: Bool) {
        let t = DeadlineTextNormalizer.normalize(text)
        if t.isEmpty || placeholders.contains(String(t)) { return (.none, true) }
        let s = String(t)

        if let (month, day) = annualDate(in: t) { return (.annual(month: month, day: day), true) }
        if let (n, unit) = firstCount(in: t) {
            guard (1...3660).contains(n) else { return (.none, false) }
            let anchor = anchor(of: s)
            switch unit {
            case .workingDays: return (.workingDays(n, from: anchor), true)
            case .months: return (.months(n, from: anchor), true)
            case .weeks: return n * 7 <= 3660 ? (.calendarDays(n * 7, from: anchor), true) : (.none, false)
            case .days: return (.calendarDays(n, from: anchor), true)
            }
        }
        if noDeadlinePhrases.contains(where: { s.contains($0) }) { return (.none, true) }
        return (.none, false)
    }

    /// Table cells that mean "nothing stated".
    private static let placeholders: Set<String> = ["无", "/", "-", "—", "——", "--", "\\"]

    /// Wordings with no computable deadline.
    private static let noDeadlinePhrases = [
        "实时", "及时", "即时", "随时", "适时", "同步", "长期", "常态", "动态", "定期", "持续",
        "规定时限", "规定时间", "法定时限", "规定期限", "法定期限",
    ]

    private static let relatedSubjects = ["政策", "解读", "主文件", "原文件"]
    private static let publicationAfter = [
        "发布后", "公布后", "公开后", "印发后", "出台后", "发布之日", "公布之日", "印发之日", "出台之日",
    ]
    /// "文件…后" without 政策/解读: only publication verbs (文件印发之日 is the document's own formation).
    private static let documentPublishedAfter = ["文件发布后", "文件公布后", "文件公开后", "文件公开发布后"]
    private static let eventEnded = [
        "结束后", "结束之日", "结束以后", "截止后", "截止之日", "期满后", "期满之日", "届满后",
        "闭幕后", "召开后",
    ]

    static func anchor(of s: String) -> DeadlineRule.Anchor {
        if relatedSubjects.contains(where: { s.contains($0) }),
           publicationAfter.contains(where: { s.contains($0) }) {
            return .relatedPublishedOn
        }
        if documentPublishedAfter.contains(where: { s.contains($0) }) { return .relatedPublishedOn }
        if eventEnded.contains(where: { s.contains($0) }) { return .eventOn }
        return .formedOn
    }

    enum Unit { case workingDays, months, weeks, days }

    /// The first "N工作日 / N个月 / N周 / N日内" in the text.
    static func firstCount(in t: [Character]) -> (Int, Unit)? {
        var i = 0
        while i < t.count {
            guard t[i].isASCII, t[i].isNumber else { i += 1; continue }
            let (n, j) = number(in: t, from: i)
            let precededByMonth = i > 0 && t[i - 1] == "月"
            if let unit = unit(in: t, at: j, precededByMonth: precededByMonth) { return (n, unit) }
            i = j
        }
        return nil
    }

    private static func unit(in t: [Character], at start: Int, precededByMonth: Bool) -> Unit? {
        var k = start
        if k < t.count, t[k] == "个" { k += 1 }
        func has(_ word: String, at index: Int) -> Bool {
            let w = Array(word)
            return index + w.count <= t.count && Array(t[index..<(index + w.count)]) == w
        }
        func withinFollows(_ index: Int) -> Bool {
            has("内", at: index) || has("以内", at: index) || has("之内", at: index)
        }
        func dateFollows(_ index: Int) -> Bool {
            has("前", at: index) || has("之前", at: index) || has("以前", at: index) || has("止", at: index)
        }
        if has("工作日", at: k) { return .workingDays }
        if has("月", at: k) {
            // 一个月内 / 1个月 / 3月内; but not 1月31日 (a date).
            if t[k - 1] == "个" || withinFollows(k + 1) { return .months }
            return nil
        }
        for word in ["周", "星期"] where has(word, at: k) {
            return dateFollows(k + word.count) ? nil : .weeks
        }
        for word in ["自然日", "日历日", "日", "天"] where has(word, at: k) {
            // 31日前 is a date, not a period; so is a day preceded by 月 (1月31日).
            let after = k + word.count
            if precededByMonth || dateFollows(after) { return nil }
            return .days
        }
        return nil
    }

    /// 每年1月31日前 / 次年1月31日前 / 1月31日前公开上一年度年报 → (1, 31);
    /// 每年3月底前 → (3, 31) (月底 of February reads as the 28th).
    static func annualDate(in t: [Character]) -> (Int, Int)? {
        let s = String(t)
        let yearly = s.contains("每年") || s.contains("次年") || s.contains("翌年")
        var i = 0
        while i < t.count {
            guard t[i].isASCII, t[i].isNumber else { i += 1; continue }
            let (month, afterMonth) = number(in: t, from: i)
            if afterMonth + 1 < t.count, t[afterMonth] == "月", t[afterMonth + 1] == "底",
               (yearly || String(t[(afterMonth + 2)...]).hasPrefix("前")), (1...12).contains(month) {
                return (month, LocalDate.daysIn(month: month, year: 2001))
            }
            guard afterMonth < t.count, t[afterMonth] == "月",
                  afterMonth + 1 < t.count, t[afterMonth + 1].isASCII, t[afterMonth + 1].isNumber else {
                i = afterMonth
                continue
            }
            let (day, afterDay) = number(in: t, from: afterMonth + 1)
            guard afterDay < t.count, t[afterDay] == "日" else { i = afterDay; continue }
            let rest = String(t[(afterDay + 1)...])
            let before = rest.hasPrefix("前") || rest.hasPrefix("之前") || rest.hasPrefix("以前")
                || rest.hasPrefix("止")
            if (yearly || before), LocalDate(year: 2001, month: month, day: day) != nil {
                return (month, day)
            }
            i = afterDay
        }
        return nil
    }

    private static func number(in t: [Character], from start: Int) -> (Int, Int) {
        var j = start, n = 0
        while j < t.count, t[j].isASCII, t[j].isNumber, n < 100_000 {
            n = n * 10 + Int(String(t[j]))!
            j += 1
        }
        return (n, j)
    }
}
