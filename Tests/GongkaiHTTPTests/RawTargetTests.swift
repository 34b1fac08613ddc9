@testable import GongkaiHTTP
import Testing

@Suite struct RawTargetTests {
    private func reason(_ raw: String) -> String? {
        do {
            _ = try RawTarget(parsing: raw)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(arguments: [
        ("/../etc/passwd", "dot segment in path"),
        ("/%2e%2e/%2e%2e/etc/passwd", "dot segment in path"),
        ("/%2e%2e/", "dot segment in path"),
        ("/%2E%2E%2F", "encoded slash or backslash in path segment"),
        ("/..%2f", "encoded slash or backslash in path segment"),
        ("/..%5c", "encoded slash or backslash in path segment"),
        ("..%5c", "request target must start with /"),
        ("/..\\etc", "backslash in path"),
        ("/.%00./", "percent-encoded NUL"),
        ("/index.html%00.png", "percent-encoded NUL"),
        ("//etc/passwd", "empty path segment"),
        ("/a//b", "empty path segment"),
        ("/%ff", "invalid UTF-8 in path"),
        ("/%c0%ae%c0%ae/", "invalid UTF-8 in path"),
        ("/./a", "dot segment in path"),
        ("/a/.", "dot segment in path"),
        ("/a/%2e", "dot segment in path"),
        ("/a/.%2E/b", "dot segment in path"),
        ("/%zz", "malformed percent-encoding"),
        ("/abc%2", "malformed percent-encoding"),
        ("/a%0ab", "control character in path"),
        ("*", "request target must start with /"),
        ("/a#frag", "fragment in request target"),
        ("/q?x=%00", "percent-encoded NUL"),
        ("/q?x=%ff", "invalid UTF-8 in query"),
        ("/q?x=%g1", "malformed percent-encoding"),
        ("", "empty request target"),
        ("/a/..", "dot segment in path"),
        ("/..", "dot segment in path"),
        ("/a/b//", "empty path segment"),
    ])
    func refusesHostileTargets(raw: String, expected: String) {
        #expect(reason(raw) == expected, "target \(raw)")
    }

    @Test func doubleEncodedDotsStayLiteralTextAfterOneDecode() throws {
        let target = try RawTarget(parsing: "/%252e%252e/secret")
        #expect(target.path == "/%2e%2e/secret")
    }

    @Test func decodesPathAndQuery() throws {
        let target = try RawTarget(parsing: "/api/v1/records/%E5%8A%9E%E5%85%AC%E5%AE%A4?q=a+b%2Bc&office=%E5%8A%9E&flag&&x=")
        #expect(target.path == "/api/v1/records/办公室")
        #expect(target.query.map(\.name) == ["q", "office", "flag", "x"])
        #expect(target.query.map(\.value) == ["a b+c", "办", "", ""])
    }

    @Test func keepsPlusInPathLiteral() throws {
        #expect(try RawTarget(parsing: "/a+b").path == "/a+b")
    }

    @Test func acceptsRootAndOneTrailingSlash() throws {
        #expect(try RawTarget(parsing: "/").path == "/")
        #expect(try RawTarget(parsing: "/docs/").path == "/docs/")
    }

    @Test func plainTargetsKeepTheirPathExactlyAndHaveNoQuery() throws {
        for raw in ["/api/v1/catalogue", "/a/b/", "/~user/-_.x", "/A9", "/..."] {
            let target = try RawTarget(parsing: raw)
            #expect(target.path == raw)
            #expect(target.query.isEmpty)
        }
    }

    @Test func aPlainPathWithAQueryKeepsItsPathAndDecodesTheQuery() throws {
        let target = try RawTarget(parsing: "/api/v1/records?office=%E5%8A%9E%E5%85%AC%E5%AE%A4&q=a+b")
        #expect(target.path == "/api/v1/records")
        #expect(target.query.map(\.name) == ["office", "q"])
        #expect(target.query.map(\.value) == ["办公室", "a b"])
        #expect(throws: RawTarget.Invalid.self) { try RawTarget(parsing: "/a/..?x=1") }
        #expect(throws: RawTarget.Invalid.self) { try RawTarget(parsing: "//a?x=1") }
    }

    @Test func acceptsDotsThatAreNotDotSegments() throws {
        #expect(try RawTarget(parsing: "/.well-known/x").path == "/.well-known/x")
        #expect(try RawTarget(parsing: "/a/.../b..c").path == "/a/.../b..c")
    }

    @Test func reducesAbsoluteFormToItsPath() throws {
        let target = try RawTarget(parsing: "http://example.org/a/b?x=1")
        #expect(target.path == "/a/b")
        #expect(target.query.first?.value == "1")
        #expect(try RawTarget(parsing: "HTTP://example.org").path == "/")
    }

    @Test func encodedSlashInQueryIsAllowed() throws {
        #expect(try RawTarget(parsing: "/f?path=a%2Fb").query.first?.value == "a/b")
    }
}

@Suite struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndKeepsOrder() {
        var headers = HTTPHeaders([("Accept", "a"), ("X-One", "1"), ("accept", "b")])
        #expect(headers["ACCEPT"] == "a")
        #expect(headers.values("accept") == ["a", "b"])
        headers.set("Accept", "c")
        #expect(headers.values("accept") == ["c"])
        #expect(headers.map(\.name) == ["Accept", "X-One"])
        headers.add("x-one", "2")
        #expect(headers.values("X-ONE") == ["1", "2"])
        headers.remove("X-One")
        #expect(headers["x-one"] == nil)
    }

    @Test func queryLookupReturnsFirstAndAllValues() {
        let request = HTTPRequest(method: "GET", path: "/", query: [(name: "a", value: "1"), (name: "a", value: "2")])
        #expect(request.queryValue("a") == "1")
        #expect(request.queryValues("a") == ["1", "2"])
        #expect(request.queryValue("b") == nil)
    }
}
