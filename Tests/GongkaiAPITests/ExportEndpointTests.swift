import Foundation
import Testing

@Suite struct ExportEndpointTests {
    @Test func theCatalogueCSVStartsWithABOMUsesCRLFAndHasChineseHeaders() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/catalogue.csv")
        #expect(r.status == 200)
        #expect(r.header("Content-Type")?.hasPrefix("text/csv; charset=utf-8") == true)
        #expect(r.body.starts(with: CSVReader.bom))
        let text = String(decoding: r.body.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("序号,一级事项,二级事项,公开内容（要素）,公开依据,公开主体,公开时限,公开渠道和载体,公开对象,公开方式\r\n"))
        let rows = CSVReader.rows(r.body)
        let catalogue = try server.client.get("/api/v1/catalogue").json
        let items = try #require(catalogue["items"] as? [[String: Any]])
        #expect(rows.count == items.count + 1)
        #expect(rows[1][0] == items[0]["id"] as? String)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
    }

    @Test func theCatalogueCSVNamesItsFileInUTF8AndCarriesAnETag() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/catalogue.csv")
        let disposition = try #require(r.header("Content-Disposition"))
        #expect(disposition.hasPrefix("attachment; filename=\"catalogue.csv\"; filename*=UTF-8''"))
        #expect(disposition.hasSuffix(Percentage.encode("政府信息公开基本目录.csv")))
        let etag = try #require(r.header("ETag"))
        #expect(try server.client.get("/api/v1/catalogue.csv", headers: ["If-None-Match": etag]).status == 304)
    }

    @Test func theCatalogueCSVTakesTheSameFiltersAsTheJSONCatalogue() throws {
        let server = try TestServer()
        defer { server.remove() }
        for query in ["office=中小企业科", "category=机构信息", "q=减负", "method=依申请", "channel=政府网站"] {
            let target = "?" + query.split(separator: "=").map { Percentage.encode(String($0)) }.joined(separator: "=")
            let json = try #require(try server.client.get("/api/v1/catalogue" + target).json["items"] as? [[String: Any]])
            let csv = CSVReader.rows(try server.client.get("/api/v1/catalogue.csv" + target).body)
            #expect(csv.dropFirst().map { $0[0] } == json.map { $0["id"] as? String ?? "" }, "\(query)")
        }
        #expect(try server.client.get("/api/v1/catalogue.csv?colour=red").status == 400)
    }

    @Test func theRecordsCSVHoldsEveryMatchNotJustOnePage() throws {
        let server = try TestServer()
        defer { server.remove() }
        for i in 0..<25 { #expect(try server.post(["title": "记录\(i)"]).status == 201) }
        let rows = CSVReader.rows(try server.client.get("/api/v1/records.csv").body)
        #expect(rows[0] == ["索引号", "标题", "文号", "成文日期", "发布日期", "公开主体", "事项编号", "事项", "公开渠道", "文件类型",
                            "状态", "应公开日期", "时限情况", "链接", "摘要", "更新时间"])
        #expect(rows.count == 26)
        #expect(rows[1][1] == "记录24", "newest first, as the JSON list")
        let limited = CSVReader.rows(try server.client.get("/api/v1/records.csv?limit=5").body)
        #expect(limited.count == 6)
    }

    @Test func theRecordsCSVTakesTheSameFiltersAndVisibilityAsTheJSONList() throws {
        let server = try TestServer()
        defer { server.remove() }
        _ = try server.post(["title": "中小企业科记录"])
        _ = try server.post(["item_id": "33", "title": "节能记录"], office: "节能管理科")
        _ = try server.post(["title": "待发布记录", "published_on": NSNull()])
        let withdrawn = try #require(try server.post(["title": "撤回的记录"]).json["id"] as? String)
        let w = try server.client.json("POST", "/api/v1/records/\(withdrawn)/withdraw", ["reason": "重复发布"], token: server.officeTokens["中小企业科"])
        #expect(w.status == 200)
        let queries = ["", "?office=" + Percentage.encode("节能管理科"), "?item=35", "?q=" + Percentage.encode("节能"), "?include=withdrawn",
                       "?from=\(Day.offset(-1))&to=\(Day.today)", "?year=\(Day.today.prefix(4))"]
        for query in queries {
            for token in [nil, server.adminToken, server.officeTokens["中小企业科"]] {
                let json = try server.client.get("/api/v1/records" + query + (query.isEmpty ? "?" : "&") + "limit=200", token: token).json
                let titles = (json["records"] as? [[String: Any]] ?? []).map { $0["title"] as? String ?? "" }
                let csv = CSVReader.rows(try server.client.get("/api/v1/records.csv" + query, token: token).body)
                #expect(csv.dropFirst().map { $0[1] } == titles, "\(query) token: \(token != nil)")
            }
        }
        let anonymous = CSVReader.rows(try server.client.get("/api/v1/records.csv").body).map { $0[1] }
        #expect(!anonymous.contains("待发布记录"))
        #expect(!anonymous.contains("撤回的记录"))
        let states = CSVReader.rows(try server.client.get("/api/v1/records.csv?include=withdrawn", token: server.adminToken).body)
            .dropFirst().map { $0[10] }
        #expect(Set(states) == ["已发布", "待发布", "已撤回"])
        #expect(try server.client.get("/api/v1/records.csv?state=pending").status == 401)
        #expect(try server.client.get("/api/v1/records.csv?from=2026-02-30").status == 400)
    }

    @Test func recordFieldsWithCommasQuotesLineBreaksAndFormulasStayInTheirCells() throws {
        let server = try TestServer()
        defer { server.remove() }
        let summary = "第一行，含逗号, \"引号\"\n第二行"
        #expect(try server.post(["title": "=HYPERLINK(\"http://x\")", "summary": summary, "document_number": "安工信〔2026〕2号"]).status == 201)
        let rows = CSVReader.rows(try server.client.get("/api/v1/records.csv").body)
        #expect(rows.count == 2)
        #expect(rows[1].count == rows[0].count)
        #expect(rows[1][1] == "'=HYPERLINK(\"http://x\")", "a leading = is neutralised for spreadsheets")
        #expect(rows[1][14] == summary)
        #expect(rows[1][0].hasSuffix("-00001"))
        #expect(rows[1][5] == "中小企业科")
        #expect(rows[1][6] == "35")
        #expect(rows[1][7] == "重点领域及职责业务信息／企业减负")
        #expect(rows[1][12] == "按时")
    }

    @Test func theRecordsCSVAnswersHeadWithoutABodyAndChangesItsETagWithTheRecords() throws {
        let server = try TestServer()
        defer { server.remove() }
        let before = try #require(try server.client.get("/api/v1/records.csv").header("ETag"))
        _ = try server.post()
        let after = try server.client.get("/api/v1/records.csv", headers: ["If-None-Match": before])
        #expect(after.status == 200)
        #expect(after.header("ETag") != before)
        let head = try server.client.request("HEAD", "/api/v1/records.csv")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
    }
}

/// Percent-encoding for query values in test requests.
enum Percentage {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
