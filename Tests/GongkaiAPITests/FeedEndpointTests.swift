import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct FeedEndpointTests {
    @Test func theRecordsFeedIsAtomWithTheElementsRFC4287Requires() throws {
        let server = try TestServer()
        defer { server.remove() }
        _ = try server.post(["title": "关于减轻企业负担的通知 <第1号> & 附件", "url": "https://example.gov.cn/a?b=1&c=2"])
        let r = try server.client.get("/api/v1/records.atom")
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "application/atom+xml; charset=utf-8")
        let feed = try Atom.parse(r.body)
        #expect(feed.root == "feed")
        #expect(feed.namespace == "http://www.w3.org/2005/Atom")
        // atom:feed: exactly one id, title and updated; an author (here the agency); a self link.
        #expect(feed.feedFields["id"]?.hasPrefix("urn:gongkai:11530181MB1234567X:records") == true)
        #expect(feed.feedFields["title"]?.contains("安宁市工业和科学技术信息化局") == true)
        #expect(feed.feedFields["updated"].map(Atom.isRFC3339) == true)
        #expect(feed.feedAuthor == "安宁市工业和科学技术信息化局")
        #expect(feed.feedLinks.contains { $0["rel"] == "self" && $0["href"]?.hasSuffix("/api/v1/records.atom") == true })
        // atom:entry: id, title, updated, an author, a link.
        #expect(feed.entries.count == 1)
        let entry = try #require(feed.entries.first)
        #expect(entry.fields["id"] == "urn:gongkai:11530181MB1234567X:record:\(Day.today.prefix(4))-00001")
        #expect(entry.fields["title"] == "关于减轻企业负担的通知 <第1号> & 附件")
        #expect(entry.fields["updated"].map(Atom.isRFC3339) == true)
        #expect(entry.fields["published"] == "\(Day.today)T00:00:00+08:00")
        #expect(entry.author == "中小企业科")
        #expect(entry.links.contains { $0["rel"] == "alternate" && $0["href"] == "https://example.gov.cn/a?b=1&c=2" })
        #expect(entry.links.contains { $0["rel"] == "related" && $0["href"]?.hasSuffix("/api/v1/records/\(Day.today.prefix(4))-00001") == true })
        #expect(entry.fields["summary"]?.contains("索引号：11530181MB1234567X/") == true)
    }

    @Test func perItemAndPerOfficeFeedsHoldOnlyTheirRecordsAndHaveTheirOwnIds() throws {
        let server = try TestServer()
        defer { server.remove() }
        _ = try server.post(["title": "企业减负记录"])
        _ = try server.post(["item_id": "33", "title": "节能记录"], office: "节能管理科")
        _ = try server.post(["item_id": "33", "title": "中小企业科的第33项记录"])
        let all = try Atom.parse(try server.client.get("/api/v1/records.atom").body)
        let item = try Atom.parse(try server.client.get("/api/v1/records.atom?item=35").body)
        let office = try Atom.parse(try server.client.get("/api/v1/records.atom?office=" + Percentage.encode("节能管理科")).body)
        #expect(all.entries.map { $0.fields["title"] ?? "" } == ["中小企业科的第33项记录", "节能记录", "企业减负记录"])
        #expect(item.entries.map { $0.fields["title"] ?? "" } == ["企业减负记录"])
        #expect(office.entries.map { $0.fields["title"] ?? "" } == ["节能记录"])
        #expect(Set([all.feedFields["id"], item.feedFields["id"], office.feedFields["id"]]).count == 3)
        #expect(item.feedFields["title"]?.contains("企业减负") == true)
        #expect(office.feedFields["title"]?.contains("节能管理科") == true)
        // The same record has the same entry id in every feed it appears in.
        #expect(item.entries[0].fields["id"] == all.entries[2].fields["id"])
        #expect(office.entries[0].author == "节能管理科")
    }

    @Test func theFeedLeavesOutPendingAndWithdrawnRecordsAndHonoursLimit() throws {
        let server = try TestServer()
        defer { server.remove() }
        _ = try server.post(["title": "待发布", "published_on": NSNull()])
        let id = try #require(try server.post(["title": "将被撤回"]).json["id"] as? String)
        _ = try server.client.json("POST", "/api/v1/records/\(id)/withdraw", ["reason": "内容有误"], token: server.officeTokens["中小企业科"])
        for i in 0..<3 { _ = try server.post(["title": "记录\(i)"]) }
        let feed = try Atom.parse(try server.client.get("/api/v1/records.atom").body)
        #expect(feed.entries.map { $0.fields["title"] ?? "" } == ["记录2", "记录1", "记录0"])
        #expect(try Atom.parse(try server.client.get("/api/v1/records.atom?limit=2").body).entries.count == 2)
        #expect(try server.client.get("/api/v1/records.atom?limit=201").status == 400)
        #expect(try server.client.get("/api/v1/records.atom?item=35&sort=asc").status == 400)
    }

    @Test func anEmptyFeedIsStillValidAndDatedByTheCatalogue() throws {
        let server = try TestServer()
        defer { server.remove() }
        let feed = try Atom.parse(try server.client.get("/api/v1/records.atom?item=1").body)
        #expect(feed.entries.isEmpty)
        let catalogue = try server.client.get("/api/v1/catalogue").json
        #expect(feed.feedFields["updated"] == catalogue["updated_at"] as? String)
    }
}

/// A small Atom reader over XMLParser: enough to check RFC 4287's required elements.
final class Atom: NSObject, XMLParserDelegate {
    struct Entry {
        var fields: [String: String] = [:]
        var author: String?
        var links: [[String: String]] = []
    }

    var root = ""
    var namespace: String?
    var feedFields: [String: String] = [:]
    var feedAuthor: String?
    var feedLinks: [[String: String]] = []
    var entries: [Entry] = []
    private var path: [String] = []
    private var text = ""
    private var failure: String?

    static func parse(_ bytes: [UInt8]) throws -> Atom {
        let atom = Atom()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = atom
        guard parser.parse(), atom.failure == nil else {
            throw TestError("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? atom.failure ?? "")")
        }
        return atom
    }

    static func isRFC3339(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if path.isEmpty {
            root = name
            namespace = namespaceURI
        } else if namespaceURI != "http://www.w3.org/2005/Atom" {
            failure = "element \(name) outside the Atom namespace"
        }
        path.append(name)
        text = ""
        if name == "entry" { entries.append(Entry()) }
        if name == "link" {
            if path == ["feed", "link"] { feedLinks.append(attributes) }
            if path == ["feed", "entry", "link"] { entries[entries.count - 1].links.append(attributes) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch path {
        case ["feed", "author", "name"]: feedAuthor = text
        case ["feed", "entry", "author", "name"]: entries[entries.count - 1].author = text
        case _ where path.count == 2 && path[0] == "feed" && name != "entry":
            if feedFields[name] != nil { failure = "feed has two \(name) elements" }
            feedFields[name] = text
        case _ where path.count == 3 && path[1] == "entry":
            if entries[entries.count - 1].fields[name] != nil, name != "link", name != "category" {
                failure = "entry has two \(name) elements"
            }
            entries[entries.count - 1].fields[name] = text
        default: break
        }
        path.removeLast()
        text = ""
    }
}
