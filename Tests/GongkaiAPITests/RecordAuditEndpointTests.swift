import Foundation
import Testing
@testable import GongkaiAPI

/// Issue 6, floor 4: a record write costs one fsync, its audit entry riding in the record's
/// line; `GET /api/v1/audit` shows the same entries as before, also after a restart.
@Suite struct RecordAuditEndpointTests {
    static func fsyncs(_ server: TestServer) throws -> Double {
        let text = try server.client.get("/metrics").text
        return MetricsEndpointTests.value(text, #"gongkai_storage_operation_duration_seconds_count{op="fsync"}"#) ?? 0
    }

    @Test func everyRecordWriteIsOneFsyncWithItsAuditEntryInTheSameLine() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens[TestServer.smeOffice]
        let before = try Self.fsyncs(server)
        let created = try server.post()
        let id = try #require(created.json["id"] as? String)
        let etag = try #require(created.header("ETag"))
        #expect(try server.client.json("PATCH", "/api/v1/records/\(id)", ["title": "新标题"], token: token,
                                       headers: ["If-Match": etag]).status == 200)
        #expect(try server.client.json("POST", "/api/v1/records/\(id)/withdraw", ["reason": "重复"], token: token).status == 200)
        #expect(try Self.fsyncs(server) - before == 3)

        let lines = try String(contentsOfFile: server.directory + "/records.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix(#"{"audit":{"action":"record."#) })
        let audit = (try? String(contentsOfFile: server.directory + "/audit.jsonl", encoding: .utf8)) ?? ""
        #expect(!audit.contains("record."))
    }

    @Test func theAuditEndpointShowsTheSameEntriesInTheSameOrderAfterARestart() throws {
        let first = try TestServer()
        defer { first.remove() }
        let token = first.officeTokens[TestServer.smeOffice]
        let id = try #require(try first.post().json["id"] as? String)
        var item = try first.client.get("/api/v1/catalogue/items/35").json
        item["content"] = "修改后的内容"
        #expect(try first.client.json("PUT", "/api/v1/catalogue/items/35", item, token: first.adminToken).status == 200)
        _ = try first.post()
        #expect(try first.client.json("POST", "/api/v1/records/\(id)/withdraw", ["reason": "重复"], token: token).status == 200)
        let shown = try first.client.get("/api/v1/audit", token: first.adminToken)
        let entries = shown.json["entries"] as? [[String: Any]] ?? []
        #expect(entries.map { $0["action"] as? String } == ["record.withdraw", "record.create", "catalogue.item.replace", "record.create"])
        first.stop()

        let second = try TestServer(directory: first.directory)
        let again = try second.client.get("/api/v1/audit", token: second.adminToken)
        #expect(again.text == shown.text)
    }
}
