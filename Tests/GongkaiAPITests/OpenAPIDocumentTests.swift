import Foundation
import Testing

@Suite struct OpenAPIDocumentTests {
    /// Every `add("METHOD", "/pattern", …)` line of the route table.
    static func routes() throws -> Set<String> {
        let source = try String(contentsOfFile: TestServer.repositoryRoot + "/Sources/GongkaiAPI/App/Routes.swift", encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"add\("([A-Z]+)",\s*"([^"]+)""#)
        let range = NSRange(source.startIndex..., in: source)
        return Set(regex.matches(in: source, range: range).map { m in
            "\(source[Range(m.range(at: 1), in: source)!]) \(source[Range(m.range(at: 2), in: source)!])"
        })
    }

    static func operations(_ doc: [String: Any]) -> Set<String> {
        var found = Set<String>()
        for (path, item) in doc["paths"] as? [String: [String: Any]] ?? [:] {
            for method in item.keys where method != "parameters" { found.insert("\(method.uppercased()) \(path)") }
        }
        return found
    }

    @Test func theServerServesItsOpenAPIDocumentAsJSONWithAnETag() throws {
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.get("/api/v1/openapi.json")
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "application/json; charset=utf-8")
        #expect(r.json["openapi"] as? String == "3.1.0")
        let etag = try #require(r.header("ETag"))
        #expect(try server.client.get("/api/v1/openapi.json", headers: ["If-None-Match": etag]).status == 304)
    }

    @Test func everyRouteInTheRouteTableIsDocumentedAndNothingElse() throws {
        let server = try TestServer()
        defer { server.remove() }
        let doc = try server.client.get("/api/v1/openapi.json").json
        let routes = try Self.routes()
        #expect(routes.count >= 27)
        let documented = Self.operations(doc)
        #expect(routes.subtracting(documented).sorted() == [], "routes missing from the OpenAPI document")
        #expect(documented.subtracting(routes).sorted() == [], "documented operations the server does not route")
    }

    @Test func everyErrorResponseIsProblemJSONAndEveryOperationHasAnId() throws {
        let server = try TestServer()
        defer { server.remove() }
        let doc = try server.client.get("/api/v1/openapi.json").json
        let components = try #require(doc["components"] as? [String: Any])
        let responses = try #require(components["responses"] as? [String: [String: Any]])
        var ids = Set<String>()
        for (path, item) in doc["paths"] as? [String: [String: Any]] ?? [:] {
            for (method, value) in item where method != "parameters" {
                let op = try #require(value as? [String: Any])
                let id = try #require(op["operationId"] as? String, "\(method) \(path) has no operationId")
                #expect(ids.insert(id).inserted, "operationId \(id) repeats")
                for (status, response) in op["responses"] as? [String: Any] ?? [:] {
                    guard let code = Int(status), code >= 400 else { continue }
                    let ref = (response as? [String: Any])?["$ref"] as? String ?? ""
                    let name = String(ref.split(separator: "/").last ?? "")
                    let content = responses[name]?["content"] as? [String: Any]
                    #expect(content?.keys.sorted() == ["application/problem+json"], "\(method) \(path) \(status)")
                }
            }
        }
        let schemes = (components["securitySchemes"] as? [String: [String: Any]])?["bearerAuth"]
        #expect(schemes?["scheme"] as? String == "bearer")
    }

    @Test func theDocumentedProblemShapeIsWhatTheServerSends() throws {
        let server = try TestServer()
        defer { server.remove() }
        let doc = try server.client.get("/api/v1/openapi.json").json
        let problem = try #require(((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Problem"] as? [String: Any])
        let allowed = Set((problem["properties"] as? [String: Any] ?? [:]).keys)
        let required = Set(problem["required"] as? [String] ?? [])
        let samples = [
            try server.client.get("/api/v1/records/nope"),
            try server.client.json("POST", "/api/v1/records", ["title": ""], token: server.officeTokens["中小企业科"]),
            try server.client.json("POST", "/api/v1/records", TestServer.recordBody()),
            try server.client.request("DELETE", "/api/v1/records"),
        ]
        for r in samples {
            #expect(r.header("Content-Type") == "application/problem+json; charset=utf-8")
            let keys = Set(r.json.keys)
            #expect(keys.isSubset(of: allowed), "\(r.status): \(keys.subtracting(allowed))")
            #expect(required.isSubset(of: keys), "\(r.status)")
        }
    }
}
