import Foundation
import Testing

@Suite struct ServerBehaviourTests {
    @Test func recordsAndCatalogueChangesSurviveARestart() throws {
        let first = try TestServer()
        let id = try #require(try first.post().json["id"] as? String)
        _ = try first.client.json("POST", "/api/v1/catalogue/items", AdminEndpointTests.newItem, token: first.adminToken)
        first.stop()
        let second = try TestServer(directory: first.directory)
        defer { second.remove() }
        let r = try second.client.get("/api/v1/records/\(id)")
        #expect(r.status == 200)
        #expect(r.json["title"] as? String == "关于减轻企业负担的通知")
        #expect(try second.client.get("/api/v1/catalogue").json["version"] as? Int == 2)
        let next = try second.post()
        #expect((next.json["index_number"] as? String)?.hasSuffix("-00002") == true)
    }

    @Test func manyParallelPostsFromSeveralOfficesAllLandWithUniqueIndexNumbers() throws {
        let server = try TestServer()
        defer { server.remove() }
        let offices = ["中小企业科", "节能管理科", "工业经济科", "办公室"]
        let perOffice = 25
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: offices.count * perOffice) { i in
            let office = offices[i % offices.count]
            let r = try? server.post(["item_id": "33", "title": "并发记录\(i)"], office: office)
            results.add(r?.status ?? -1, r?.json["index_number"] as? String)
        }
        #expect(results.statuses.allSatisfy { $0 == 201 })
        #expect(Set(results.indexNumbers).count == offices.count * perOffice)
        let list = try server.client.get("/api/v1/records?limit=200")
        #expect(list.json["total"] as? Int == offices.count * perOffice)
    }

    @Test func servesThePublicFolderAndNothingOutsideIt() throws {
        let server = try TestServer()
        defer { server.remove() }
        let index = try server.client.get("/")
        #expect(index.status == 200)
        #expect(index.header("Content-Type") == "text/html; charset=utf-8")
        #expect(index.header("Content-Security-Policy") != nil)
        for path in ["/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "//etc/passwd", "/%252e%252e/Package.swift",
                     "/index.html%00.png", "/.%00./Package.swift"] {
            let r = try server.client.get(path)
            #expect(r.status == 400 || r.status == 404, "\(path) → \(r.status)")
            #expect(!r.text.contains("swift-tools-version"), "\(path)")
        }
        #expect(try server.client.get("/api/v1/nothing").status == 404)
    }

    @Test func everyResponseCarriesARequestIdAndHonoursAGivenOne() throws {
        let server = try TestServer()
        defer { server.remove() }
        let given = try server.client.get("/healthz", headers: ["X-Request-Id": "abc-123"])
        #expect(given.header("X-Request-Id") == "abc-123")
        #expect(given.text == "ok\n")
        let generated = try server.client.get("/api/v1/catalogue/items/none")
        #expect(generated.header("X-Request-Id")?.isEmpty == false)
        #expect(generated.json["request_id"] as? String == generated.header("X-Request-Id"))
        #expect(generated.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func corsAllowsPublicReadsAnywhereAndWritesOnlyFromConfiguredOrigins() throws {
        let server = try TestServer { $0.corsOrigins = ["https://www.anning.gov.cn"] }
        defer { server.remove() }
        let read = try server.client.get("/api/v1/catalogue", headers: ["Origin": "https://elsewhere.example"])
        #expect(read.header("Access-Control-Allow-Origin") == "*")
        #expect(read.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
        let preflight = try server.client.request("OPTIONS", "/api/v1/records", headers: [
            "Origin": "https://www.anning.gov.cn", "Access-Control-Request-Method": "POST"])
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Origin") == "https://www.anning.gov.cn")
        #expect(preflight.header("Access-Control-Allow-Methods")?.contains("POST") == true)
        let foreign = try server.client.request("OPTIONS", "/api/v1/records", headers: [
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"])
        #expect(foreign.header("Access-Control-Allow-Methods")?.contains("POST") != true)
    }

    @Test func repeatedBadTokensFromOneAddressGet429WithRetryAfter() throws {
        let server = try TestServer()
        defer { server.remove() }
        var last: TestResponse?
        for _ in 0..<12 { last = try server.client.get("/api/v1/audit", token: "gk_wrong") }
        #expect(last?.status == 429)
        #expect(Int(last?.header("Retry-After") ?? "") ?? 0 > 0)
    }
}

/// Collects results from concurrent test work.
final class ResultBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private(set) var statuses: [Int] = []
    private(set) var indexNumbers: [String] = []

    func add(_ status: Int, _ indexNumber: String?) {
        lock.lock()
        defer { lock.unlock() }
        statuses.append(status)
        if let indexNumber { indexNumbers.append(indexNumber) }
    }
}
