import Foundation

/// Which of the two mark groups a mark column belongs to.
enum MarkField: Sendable, Hashable {
    /// 公开对象: 全社会 / 特定群体
    case audience
    /// 公开方式: 主动 / 依申请
    case method
}

/// What a column holds, as its header says.
enum ColumnRole: Sendable, Hashable {
    case seq, category, subcategory, content, basis, office, deadline, channels, level
    /// 公开对象 written as words in one column (`全社会`).
    case audienceWords
    /// 公开方式 written as words in one column (`主动公开`).
    case methodWords
    /// One tick column, e.g. 全社会 (audience) or 依申请 (method); the value is the canonical word.
    case mark(MarkField, String)
    /// Any other column, keyed by its header text (备注 …).
    case extra(String)

    /// The field's name in the catalogue's own words, for warnings.
    var label: String {
        switch self {
        case .seq: "序号"
        case .category: "一级事项"
        case .subcategory: "二级事项"
        case .content: "公开内容"
        case .basis: "公开依据"
        case .office: "公开主体"
        case .deadline: "公开时限"
        case .channels: "公开渠道和载体"
        case .level: "公开层级"
        case .audienceWords: "公开对象"
        case .methodWords: "公开方式"
        case .mark(_, let value): value
        case .extra(let name): name
        }
    }
}

/// A header cell read: a column role, or a group label spanning columns that a second header row splits.
enum HeaderTerm: Sendable, Hashable {
    case role(ColumnRole)
    case group(HeaderGroup)
}

/// Labels that usually span several columns, named one level down in a second header row.
enum HeaderGroup: Sendable, Hashable {
    /// 公开事项 → 一级事项, 二级事项
    case items
    /// 公开对象 → 全社会, 特定群体
    case audience
    /// 公开方式 → 主动, 依申请
    case method

    func owns(_ role: ColumnRole) -> Bool {
        switch (self, role) {
        case (.items, .category), (.items, .subcategory): true
        case (.audience, .mark(.audience, _)), (.method, .mark(.method, _)): true
        default: false
        }
    }

    /// The role of the group's column when no second row splits it.
    var loneRole: ColumnRole {
        switch self {
        case .items: .category
        case .audience: .audienceWords
        case .method: .methodWords
        }
    }
}

/// Header wording → column role. Departments word their headers differently (一级目录, 责任主体,
/// 特定群众, 依申请公开 …), so matching is by the telling part of the label, not the exact text.
enum HeaderVocabulary {
    /// Header label without spaces, line breaks, （要素） or a trailing colon.
    static func normalize(_ label: String) -> String {
        var n = String(label.unicodeScalars.filter { !TextCleaning.isSpace($0) && $0 != "*" })
        for noise in ["（要素）", "(要素)"] where n.has(noise) {
            n = n.replacingOccurrences(of: noise, with: "")
        }
        while let last = n.last, last == "：" || last == ":" { n.removeLast() }
        return n
    }

    /// The term a header cell names, or nil when it is empty or not a known header word.
    /// 备注 and the like come back as `.extra`: kept, but not evidence that a row is a header.
    static func term(for label: String) -> HeaderTerm? {
        guard !label.isEmpty, label.utf8.count <= 64 else { return nil }
        let n = normalize(label)
        guard !n.isEmpty, n.count <= 16 else { return nil }
        switch n {
        case "序号", "编号", "序", "No", "No.", "NO", "NO.", "#": return .role(.seq)
        case "全社会", "社会公众", "公众", "不特定公众": return .role(.mark(.audience, "全社会"))
        case "特定群体", "特定群众", "特定对象", "特定人群": return .role(.mark(.audience, "特定群体"))
        case "主动", "主动公开": return .role(.mark(.method, "主动"))
        case "依申请", "依申请公开": return .role(.mark(.method, "依申请"))
        case "公开事项", "事项", "公开事项名称", "目录事项": return .group(.items)
        case "事项名称", "具体事项", "子项": return .role(.subcategory)
        case "备注", "说明", "备注说明": return .role(.extra(n))
        default: break
        }
        if n.hasPrefix("一级") { return .role(.category) }
        if n.hasPrefix("二级") { return .role(.subcategory) }
        if n.has("公开内容") || n.has("公开要素") || n == "内容" || n == "信息内容" { return .role(.content) }
        if n.has("依据") { return .role(.basis) }
        if n.has("主体") || n.hasPrefix("责任") || n.has("承办") || n == "公开部门" || n == "公开单位" {
            return .role(.office)
        }
        if n.has("时限") || n == "公开时间" || n == "公开期限" { return .role(.deadline) }
        // Before 方式: 公开方式和渠道 is about channels.
        if n.has("渠道") || n.has("载体") { return .role(.channels) }
        if n.has("层级") { return .role(.level) }
        if n.has("对象") { return .group(.audience) }
        if n.has("方式") { return .group(.method) }
        return nil
    }

    /// Terms that count as evidence that a row is a header row.
    static func isHeaderEvidence(_ term: HeaderTerm) -> Bool {
        if case .role(.extra) = term { return false }
        return true
    }

    /// Terms a second header row may hold under a group label.
    static func isSubLabel(_ term: HeaderTerm) -> Bool {
        switch term {
        case .role(.category), .role(.subcategory), .role(.mark): true
        default: false
        }
    }

    /// One-cell-per-line text flattens a two-row header into one list (`… 公开对象 公开方式 一级事项
    /// 二级事项 全社会 …`): put each group's sub-labels where the group label stood.
    static func flattened(_ labels: [String]) -> [String] {
        let terms = labels.map(term(for:))
        var used = Set<Int>()
        var out: [String] = []
        for (i, t) in terms.enumerated() where !used.contains(i) {
            guard case .group(let g)? = t else {
                out.append(labels[i])
                continue
            }
            let children = terms.indices.filter { j in
                guard j > i, !used.contains(j), case .role(let r)? = terms[j] else { return false }
                return g.owns(r)
            }
            if children.isEmpty {
                out.append(labels[i])
            } else {
                for j in children {
                    out.append(labels[j])
                    used.insert(j)
                }
            }
        }
        return out
    }
}
