import Foundation
import GongkaiHTTP
import Testing
@testable import GongkaiAPI

/// Regression tests for hostile input found by scripts/checks/hostile.py and the libFuzzer
/// harnesses (RELIABILITY.md §4, §5): each was accepted before its fix.
@Suite struct ReliabilityHostileInputTests {
    @Test(arguments: [
        #"{"title":"a","t\u0069tle":"b"}"#,
        #"{"\u0074itle":"a","titl\u0065":"b"}"#,
        #"{"a\/b":1,"a/b":2}"#,
        #"{"x":[{"é":1,"e\u0301":2}]}"#,
    ])
    func duplicateKeysSpelledWithEscapesAreRefused(body: String) {
        #expect(throws: APIError.self) { try DuplicateKeyScanner.check(Array(body.utf8)) }
    }

    @Test(arguments: [#"{"a":1,}"#, #"{"a":[1,2,]}"#, #"{"a":[1, ] }"#, "{\"a\":1,\n}"])
    func trailingCommasAreRefused(body: String) {
        #expect(throws: APIError.self) { try DuplicateKeyScanner.check(Array(body.utf8)) }
    }

    @Test(arguments: [
        #"{"a":1,"b":[1,2],"c":{"d":","},"e":"]"}"#,
        #"{"t\u0069tle":"x","title2":"y","s":"a,}"}"#,
        #"{"q":"\"","r":"\\","s":[]}"#,
        #"[]"#,
    ])
    func distinctKeysAndCommasInsideStringsPass(body: String) {
        #expect(throws: Never.self) { try DuplicateKeyScanner.check(Array(body.utf8)) }
    }

    @Test func nonUTF8BodiesAreMalformedJSONNotCreated() throws {
        let server = try TestServer()
        defer { server.remove() }
        let token = server.officeTokens[TestServer.smeOffice]
        let json = #"{"item_id":"35","title":"x","formed_on":"2025-01-02"}"#
        let bodies: [[UInt8]] = [
            Array(json.data(using: .utf16)!),                       // UTF-16 with a BOM
            Array(json.data(using: .utf16LittleEndian)!),           // UTF-16 without one (NUL bytes)
            Array(json.utf8).map { $0 == UInt8(ascii: "x") ? 0xFF : $0 },  // invalid UTF-8
            Array(#"{"item_id":"35","title":"x","formed_on":"2025-01-02",}"#.utf8),  // trailing comma
            Array(#"{"item_id":"35","title":"x","t\u0069tle":"y","formed_on":"2025-01-02"}"#.utf8),
        ]
        for body in bodies {
            let r = try server.client.request("POST", "/api/v1/records", headers: ["Content-Type": "application/json"],
                                              body: body, token: token)
            #expect(r.status == 400, "\(r.text)")
            #expect(r.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        }
        #expect(try server.client.get("/api/v1/records").json["total"] as? Int == 0)
    }

    /// Decoding nested arrays through `JSONValue.init(from:)` costs superlinear time: a 1 KB body
    /// nested 500 deep held a worker thread for ~10 s (found by scripts/checks/hostile.py).
    @Test func deepNestingIsRefusedBeforeDecoding() throws {
        func nested(_ depth: Int) -> [UInt8] { Array(("[" + String(repeating: "[", count: depth - 1)
            + String(repeating: "]", count: depth)).utf8) }
        #expect(throws: Never.self) { _ = try JSONValue.parse(nested(JSONValue.maxDepth)) }
        #expect(throws: (any Error).self) { _ = try JSONValue.parse(nested(JSONValue.maxDepth + 1)) }
        let brackets = #"{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"}"#
        #expect(throws: Never.self) { _ = try JSONValue.parse(Array(brackets.utf8)) }
        let server = try TestServer()
        defer { server.remove() }
        let body = #"{"item_id":"35","formed_on":"2025-01-02","title":"# + String(repeating: "[", count: 500)
            + String(repeating: "]", count: 500) + "}"
        let started = ContinuousClock.now
        let r = try server.client.request("POST", "/api/v1/records", headers: ["Content-Type": "application/json"],
                                          body: Array(body.utf8), token: server.officeTokens[TestServer.smeOffice])
        #expect(r.status == 400, "\(r.text)")
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    /// "/" followed by a combining mark is one Character: a Character-level split kept it inside
    /// a segment, so a path parameter could contain "/" (found by fuzz/raw-target).
    @Test func aCombiningMarkAfterASlashStillSeparatesSegments() throws {
        var router = Router<String>()
        router.add("POST", "/api/v1/records/{id}/withdraw", "withdraw")
        router.add("GET", "/api/v1/records/{id}", "show")
        guard case .notFound = router.match(method: "POST", path: "/api/v1/records/x/\u{301}/withdraw") else {
            Issue.record("matched a route with a slash inside a parameter"); return
        }
        guard case .notFound = router.match(method: "GET", path: "/api/v1/records/a/\u{301}b") else {
            Issue.record("matched a route with a slash inside a parameter"); return
        }
        let server = try TestServer()
        defer { server.remove() }
        let r = try server.client.request("POST", "/api/v1/records/x/%CC%81/withdraw",
                                          headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
        #expect(r.status == 404, "\(r.text)")
    }
}
