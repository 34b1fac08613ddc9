import Foundation
import Testing

@Suite struct AdminEndpointTests {
    static var newItem: [String: Any] { [
        "category": "其他", "subcategory": "测试事项", "content": "测试内容", "basis": "", "office": "办公室",
        "deadline": "该政府信息形成或变更之日起20个工作日内公开", "channels": [["name": "政府网站", "note": NSNull()]],
        "audience": ["全社会"], "method": ["主动"], "level": NSNull(), "extra": [String: String](),
    ] }

    @Test func adminAddsReplacesAndDeletesItemsAndEachChangeBumpsTheVersion() throws {
        let server = try TestServer()
        defer { server.remove() }
        let created = try server.client.json("POST", "/api/v1/catalogue/items", Self.newItem, token: server.adminToken)
        #expect(created.status == 201, "\(created.text)")
        #expect(created.json["id"] as? String == "49")
        #expect(created.header("Location") == "/api/v1/catalogue/items/49")
        #expect(try server.client.get("/api/v1/catalogue").json["version"] as? Int == 2)

        var fetched = try server.client.get("/api/v1/catalogue/items/49").json
        fetched["content"] = "修改后的内容"
        let replaced = try server.client.json("PUT", "/api/v1/catalogue/items/49", fetched, token: server.adminToken)
        #expect(replaced.status == 200, "\(replaced.text)")
        #expect(replaced.json["content"] as? String == "修改后的内容")
        #expect(try server.client.get("/api/v1/catalogue").json["version"] as? Int == 3)

        let deleted = try server.client.request("DELETE", "/api/v1/catalogue/items/49", token: server.adminToken)
        #expect(deleted.status == 204)
        #expect(try server.client.get("/api/v1/catalogue/items/49").status == 404)
        #expect(try server.client.get("/api/v1/catalogue").json["version"] as? Int == 4)
    }

    @Test func officeTokensCannotChangeTheCatalogue() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.json("POST", "/api/v1/catalogue/items", Self.newItem, token: server.officeTokens["办公室"])
        #expect(r.status == 403)
        #expect(try server.client.get("/api/v1/audit", token: server.officeTokens["办公室"]).status == 403)
    }

    @Test func deletingAnItemWithRecordsIsAConflict() throws {
        let server = try TestServer()
        defer { server.remove() }
        let id = try #require(try server.post().json["id"] as? String)
        let r = try server.client.request("DELETE", "/api/v1/catalogue/items/35", token: server.adminToken)
        #expect(r.status == 409)
        #expect(r.json["ids"] as? [String] == [id])
    }

    @Test func importDryRunParsesWithoutChangingAndARealImportKeepsReferencedItems() throws {
        let server = try TestServer()
        defer { server.remove() }
        let seed = try String(contentsOfFile: TestServer.repositoryRoot + "/resources/seed/anning-gxj-catalogue.txt", encoding: .utf8)
        let dry = try server.client.request("POST", "/api/v1/catalogue/import?dry_run=true",
                                            headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(seed.utf8), token: server.adminToken)
        #expect(dry.status == 200, "\(dry.text)")
        #expect((dry.json["items"] as? [Any])?.count == 51)
        #expect(try server.client.get("/api/v1/catalogue").json["version"] as? Int == 1)

        #expect(try server.post().status == 201) // a record under item 35
        let lines = seed.components(separatedBy: "\n").filter { !$0.hasPrefix("35\t") }
        let dropped = try server.client.request("POST", "/api/v1/catalogue/import", headers: ["Content-Type": "text/plain"],
                                                body: Array(lines.joined(separator: "\n").utf8), token: server.adminToken)
        #expect(dropped.status == 409, "\(dropped.text)")
        #expect(dropped.json["ids"] as? [String] == ["35"])

        let real = try server.client.request("POST", "/api/v1/catalogue/import", headers: ["Content-Type": "text/plain"],
                                             body: Array(seed.utf8), token: server.adminToken)
        #expect(real.status == 200)
        #expect(real.json["version"] as? Int == 2)
        let notCatalogue = try server.client.request("POST", "/api/v1/catalogue/import", headers: ["Content-Type": "text/plain"],
                                                     body: Array("hello".utf8), token: server.adminToken)
        #expect(notCatalogue.status == 400)
        #expect(try server.client.get("/api/v1/catalogue").json["version"] as? Int == 2)
    }

    @Test func theAuditLogNamesTheTokenOfEveryWriteNewestFirst() throws {
        let server = try TestServer()
        defer { server.remove() }
        let id = try #require(try server.post().json["id"] as? String)
        _ = try server.client.json("POST", "/api/v1/records/\(id)/withdraw", ["reason": "重复"], token: server.officeTokens[TestServer.smeOffice])
        let r = try server.client.get("/api/v1/audit", token: server.adminToken)
        #expect(r.status == 200)
        let entries = r.json["entries"] as? [[String: Any]] ?? []
        #expect(entries.map { $0["action"] as? String } == ["record.withdraw", "record.create"])
        #expect((entries.first?["token"] as? String)?.hasPrefix("中小企业科") == true)
        #expect(entries.first?["before_version"] as? Int == 1)
        #expect(entries.first?["after_version"] as? Int == 2)
        #expect(!r.text.contains(server.officeTokens[TestServer.smeOffice] ?? "~"))
    }

    @Test func meNamesTheTokenAndTheItemsItMayPostTo() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/me", token: server.officeTokens["节能管理科"])
        #expect(r.json["office"] as? String == "节能管理科")
        let items = r.json["item_ids"] as? [String] ?? []
        #expect(items.contains("38") && items.contains("39") && items.contains("33"))
        #expect(!items.contains("1") && !items.contains("35"))
    }
}
