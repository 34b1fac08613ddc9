import Foundation
import GongkaiStorage
import Synchronization
import Testing

@Suite struct RecordEndpointTests {
    @Test func anOfficePostsARecordAndGets201WithLocationETagAndIndexNumber() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.post()
        #expect(r.status == 201, "\(r.text)")
        let id = try #require(r.json["id"] as? String)
        #expect(r.header("Location") == "/api/v1/records/\(id)")
        #expect(r.header("ETag") == "\"r\(id)-v1\"")
        let year = Day.today.prefix(4)
        #expect(r.json["index_number"] as? String == "11530181MB1234567X/\(year)-00001")
        #expect(r.json["office"] as? String == "中小企业科")
        #expect(r.json["published_on"] as? String == Day.today)
        #expect(r.json["state"] as? String == "published")
        #expect(r.json["compliance"] as? String == "on_time")
        #expect((r.json["channels"] as? [[String: Any]])?.first?["name"] as? String == "政府网站")
        let fetched = try server.client.get("/api/v1/records/\(id)")
        #expect(fetched.status == 200)
        #expect(fetched.json["title"] as? String == "关于减轻企业负担的通知")
        #expect(fetched.header("ETag") == r.header("ETag"))
    }

    @Test func aRecordWriteWaitingForAStalledDiskHoldsNoThreadSoReadsGoOn() throws {
        let disk = FaultInjectingFileSystem()
        let server = try TestServer(fileSystem: disk) { $0.threads = 1 }
        defer { server.remove() }
        disk.inject(.fsyncStall, pathContains: "records.jsonl")
        final class Outcome: Sendable { let value = Mutex<(status: Int, seconds: Double)?>(nil) }
        let posted = Outcome()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let started = Date()
            let status = (try? server.post().status) ?? 0
            posted.value.withLock { $0 = (status, Date().timeIntervalSince(started)) }
            done.signal()
        }
        // Wait until the write is inside its stalled fsync, then read on the only worker thread.
        let deadline = Date().addingTimeInterval(5)
        while disk.counts.faultsInjected == 0 && Date() < deadline { usleep(5_000) }
        let started = Date()
        let catalogue = try server.client.get("/api/v1/catalogue")
        let readSeconds = Date().timeIntervalSince(started)
        #expect(catalogue.status == 200)
        #expect(readSeconds < 0.5, "the read waited \(readSeconds) s behind the stalled write")
        #expect(posted.value.withLock { $0 } == nil, "the write is still waiting for its fsync")
        #expect(done.wait(timeout: .now() + 10) == .success)
        let post = try #require(posted.value.withLock { $0 })
        #expect(post.status == 201)
        #expect(post.seconds >= Double(FaultInjectingFileSystem.stallSeconds) * 0.9, "201 only after the fsync")
        #expect(try server.client.get("/api/v1/records").json["total"] as? Int == 1)
    }

    @Test func refusesRequestsWithoutAValidToken() throws {
        let server = try TestServer()
        defer { server.remove() }
        let none = try server.client.json("POST", "/api/v1/records", TestServer.recordBody())
        #expect(none.status == 401)
        #expect(none.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        let wrong = try server.client.json("POST", "/api/v1/records", TestServer.recordBody(), token: "gk_not-a-token")
        #expect(wrong.status == 401)
        #expect(wrong.header("Content-Type")?.hasPrefix("application/problem+json") == true)
    }

    @Test func forbidsAnOfficeToPostUnderAnotherOfficesItem() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.post(["item_id": "1"]) // 公开主体 办公室
        #expect(r.status == 403)
        let generic = try server.post(["item_id": "33"]) // 各有关科室: open to every office
        #expect(generic.status == 201)
        let admin = try server.client.json("POST", "/api/v1/records", TestServer.recordBody(["item_id": "1"]), token: server.adminToken)
        #expect(admin.status == 422)
        #expect((admin.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "office")
        let adminNamed = try server.client.json("POST", "/api/v1/records", TestServer.recordBody(["item_id": "1", "office": "办公室"]), token: server.adminToken)
        #expect(adminNamed.status == 201)
    }

    @Test(arguments: [
        (["item_id": "999"], "item_id"),
        (["formed_on": Day.offset(0), "published_on": Day.offset(-1)], "formed_on"),
        (["formed_on": Day.offset(2)], "formed_on"),
        (["published_on": Day.offset(5)], "published_on"),
        (["title": "   "], "title"),
        (["title": String(repeating: "长", count: 201)], "title"),
        (["formed_on": "2026-02-30"], "formed_on"),
        (["formed_on": "2026/01/05"], "formed_on"),
        (["url": "javascript:alert(1)"], "url"),
        (["document_type": "通知"], "document_type"),
    ] as [([String: String], String)])
    func rejectsInvalidFieldsWith422NamingTheField(overrides: [String: String], field: String) throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.post(overrides)
        #expect(r.status == 422, "\(overrides): \(r.text)")
        let fields = (r.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        #expect(fields.contains(field), "\(overrides): \(r.text)")
        #expect((r.json["detail"] as? String)?.contains(field) == true)
    }

    @Test func rejectsMalformedJSONUnknownFieldsAndWrongContentType() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens[TestServer.smeOffice]
        let malformed = try server.client.request("POST", "/api/v1/records", headers: ["Content-Type": "application/json"],
                                                  body: Array("{\"title\": ".utf8), token: token)
        #expect(malformed.status == 400)
        #expect(malformed.json["type"] as? String == "/problems/malformed-json")
        let unknown = try server.post(["colour": "red"])
        #expect(unknown.status == 400)
        #expect((unknown.json["detail"] as? String)?.contains("colour") == true)
        let wrongType = try server.client.request("POST", "/api/v1/records", headers: ["Content-Type": "text/plain"],
                                                  body: Array("{}".utf8), token: token)
        #expect(wrongType.status == 415)
        let duplicate = try server.client.request("POST", "/api/v1/records", headers: ["Content-Type": "application/json"],
                                                  body: Array(#"{"title":"a","title":"b"}"#.utf8), token: token)
        #expect(duplicate.status == 400)
    }

    @Test func refusesABodyOverTheLimitWith413() throws {
        let server = try TestServer { $0.maxBodyBytes = 4096 }
        defer { server.remove() }
        let big = TestServer.recordBody(["summary": String(repeating: "摘", count: 3000)])
        let r = try server.client.json("POST", "/api/v1/records", big, token: server.officeTokens[TestServer.smeOffice])
        #expect(r.status == 413)
        #expect(r.header("Content-Type")?.hasPrefix("application/problem+json") == true)
    }

    @Test func answersAWrongMethodWith405AndAllow() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.request("DELETE", "/api/v1/records")
        #expect(r.status == 405)
        #expect(r.header("Allow")?.contains("POST") == true)
        #expect(r.header("Allow")?.contains("GET") == true)
    }

    @Test func patchNeedsAMatchingIfMatch() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens[TestServer.smeOffice]
        let created = try server.post()
        let id = try #require(created.json["id"] as? String)
        let etag = try #require(created.header("ETag"))
        let none = try server.client.json("PATCH", "/api/v1/records/\(id)", ["title": "新标题"], token: token)
        #expect(none.status == 428)
        let ok = try server.client.json("PATCH", "/api/v1/records/\(id)", ["title": "新标题"], token: token, headers: ["If-Match": etag])
        #expect(ok.status == 200, "\(ok.text)")
        #expect(ok.json["version"] as? Int == 2)
        #expect(ok.header("ETag") == "\"r\(id)-v2\"")
        let stale = try server.client.json("PATCH", "/api/v1/records/\(id)", ["title": "再改"], token: token, headers: ["If-Match": etag])
        #expect(stale.status == 412)
        #expect(try server.client.get("/api/v1/records/\(id)").json["title"] as? String == "新标题")
        let other = try server.client.json("PATCH", "/api/v1/records/\(id)", ["title": "x"], token: server.officeTokens["节能管理科"],
                                           headers: ["If-Match": "\"r\(id)-v2\""])
        #expect(other.status == 403)
    }

    @Test func aWithdrawnRecordIsKeptButHiddenFromLists() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens[TestServer.smeOffice]
        let id = try #require(try server.post().json["id"] as? String)
        let noReason = try server.client.json("POST", "/api/v1/records/\(id)/withdraw", [String: String](), token: token)
        #expect(noReason.status == 422)
        let r = try server.client.json("POST", "/api/v1/records/\(id)/withdraw", ["reason": "内容有误"], token: token)
        #expect(r.status == 200, "\(r.text)")
        #expect(r.json["state"] as? String == "withdrawn")
        #expect(try server.client.get("/api/v1/records").json["total"] as? Int == 0)
        let all = try server.client.get("/api/v1/records?include=withdrawn")
        #expect(all.json["total"] as? Int == 1)
        #expect(try server.client.get("/api/v1/records/\(id)").status == 200)
    }

    @Test func listsNewestFirstWithFiltersAndCursorPaging() throws {
        let server = try TestServer()
        defer { server.remove() }
        for day in 1...5 {
            #expect(try server.post(["title": "第\(day)号", "formed_on": Day.offset(-20), "published_on": Day.offset(-day)]).status == 201)
        }
        #expect(try server.post(["item_id": "37", "title": "民营经济发展情况"]).status == 201)
        let first = try server.client.get("/api/v1/records?item=35&limit=2")
        #expect(first.json["total"] as? Int == 5)
        let titles = (first.json["records"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles == ["第1号", "第2号"])
        var cursor = first.json["next"] as? String
        var seen = titles
        while let c = cursor {
            let page = try server.client.get("/api/v1/records?item=35&limit=2&cursor=\(c)")
            seen += (page.json["records"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            cursor = page.json["next"] as? String
        }
        #expect(seen == ["第1号", "第2号", "第3号", "第4号", "第5号"])
        let search = try server.client.get("/api/v1/records?q=%E6%B0%91%E8%90%A5") // 民营
        #expect(search.json["total"] as? Int == 1)
        let range = try server.client.get("/api/v1/records?from=\(Day.offset(-3))&to=\(Day.offset(-2))")
        #expect(range.json["total"] as? Int == 2)
        #expect(try server.client.get("/api/v1/records?limit=201").status == 400)
        #expect(try server.client.get("/api/v1/records?cursor=garbage").status == 400)
        #expect(try server.client.get("/api/v1/records/2099-99999").status == 404)
    }

    @Test func pendingRecordsAreVisibleOnlyToTheirOfficeAndAdmins() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens[TestServer.smeOffice]
        let r = try server.client.json("POST", "/api/v1/records", TestServer.recordBody(["published_on": NSNull()]), token: token)
        #expect(r.status == 201, "\(r.text)")
        #expect(r.json["state"] as? String == "pending")
        #expect(r.json["due_on"] is String)
        let id = try #require(r.json["id"] as? String)
        #expect(try server.client.get("/api/v1/records/\(id)").status == 404)
        #expect(try server.client.get("/api/v1/records/\(id)", token: server.officeTokens["节能管理科"]).status == 404)
        #expect(try server.client.get("/api/v1/records/\(id)", token: token).status == 200)
        #expect(try server.client.get("/api/v1/records?state=pending", token: server.adminToken).json["total"] as? Int == 1)
        #expect(try server.client.get("/api/v1/records").json["total"] as? Int == 0)
        let publish = try server.client.json("PATCH", "/api/v1/records/\(id)", ["published_on": Day.today], token: token,
                                             headers: ["If-Match": "\"r\(id)-v1\""])
        #expect(publish.json["state"] as? String == "published")
        #expect(try server.client.get("/api/v1/records").json["total"] as? Int == 1)
    }
}
