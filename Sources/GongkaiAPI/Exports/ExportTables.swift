import GongkaiDomain

/// The catalogue and the records as spreadsheet rows with Chinese column headers, shared by
/// `GET /api/v1/catalogue.csv`, `GET /api/v1/records.csv` and `gongkai export`.
enum ExportTables {
    /// 一行一个事项；渠道、对象和方式用顿号分隔；公开层级和其他列只在目录有时出现。
    static func catalogueRows(_ items: [CatalogueItem]) -> [[String]] {
        let hasLevel = items.contains { $0.level != nil }
        let extraKeys = Set(items.flatMap(\.extra.keys)).sorted()
        var header = ["序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开主体", "公开时限",
                      "公开渠道和载体", "公开对象", "公开方式"]
        if hasLevel { header.append("公开层级") }
        header += extraKeys
        var rows = [header]
        for item in items {
            var row = [item.id, item.category, item.subcategory, item.content, item.basis, item.office, item.deadline,
                       item.channels.map(channelLabel).joined(separator: "、"),
                       item.audience.joined(separator: "、"), item.method.joined(separator: "、")]
            if hasLevel { row.append(item.level ?? "") }
            row += extraKeys.map { item.extra[$0] ?? "" }
            rows.append(row)
        }
        return rows
    }

    static let recordHeader = ["索引号", "标题", "文号", "成文日期", "发布日期", "公开主体", "事项编号", "事项",
                               "公开渠道", "文件类型", "状态", "应公开日期", "时限情况", "链接", "摘要", "更新时间"]

    /// 一行一条记录，顺序与 JSON 列表相同（最新在前）。
    static func recordRows(_ views: [RecordView], catalogue: CatalogueSnapshot) -> [[String]] {
        var rows = [recordHeader]
        for view in views {
            let r = view.record
            let item = catalogue.itemsById[r.itemId]
            let itemLabel = item.map { [$0.category, $0.subcategory].filter { !$0.isEmpty }.joined(separator: "／") } ?? ""
            rows.append([
                r.indexNumber, r.title, r.documentNumber ?? "", r.formedOn.description, r.publishedOn?.description ?? "",
                r.office, r.itemId, itemLabel, r.channels.map(channelLabel).joined(separator: "、"), r.documentType ?? "",
                stateLabel(view.state), view.deadline.dueOn?.description ?? "", complianceLabel(view.deadline),
                r.url ?? "", r.summary ?? "", r.updatedAt,
            ])
        }
        return rows
    }

    static func channelLabel(_ c: Channel) -> String {
        c.note.map { "\(c.name)（\($0)）" } ?? c.name
    }

    static func stateLabel(_ state: String) -> String {
        switch state {
        case "published": "已发布"
        case "pending": "待发布"
        case "withdrawn": "已撤回"
        default: state
        }
    }

    static func complianceLabel(_ d: DeadlineStatus) -> String {
        switch d.compliance {
        case .onTime: "按时"
        case .late: d.lateByWorkingDays.map { "逾期 \($0) 个工作日" } ?? "逾期"
        case .pending: "未到期"
        case .overdue: "已逾期未发布"
        case .noDeadline: "无明确时限"
        }
    }

    /// `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187).
    static func contentDisposition(ascii: String, utf8 name: String) -> String {
        "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(Percent.encodeSegment(name))"
    }
}
