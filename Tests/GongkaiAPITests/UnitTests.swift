import Foundation
import Testing
@testable import GongkaiAPI

@Suite struct ConfigTests {
    @Test func theRepositoryConfigIsValid() throws {
        let config = try ServerConfig.load(path: TestServer.repositoryRoot + "/config.json")
        #expect(config.port == 8080)
        #expect(config.offices.contains("中小企业科"))
    }

    @Test(arguments: [
        (#"{"prot": 8080}"#, "prot"),
        (#"{"port": "8080"}"#, "port"),
        (#"{"port": 70000}"#, "port"),
        (#"{"threads": -1}"#, "threads"),
        (#"{"limits": {"max_body_bytes": 10}}"#, "limits.max_body_bytes"),
        (#"{"limits": {"timeout": 5}}"#, "limits.timeout"),
        (#"{"agency": {"code": "有/斜杠"}}"#, "agency.code"),
        (#"{"offices": ["办公室", "办公室"]}"#, "offices"),
        (#"{"cors_origins": ["example.com"]}"#, "cors_origins"),
        (#"{"log_level": "loud"}"#, "log_level"),
        (#"{"access_log": 1}"#, "access_log"),
        (#"[1, 2]"#, "JSON"),
        (#"{"port": 80"#, "JSON"),
    ])
    func refusesABadConfigurationNamingTheKey(json: String, key: String) {
        #expect {
            _ = try ServerConfig.parse(Array(json.utf8))
        } throws: { error in
            (error as? ConfigError)?.message.contains(key) == true
        }
    }

    @Test func anEmptyObjectMeansTheDefaults() throws {
        #expect(try ServerConfig.parse(Array("{}".utf8)) == ServerConfig())
    }
}

@Suite struct AuthRuleTests {
    let scope = OfficeScope(offices: ["办公室", "中小企业科", "工业经济科", "节能管理科"])

    @Test func anOfficeMayPostWhereTheSubjectNamesItOrNamesNoConfiguredOffice() {
        #expect(scope.mayPost(office: "中小企业科", toItemOffice: "中小企业科"))
        #expect(!scope.mayPost(office: "中小企业科", toItemOffice: "办公室"))
        #expect(scope.mayPost(office: "中小企业科", toItemOffice: "各有关科室"))
        #expect(scope.mayPost(office: "节能管理科", toItemOffice: "资金管理使用科室"))
        #expect(scope.mayPost(office: "办公室", toItemOffice: "办公室、涉及的各科室"))
        #expect(!scope.mayPost(office: "工业经济科", toItemOffice: "办公室、涉及的各科室"))
    }

    @Test func theLimiterBlocksAnAddressAfterTooManyFailuresUntilTheWindowPasses() {
        let limiter = FailureLimiter(limit: 3, window: 60)
        for _ in 0..<3 { limiter.recordFailure(address: "10.0.0.1", now: 1000) }
        #expect(limiter.retryAfter(address: "10.0.0.1", now: 1001) == 59)
        #expect(limiter.retryAfter(address: "10.0.0.2", now: 1001) == nil)
        #expect(limiter.retryAfter(address: "10.0.0.1", now: 1061) == nil)
    }
}

@Suite struct HTTPSemanticsTests {
    @Test func ifMatchUsesStrongAndIfNoneMatchWeakComparison() {
        #expect(ETags.matches("\"a\"", "\"a\""))
        #expect(ETags.matches("\"x\", \"a\"", "\"a\""))
        #expect(!ETags.matches("W/\"a\"", "\"a\""))
        #expect(ETags.matches("*", "\"a\""))
        #expect(!ETags.noneMatch("W/\"a\"", "\"a\""))
        #expect(ETags.noneMatch("\"b\"", "\"a\""))
        #expect(!ETags.noneMatch("\"a\"", "\"a\""))
        #expect(ETags.noneMatch("\"a\"x", "\"a\""))
    }

    @Test func gzipIsAcceptedUnlessItsQualityIsZero() {
        #expect(Negotiation.acceptsGzip("gzip, deflate, br"))
        #expect(Negotiation.acceptsGzip("gzip"))
        #expect(!Negotiation.acceptsGzip("gzipped"))
        #expect(Negotiation.acceptsGzip("br;q=1.0, gzip;q=0.8"))
        #expect(!Negotiation.acceptsGzip("gzip;q=0"))
        #expect(!Negotiation.acceptsGzip("identity"))
        #expect(!Negotiation.acceptsGzip(nil))
    }

    @Test func duplicateKeysAreRefusedAtAnyDepthButNotAcrossObjects() {
        #expect(throws: APIError.self) { try DuplicateKeyScanner.check(Array(#"{"a":1,"a":2}"#.utf8)) }
        #expect(throws: APIError.self) { try DuplicateKeyScanner.check(Array(#"{"x":{"b":[1,{"c":1,"c":2}]}}"#.utf8)) }
        #expect(throws: Never.self) { try DuplicateKeyScanner.check(Array(#"{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"a"}"#.utf8)) }
    }

    @Test func gzipRoundTripsThroughTheSystemZlib() throws {
        let input = Array(String(repeating: "政府信息公开", count: 500).utf8)
        let compressed = try #require(Gzip.compress(input))
        #expect(compressed.count * 10 < input.count)
        #expect(Array(compressed.prefix(2)) == [0x1f, 0x8b])
    }

    @Test func timestampsAreInChinaTime() {
        #expect(Timestamp.iso(0) == "1970-01-01T08:00:00.000+08:00")
        #expect(Timestamp.iso(1_767_196_800.5) == "2026-01-01T00:00:00.500+08:00")
    }
}
