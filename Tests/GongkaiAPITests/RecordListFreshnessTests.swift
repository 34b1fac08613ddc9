import Foundation
import Testing

/// Record lists reuse remembered deadlines, encoded views, search hits and totals (issue 6);
/// whatever a listed record depends on must still show on the very next read.
@Suite struct RecordListFreshnessTests {
    func listed(_ server: TestServer, _ id: String, query: String = "") throws -> [String: Any] {
        let list = try server.client.get("/api/v1/records?limit=200\(query)", token: server.adminToken)
        #expect(list.status == 200, "\(list.text)")
        let records = list.json["records"] as? [[String: Any]] ?? []
        return try #require(records.first { $0["id"] as? String == id })
    }

    @Test func aListShowsANewItemRuleAndANewCalendarOnTheNextRead() throws {
        let server = try TestServer()
        defer { server.remove() }
        // Item 35: 20 working days from formed_on.
        let r = try server.post(["formed_on": "2026-01-05", "published_on": NSNull()])
        let id = try #require(r.json["id"] as? String)
        for _ in 0..<2 {  // the second read is served from what the first remembered
            let before = try listed(server, id)
            #expect(before["due_on"] as? String == "2026-02-02")
            #expect(before["compliance"] as? String == "overdue")
        }
        var item = try server.client.get("/api/v1/catalogue/items/35").json
        item["deadline_rule"] = ["kind": "working_days", "days": 5, "from": "formed_on"]
        #expect(try server.client.json("PUT", "/api/v1/catalogue/items/35", item, token: server.adminToken).status == 200)
        #expect(try listed(server, id)["due_on"] as? String == "2026-01-12")  // Tue 06 … Mon 12
        let calendar: [String: Any] = ["holidays": [["name": "测试假日", "from": "2026-01-06", "to": "2026-01-09"]],
                                       "workdays": [String](), "source": "测试"]
        let put = try server.client.json("PUT", "/api/v1/calendar/2026", calendar, token: server.adminToken)
        #expect(put.status == 200, "\(put.text)")
        #expect(try listed(server, id)["due_on"] as? String == "2026-01-16")  // Mon 12 … Fri 16
    }

    @Test func aListShowsARelatedPublicationAndAnEditOnTheNextRead() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens["办公室"]
        let policy = try server.client.json("POST", "/api/v1/records", TestServer.recordBody([
            "item_id": "12", "formed_on": "2026-04-01", "published_on": NSNull(), "document_type": "行政规范性文件"]), token: token)
        let policyId = try #require(policy.json["id"] as? String)
        let reading = try server.client.json("POST", "/api/v1/records", TestServer.recordBody([
            "item_id": "13", "formed_on": "2026-04-10", "published_on": "2026-04-15", "related_record_id": policyId]), token: token)
        let readingId = try #require(reading.json["id"] as? String)
        #expect(try listed(server, readingId)["compliance"] as? String == "no_deadline")
        let etag = try #require(policy.header("ETag"))
        let publish = try server.client.json("PATCH", "/api/v1/records/\(policyId)", ["published_on": "2026-04-10"],
                                             token: token, headers: ["If-Match": etag])
        #expect(publish.status == 200, "\(publish.text)")
        let after = try listed(server, readingId)
        #expect(after["due_on"] as? String == "2026-04-15")  // Fri 04-10 + 3 working days
        #expect(after["compliance"] as? String == "on_time")
        // An edit shows in the list, in a search for the new words, and in the search totals.
        let search = "&q=" + "全新标题".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        #expect(try server.client.get("/api/v1/records?limit=200\(search)", token: server.adminToken).json["total"] as? Int == 0)
        let readingTag = try #require(reading.header("ETag"))
        let edit = try server.client.json("PATCH", "/api/v1/records/\(readingId)", ["title": "全新标题"],
                                          token: token, headers: ["If-Match": readingTag])
        #expect(edit.status == 200, "\(edit.text)")
        #expect(try listed(server, readingId)["title"] as? String == "全新标题")
        #expect(try listed(server, readingId, query: search)["title"] as? String == "全新标题")
        #expect(try server.client.get("/api/v1/records?limit=200\(search)", token: server.adminToken).json["total"] as? Int == 1)
    }
}
