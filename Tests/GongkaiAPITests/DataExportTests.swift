import Foundation
import GongkaiDomain
import GongkaiImport
import Testing
@testable import GongkaiAPI

/// `gongkai export` reads a data directory — also while its server runs — and writes what the
/// HTTP exports write.
@Suite struct DataExportTests {
    func export(_ server: TestServer) throws -> DataExport {
        var config = ServerConfig()
        config.dataDirectory = server.directory
        return try DataExport(config: config)
    }

    @Test func theCatalogueTextExportImportsBackToTheServedCatalogue() throws {
        let server = try TestServer()
        defer { server.remove() }
        var item = AdminEndpointTests.newItem
        item["basis"] = "《政府信息公开条例》"
        item["content"] = "第一行\r\n第二行"
        #expect(try server.client.json("POST", "/api/v1/catalogue/items", item, token: server.adminToken).status == 201)
        #expect(try export(server).inexactTextItems.isEmpty)
        let text = try export(server).catalogue(.text)
        let parsed = try CatalogueImporter.parse(data: text)
        let served = try JSONDecoder().decode(Catalogue.self, from: Data(try server.client.get("/api/v1/catalogue").body))
        #expect(parsed.items.count == served.items.count)
        for (a, b) in zip(parsed.items, served.items) {
            var b = b
            b.deadlineRule = nil
            if b.id == "49" { b.content = "第一行 第二行" }  // a cell holds no line breaks
            #expect(a == b, "item \(b.id)")
        }
    }

    @Test func theTextExportNamesItemsWhoseEmptyBasisWouldReadBackAsTheRowAbove() throws {
        let server = try TestServer()
        defer { server.remove() }
        #expect(try server.client.json("POST", "/api/v1/catalogue/items", AdminEndpointTests.newItem, token: server.adminToken).status == 201)
        #expect(try export(server).inexactTextItems.map(\.id) == ["49"])
    }

    @Test func theCSVExportsAreTheBytesTheServerSends() throws {
        let server = try TestServer()
        defer { server.remove() }
        _ = try server.post(["title": "第一条"])
        _ = try server.post(["item_id": "33", "title": "第二条"], office: "节能管理科")
        let data = try export(server)
        #expect(data.catalogue(.csv) == (try server.client.get("/api/v1/catalogue.csv").body))
        #expect(try data.records(.csv, filter: .init()) == (try server.client.get("/api/v1/records.csv").body))
        var office = DataExport.RecordFilter()
        office.office = "节能管理科"
        #expect(try data.records(.csv, filter: office) == (try server.client.get("/api/v1/records.csv?office=" + Percentage.encode("节能管理科")).body))
    }

    @Test func theJSONExportsMatchTheAPI() throws {
        let server = try TestServer()
        defer { server.remove() }
        _ = try server.post(["title": "第一条"])
        _ = try server.post(["title": "待发布", "published_on": NSNull()])
        let data = try export(server)
        let catalogue = try JSONSerialization.jsonObject(with: Data(data.catalogue(.json))) as? [String: Any]
        #expect(catalogue?["version"] as? Int == 1)
        let served = try server.client.get("/api/v1/catalogue").json
        #expect((catalogue?["items"] as? [Any])?.count == (served["items"] as? [Any])?.count)
        let published = try JSONSerialization.jsonObject(with: Data(try data.records(.json, filter: .init()))) as? [String: Any]
        #expect(published?["total"] as? Int == 1)
        var all = DataExport.RecordFilter()
        all.includePending = true
        let withPending = try JSONSerialization.jsonObject(with: Data(try data.records(.json, filter: all))) as? [String: Any]
        #expect(withPending?["total"] as? Int == 2)
        var bad = DataExport.RecordFilter()
        bad.from = "2026/01/01"
        #expect(throws: ConfigError.self) { try data.records(.csv, filter: bad) }
    }

    @Test func aMissingDataDirectoryIsAnErrorNotAnEmptyExport() {
        var config = ServerConfig()
        config.dataDirectory = "/nonexistent/gongkai-\(UUID().uuidString)"
        #expect(throws: ConfigError.self) { try DataExport(config: config) }
    }
}
