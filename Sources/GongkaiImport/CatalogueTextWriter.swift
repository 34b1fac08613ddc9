import Foundation
import GongkaiDomain

/// `Catalogue` → the tab-separated text layout the seed catalogue is published in, which
/// `CatalogueImporter` reads back: a title line, the two-row header (公开事项 over 一级事项 /
/// 二级事项, 公开对象 and 公开方式 over their tick columns), then one row per item with every
/// cell filled (no merged cells), channels as HTML checkboxes, ticks as √.
///
/// A 序号 group (`12-1`, `12-2` …) is written as one numbered row followed by rows without
/// 序号, so the ids come back the same. Tabs and line breaks inside a cell become spaces.
public enum CatalogueTextWriter {
    public static func text(_ catalogue: Catalogue) -> String {
        let items = catalogue.items
        let hasLevel = items.contains { $0.level != nil }
        let extraKeys = Set(items.flatMap(\.extra.keys)).sorted()
        var channelOrder = catalogue.channels
        for item in items {
            for channel in item.channels where !channelOrder.contains(channel.name) { channelOrder.append(channel.name) }
        }

        var top = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开主体", "公开时限", "公开渠道和载体"]
        var sub = ["", "一级事项", "二级事项", "", "", "", "", ""]
        if hasLevel {
            top.append("公开层级")
            sub.append("")
        }
        top += ["公开对象", "", "公开方式", ""]
        sub += ["全社会", "特定群体", "主动", "依申请"]
        top += extraKeys
        sub += extraKeys.map { _ in "" }

        var lines = [cell(catalogue.title.isEmpty ? catalogue.agency + "政府信息公开基本目录" : catalogue.title), "",
                     top.joined(separator: "\t"), sub.joined(separator: "\t")]
        var previousSeq: Int?
        for item in items {
            // A group's first row carries the 序号; the rows after it continue the group.
            let startsGroup = item.part == nil || item.part == 1 || previousSeq != item.seq
            previousSeq = item.seq
            var row = [startsGroup ? String(item.seq) : "", cell(item.category), cell(item.subcategory), cell(item.content),
                       cell(item.basis), cell(item.office), cell(item.deadline), channels(item, order: channelOrder)]
            if hasLevel { row.append(cell(item.level ?? "")) }
            row += [tick(item.audience, "全社会"), tick(item.audience, "特定群体"), tick(item.method, "主动"), tick(item.method, "依申请")]
            row += extraKeys.map { cell(item.extra[$0] ?? "") }
            lines.append(row.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Items the text cannot carry exactly: an empty 公开依据 or 公开时限 below a row that has one
    /// reads back as the one above (an empty cell is a merged cell to the importer).
    public static func inexactItems(_ catalogue: Catalogue) -> [(id: String, field: String)] {
        var found: [(id: String, field: String)] = []
        var basis = false, deadline = false
        for item in catalogue.items {
            if item.basis.isEmpty, basis { found.append((item.id, "公开依据")) }
            if item.deadline.isEmpty, deadline { found.append((item.id, "公开时限")) }
            basis = basis || !item.basis.isEmpty
            deadline = deadline || !item.deadline.isEmpty
        }
        return found
    }

    static func channels(_ item: CatalogueItem, order: [String]) -> String {
        order.map { name in
            if let channel = item.channels.first(where: { $0.name == name }) {
                let label = channel.note.map { "\(name)（\(cell($0))）" } ?? name
                return #"<input checked="" type="checkbox"/> "# + label
            }
            return #"<input type="checkbox"/> "# + name
        }.joined(separator: " ")
    }

    static func tick(_ values: [String], _ value: String) -> String {
        values.contains(value) ? "√" : ""
    }

    /// One cell: no tabs or line breaks (they would split the row), trimmed.
    static func cell(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            out.unicodeScalars.append(s == "\t" || s == "\n" || s == "\r" ? " " : s)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
