import GongkaiDomain

/// An Atom 1.0 feed (RFC 4287) of publication records.
///
/// Ids are permanent and independent of the host name the feed was fetched through: the feed's
/// is `urn:gongkai:<agency code>:records[:item:<id>][:office:<name>]`, an entry's
/// `urn:gongkai:<agency code>:record:<id>` (the record id is the 索引号's year and serial).
/// Links are absolute when the request named its host, so readers can follow them.
struct AtomFeed {
    var agencyName: String
    var agencyCode: String
    var title: String
    var selfPath: String      // path and query of this feed, as requested
    var idSuffix: String      // ":item:35" …
    /// "http://host:port", nil when the request named no usable host (links are then relative).
    var base: String?
    var fallbackUpdated: String
    var entries: [RecordView]
    var catalogue: CatalogueSnapshot

    func render() -> [UInt8] {
        var x = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        x += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">"# + "\n"
        x += "  <id>\(Self.escape(feedId))</id>\n"
        x += "  <title type=\"text\">\(Self.escape(title))</title>\n"
        let updated = entries.map(\.record.updatedAt).max() ?? fallbackUpdated
        x += "  <updated>\(Self.escape(updated))</updated>\n"
        x += "  <author><name>\(Self.escape(agencyName))</name></author>\n"
        x += "  <generator>gongkai</generator>\n"
        x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.escape(absolute(selfPath)))\"/>\n"
        for view in entries { x += entry(view) }
        x += "</feed>\n"
        return Array(x.utf8)
    }

    var feedId: String { "urn:gongkai:\(Percent.encodeSegment(agencyCode)):records\(idSuffix)" }

    private func entry(_ view: RecordView) -> String {
        let r = view.record
        var x = "  <entry>\n"
        x += "    <id>urn:gongkai:\(Percent.encodeSegment(agencyCode)):record:\(Percent.encodeSegment(r.id))</id>\n"
        x += "    <title type=\"text\">\(Self.escape(r.title))</title>\n"
        x += "    <updated>\(Self.escape(r.updatedAt))</updated>\n"
        if let published = r.publishedOn { x += "    <published>\(published)T00:00:00+08:00</published>\n" }
        x += "    <author><name>\(Self.escape(r.office))</name></author>\n"
        let api = absolute("/api/v1/records/\(Percent.encodeSegment(r.id))")
        if let url = r.url {
            x += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(url))\"/>\n"
            x += "    <link rel=\"related\" type=\"application/json\" href=\"\(Self.escape(api))\"/>\n"
        } else {
            x += "    <link rel=\"alternate\" type=\"application/json\" href=\"\(Self.escape(api))\"/>\n"
        }
        if let item = catalogue.itemsById[r.itemId] {
            let label = [item.category, item.subcategory].filter { !$0.isEmpty }.joined(separator: "／")
            x += "    <category term=\"\(Self.escape(r.itemId))\" label=\"\(Self.escape(label))\"/>\n"
        }
        var lines = ["索引号：\(r.indexNumber)"]
        if let n = r.documentNumber { lines.append("文号：\(n)") }
        lines.append("成文日期：\(r.formedOn)")
        if let p = r.publishedOn { lines.append("发布日期：\(p)") }
        lines.append("公开主体：\(r.office)")
        if view.state == "withdrawn" { lines.append("已撤回：\(r.withdrawn?.reason ?? "")") }
        if let s = r.summary, !s.isEmpty { lines.append(""); lines.append(s) }
        x += "    <summary type=\"text\">\(Self.escape(lines.joined(separator: "\n")))</summary>\n"
        x += "  </entry>\n"
        return x
    }

    private func absolute(_ path: String) -> String { (base ?? "") + path }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "\r": out += "&#13;"
            default:
                if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF { continue }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
