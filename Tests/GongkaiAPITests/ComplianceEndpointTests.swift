import Foundation
import Testing

/// The record lifecycle against 公开时限, the reports, and the calendar API (issue 4).
@Suite struct ComplianceEndpointTests {
    @Test func aRecordPublishedWithinTwentyWorkingDaysIsOnTimeAndOneAfterIsLate() throws {
        let server = try TestServer()
        defer { server.remove() }
        // Formed Mon 2026-09-28: over 国庆 with the make-up Saturday 10-10 the 20th working day is 10-30.
        let onTime = try server.post(["formed_on": "2026-09-28", "published_on": "2026-10-30"])
        #expect(onTime.status == 201, "\(onTime.text)")
        #expect(onTime.json["due_on"] as? String == "2026-10-30")
        #expect(onTime.json["compliance"] as? String == "on_time")
        let late = try server.post(["formed_on": "2026-09-28", "published_on": "2026-11-03"])
        #expect(late.json["compliance"] as? String == "late")
        #expect(late.json["late_by_working_days"] as? Int == 2)
        #expect(late.json["calendar_missing"] as? Bool == false)
    }

    @Test func aPendingRecordPastItsDueDateIsOverdueAndShowsInTheComplianceReport() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.post(["formed_on": "2026-01-05", "published_on": NSNull()])
        #expect(r.json["state"] as? String == "pending")
        #expect(r.json["due_on"] as? String == "2026-02-02")
        #expect(r.json["compliance"] as? String == "overdue")
        let report = try server.client.get("/api/v1/compliance?year=2026", token: server.adminToken)
        #expect(report.status == 200, "\(report.text)")
        let overdue = report.json["overdue"] as? [[String: Any]] ?? []
        #expect(overdue.map { $0["id"] as? String } == [r.json["id"] as? String])
        let byOffice = report.json["by_office"] as? [String: [String: Any]] ?? [:]
        #expect(byOffice["中小企业科"]?["overdue"] as? Int == 1)
        #expect(try server.client.get("/api/v1/compliance?year=2026").status == 401)
    }

    @Test func anInterpretationIsDueThreeWorkingDaysAfterItsPolicyIsPublished() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens["办公室"]
        let policy = try server.client.json("POST", "/api/v1/records", TestServer.recordBody([
            "item_id": "12", "formed_on": "2026-04-01", "published_on": "2026-04-10", "document_type": "行政规范性文件"]), token: token)
        #expect(policy.status == 201, "\(policy.text)")
        let policyId = try #require(policy.json["id"] as? String)
        let reading = try server.client.json("POST", "/api/v1/records", TestServer.recordBody([
            "item_id": "13", "formed_on": "2026-04-10", "published_on": "2026-04-15", "related_record_id": policyId]), token: token)
        #expect(reading.json["due_on"] as? String == "2026-04-15") // Fri 04-10 + 3 working days: Mon, Tue, Wed
        #expect(reading.json["compliance"] as? String == "on_time")
        let noRelated = try server.client.json("POST", "/api/v1/records", TestServer.recordBody([
            "item_id": "13", "formed_on": "2026-04-10"]), token: token)
        #expect(noRelated.json["compliance"] as? String == "no_deadline")
    }

    @Test func addingAMissingYearMovesOpenDeadlines() throws {
        let server = try TestServer()
        defer { server.remove() }
        let missing = try server.client.get("/api/v1/calendar/2099")
        #expect(missing.json["calendar_missing"] as? Bool == true)
        // An administrator's rule long enough to reach into a year that ships without a calendar.
        var item = try server.client.get("/api/v1/catalogue/items/35").json
        item["deadline_rule"] = ["kind": "working_days", "days": 400, "from": "formed_on"]
        #expect(try server.client.json("PUT", "/api/v1/catalogue/items/35", item, token: server.adminToken).status == 200)
        let r = try server.post(["formed_on": Day.offset(-1), "published_on": NSNull()])
        let id = try #require(r.json["id"] as? String)
        #expect(r.json["calendar_missing"] as? Bool == true)
        let dueBefore = try #require(r.json["due_on"] as? String)
        let lastYear = Int(dueBefore.prefix(4))!
        for year in (Int(Day.today.prefix(4))! + 1)...lastYear where year > 2026 {
            let calendar: [String: Any] = ["holidays": [["name": "测试假日", "from": "\(year)-03-02", "to": "\(year)-03-06"]],
                                           "workdays": [String](), "source": "测试"]
            let put = try server.client.json("PUT", "/api/v1/calendar/\(year)", calendar, token: server.adminToken)
            #expect(put.status == 200, "\(put.text)")
        }
        let after = try server.client.get("/api/v1/records/\(id)", token: server.adminToken)
        #expect(after.json["calendar_missing"] as? Bool == false)
        let calendarDirectory = try FileManager.default.attributesOfItem(atPath: server.directory + "/calendar")
        #expect((calendarDirectory[.posixPermissions] as? Int) == 0o750, "calendar/ is as private as the data directory")
        #expect((after.json["due_on"] as? String ?? "") > dueBefore)
        let bad = try server.client.json("PUT", "/api/v1/calendar/2028", ["holidays": [["name": "x", "from": "2028-02-10", "to": "2028-02-01"]],
                                                                          "workdays": [String]()], token: server.adminToken)
        #expect(bad.status == 422)
        #expect(try server.client.json("PUT", "/api/v1/calendar/2027", ["holidays": [], "workdays": []], token: server.officeTokens["办公室"]).status == 403)
    }

    @Test func coverageListsItemsWithoutRecordsAndStatsCountPublications() throws {
        let server = try TestServer()
        defer { server.remove() }
        #expect(try server.post(["formed_on": "2026-03-02", "published_on": "2026-03-05"]).status == 201)
        #expect(try server.post(["item_id": "37", "formed_on": "2026-05-06", "published_on": "2026-05-07"]).status == 201)
        let coverage = try server.client.get("/api/v1/coverage?year=2026").json
        #expect(coverage["item_count"] as? Int == 51)
        #expect(coverage["covered_count"] as? Int == 2)
        let uncovered = (coverage["uncovered"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!uncovered.contains("35") && uncovered.contains("36") && uncovered.count == 49)
        let stats = try server.client.get("/api/v1/stats?year=2026").json
        #expect(stats["total"] as? Int == 2)
        #expect((stats["by_month"] as? [Int])?[2] == 1)
        #expect((stats["by_office"] as? [String: Int])?["中小企业科"] == 2)
        #expect((stats["by_category"] as? [String: Int])?["重点领域及职责业务信息"] == 2)
    }

    @Test func theAnnualReportCountsDocumentsDecisionsAndTheEnteredFees() throws {
        let server = try TestServer()
        defer { server.remove() }
        let office = server.officeTokens["办公室"]
        for (published, repealed) in [("2026-02-03", nil), ("2026-03-03", "2026-06-01"), ("2025-05-05", nil)] as [(String, String?)] {
            var body: [String: Any] = ["item_id": "12", "formed_on": published, "published_on": published, "document_type": "行政规范性文件"]
            if let repealed { body["repealed_on"] = repealed }
            #expect(try server.client.json("POST", "/api/v1/records", TestServer.recordBody(body), token: office).status == 201)
        }
        for _ in 0..<2 {
            #expect(try server.client.json("POST", "/api/v1/records", TestServer.recordBody(["item_id": "20", "formed_on": "2026-07-01", "published_on": "2026-07-02"]),
                                           token: office).status == 201)
        }
        let fees = try server.client.json("PUT", "/api/v1/reports/annual/2026/fees", ["amount": 12.5], token: server.adminToken)
        #expect(fees.status == 200, "\(fees.text)")
        let report = try server.client.get("/api/v1/reports/annual/2026").json
        let blocks = report["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["title"] as? String } == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"])
        let docs = (blocks[0]["rows"] as? [[String: Any]] ?? []).first { $0["label"] as? String == "行政规范性文件" }?["values"] as? [String: Any]
        #expect(docs?["本年制发件数"] as? Int == 2)
        #expect(docs?["本年废止件数"] as? Int == 1)
        #expect(docs?["现行有效件数"] as? Int == 2)
        let permits = (blocks[1]["rows"] as? [[String: Any]])?.first?["values"] as? [String: Any]
        #expect(permits?["本年处理决定数量"] as? Int == 2)
        let fee = (blocks[3]["rows"] as? [[String: Any]])?.first?["values"] as? [String: Any]
        #expect(fee?["本年收费金额（单位：万元）"] as? Double == 12.5)
        let csv = try server.client.get("/api/v1/reports/annual/2026?format=csv")
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.text.contains("第二十条第（一）项,行政规范性文件,本年制发件数,2\r\n"))
    }
}
