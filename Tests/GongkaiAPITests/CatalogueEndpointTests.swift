import Foundation
import Testing

@Suite struct CatalogueEndpointTests {
    @Test func servesTheSeedCatalogueWithAllItemsOnAFreshDataDirectory() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/catalogue")
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "application/json; charset=utf-8")
        let body = r.json
        #expect(body["agency"] as? String == "安宁市工业和科学技术信息化局")
        #expect(body["version"] as? Int == 1)
        #expect((body["items"] as? [[String: Any]])?.count == 51)
        #expect(body["updated_at"] is String)
        let item13 = (body["items"] as? [[String: Any]])?.first { $0["id"] as? String == "13" }
        let rule = item13?["deadline_rule"] as? [String: Any]
        #expect(rule?["kind"] as? String == "working_days")
        #expect(rule?["from"] as? String == "related_published_on")
    }

    @Test func answersAMatchingIfNoneMatchWith304AndNoBody() throws {
        let server = try TestServer()
        defer { server.remove() }
        let first = try server.client.get("/api/v1/catalogue")
        let etag = try #require(first.header("ETag"))
        let second = try server.client.get("/api/v1/catalogue", headers: ["If-None-Match": etag])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.header("ETag") == etag)
        let stale = try server.client.get("/api/v1/catalogue", headers: ["If-None-Match": "\"other\""])
        #expect(stale.status == 200)
    }

    @Test func sendsAPrecompressedBodyToClientsThatAcceptGzip() throws {
        let server = try TestServer()
        defer { server.remove() }
        let plain = try server.client.get("/api/v1/catalogue")
        let gzip = try server.client.get("/api/v1/catalogue", headers: ["Accept-Encoding": "gzip, deflate"])
        #expect(gzip.header("Content-Encoding") == "gzip")
        #expect(gzip.header("Vary")?.contains("Accept-Encoding") == true)
        #expect(gzip.body.count * 4 <= plain.body.count)
        #expect(Array(gzip.body.prefix(2)) == [0x1f, 0x8b])
    }

    @Test func theCachedAnswersCarryTheSameSafetyHeadersAsEveryOtherResponse() throws {
        let server = try TestServer()
        defer { server.remove() }
        let plain = try server.client.get("/api/v1/catalogue")
        let gzip = try server.client.get("/api/v1/catalogue", headers: ["Accept-Encoding": "gzip"])
        let notModified = try server.client.get("/api/v1/catalogue", headers: ["If-None-Match": plain.header("ETag") ?? ""])
        for r in [plain, gzip, notModified] {
            #expect(r.header("X-Content-Type-Options") == "nosniff")
            #expect(r.header("Cache-Control") == "public, no-cache")
            #expect(r.header("Vary")?.contains("Accept-Encoding") == true)
        }
        #expect(plain.header("Content-Type") == "application/json; charset=utf-8")
        #expect(notModified.status == 304)
    }

    @Test func aClientsRequestIdAndOriginStillReachTheCachedCatalogue() throws {
        let server = try TestServer()
        defer { server.remove() }
        let traced = try server.client.get("/api/v1/catalogue", headers: ["X-Request-Id": "poll-42"])
        #expect(traced.header("X-Request-Id") == "poll-42")
        let crossSite = try server.client.get("/api/v1/catalogue", headers: ["Origin": "https://www.example.gov.cn", "Accept-Encoding": "gzip"])
        #expect(crossSite.header("Access-Control-Allow-Origin") == "*")
        #expect(crossSite.header("Content-Encoding") == "gzip")
        let plain = try server.client.get("/api/v1/catalogue")
        #expect(plain.header("Access-Control-Allow-Origin") == nil)
    }

    @Test func aNewCatalogueVersionReplacesTheCachedAnswers() throws {
        let server = try TestServer()
        defer { server.remove() }
        let before = try server.client.get("/api/v1/catalogue")
        let etag = try #require(before.header("ETag"))
        let created = try server.client.json("POST", "/api/v1/catalogue/items", AdminEndpointTests.newItem, token: server.adminToken)
        #expect(created.status == 201, "\(created.text)")
        let after = try server.client.get("/api/v1/catalogue", headers: ["If-None-Match": etag])
        #expect(after.status == 200)
        #expect(after.header("ETag") != etag)
        #expect((after.json["items"] as? [Any])?.count == (before.json["items"] as? [Any]).map { $0.count + 1 })
    }

    @Test func headReturnsTheHeadersWithoutABody() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.request("HEAD", "/api/v1/catalogue")
        #expect(r.status == 200)
        #expect(r.header("ETag") != nil)
        #expect(r.body.isEmpty)
    }

    @Test func filtersItemsByOfficeChannelMethodAndText() throws {
        let server = try TestServer()
        defer { server.remove() }
        func ids(_ query: String) throws -> [String] {
            let r = try server.client.get("/api/v1/catalogue?\(query)")
            #expect(r.status == 200, "\(query): \(r.text)")
            return (r.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try ids("office=%E4%B8%AD%E5%B0%8F%E4%BC%81%E4%B8%9A%E7%A7%91") == ["35", "37"]) // 中小企业科
        #expect(try ids("q=%E5%87%8F%E8%B4%9F") == ["35"]) // 减负
        #expect(try ids("channel=%E5%8F%91%E5%B8%83%E4%BC%9A%2F%E5%90%AC%E8%AF%81%E4%BC%9A").count == 13) // 发布会/听证会: 32-1…5, 33–40
        #expect(try ids("category=%E6%9C%BA%E6%9E%84%E4%BF%A1%E6%81%AF") == ["1", "2", "3", "4", "5"]) // 机构信息
        let unknown = try server.client.get("/api/v1/catalogue?offfice=x")
        #expect(unknown.status == 400)
        #expect(unknown.header("Content-Type")?.hasPrefix("application/problem+json") == true)
    }

    @Test func showsOneItemWithItsRecordCountAnd404ForAnUnknownOne() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/catalogue/items/32-4")
        #expect(r.status == 200)
        #expect(r.json["office"] as? String == "资金管理使用科室")
        #expect(r.json["record_count"] as? Int == 0)
        let missing = try server.client.get("/api/v1/catalogue/items/999")
        #expect(missing.status == 404)
        #expect((missing.json["detail"] as? String)?.contains("999") == true)
    }

    @Test func groupsItemsByCategoryAndSubcategory() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/categories")
        #expect(r.status == 200)
        let categories = r.json["categories"] as? [[String: Any]] ?? []
        #expect(categories.first?["name"] as? String == "机构信息")
        #expect(categories.reduce(0) { $0 + ($1["item_count"] as? Int ?? 0) } == 51)
        let finance = categories.flatMap { $0["subcategories"] as? [[String: Any]] ?? [] }.first { $0["name"] as? String == "财政资金" }
        #expect(finance?["item_ids"] as? [String] == ["32-1", "32-2", "32-3", "32-4", "32-5"])
    }
}
