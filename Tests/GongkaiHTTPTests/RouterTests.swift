import GongkaiHTTP
import Testing

@Suite struct RouterTests {
    private func router() -> Router<String> {
        var router = Router<String>()
        router.add("GET", "/api/v1/records", "list")
        router.add("POST", "/api/v1/records", "create")
        router.add("GET", "/api/v1/records/{id}", "show")
        router.add("PATCH", "/api/v1/records/{id}", "update")
        router.add("GET", "/api/v1/records.csv", "csv")
        router.add("GET", "/api/v1/records/export", "export")
        router.add("POST", "/api/v1/records/{id}/withdraw", "withdraw")
        router.add("GET", "/", "index")
        return router
    }

    @Test func findsLiteralRoutes() {
        guard case .found(let handler, let parameters) = router().match(method: "GET", path: "/api/v1/records") else {
            Issue.record("no match"); return
        }
        #expect(handler == "list")
        #expect(parameters.isEmpty)
    }

    @Test func capturesPathParameters() {
        guard case .found(let handler, let parameters) = router().match(method: "POST", path: "/api/v1/records/r-42/withdraw") else {
            Issue.record("no match"); return
        }
        #expect(handler == "withdraw")
        #expect(parameters == ["id": "r-42"])
    }

    @Test func passesDecodedParameterValuesThrough() {
        guard case .found(_, let parameters) = router().match(method: "GET", path: "/api/v1/records/办公室 1") else {
            Issue.record("no match"); return
        }
        #expect(parameters["id"] == "办公室 1")
    }

    @Test func literalSegmentsBeatParameters() {
        guard case .found(let handler, _) = router().match(method: "GET", path: "/api/v1/records/export") else {
            Issue.record("no match"); return
        }
        #expect(handler == "export")
    }

    @Test func literalBeatsParameterRegardlessOfRegistrationOrder() {
        var router = Router<String>()
        router.add("GET", "/a/{x}/c", "param")
        router.add("GET", "/a/b/{y}", "literal-first")
        guard case .found(let handler, let parameters) = router.match(method: "GET", path: "/a/b/c") else {
            Issue.record("no match"); return
        }
        #expect(handler == "literal-first")
        #expect(parameters == ["y": "c"])
    }

    @Test func literalWithDotIsNotAParameter() {
        guard case .found(let handler, _) = router().match(method: "GET", path: "/api/v1/records.csv") else {
            Issue.record("no match"); return
        }
        #expect(handler == "csv")
    }

    @Test func unknownPathIsNotFound() {
        guard case .notFound = router().match(method: "GET", path: "/api/v2/records") else {
            Issue.record("expected notFound"); return
        }
    }

    @Test func emptySegmentDoesNotMatchAParameter() {
        guard case .notFound = router().match(method: "GET", path: "/api/v1/records/") else {
            Issue.record("expected notFound"); return
        }
    }

    @Test func knownPathWithWrongMethodIsMethodNotAllowedWithSortedAllowList() {
        guard case .methodNotAllowed(let allowed) = router().match(method: "DELETE", path: "/api/v1/records/7") else {
            Issue.record("expected 405"); return
        }
        #expect(allowed == ["GET", "HEAD", "PATCH"])
    }

    @Test func allowListHasNoHeadWithoutGet() {
        guard case .methodNotAllowed(let allowed) = router().match(method: "GET", path: "/api/v1/records/7/withdraw") else {
            Issue.record("expected 405"); return
        }
        #expect(allowed == ["POST"])
    }

    @Test func headIsServedByGetRoutes() {
        guard case .found(let handler, let parameters) = router().match(method: "HEAD", path: "/api/v1/records/9") else {
            Issue.record("no match"); return
        }
        #expect(handler == "show")
        #expect(parameters == ["id": "9"])
    }

    @Test func explicitHeadRouteWinsOverGet() {
        var router = router()
        router.add("HEAD", "/api/v1/records", "head-list")
        guard case .found(let handler, _) = router.match(method: "HEAD", path: "/api/v1/records") else {
            Issue.record("no match"); return
        }
        #expect(handler == "head-list")
    }

    @Test func rootPathMatchesRootPattern() {
        guard case .found(let handler, _) = router().match(method: "GET", path: "/") else {
            Issue.record("no match"); return
        }
        #expect(handler == "index")
    }

    @Test func methodsAreCaseSensitive() {
        guard case .methodNotAllowed = router().match(method: "get", path: "/api/v1/records") else {
            Issue.record("expected 405"); return
        }
    }

    @Test func registeringTheSameRouteAgainReplacesIt() {
        var router = router()
        router.add("GET", "/api/v1/records", "list-v2")
        guard case .found(let handler, _) = router.match(method: "GET", path: "/api/v1/records") else {
            Issue.record("no match"); return
        }
        #expect(handler == "list-v2")
    }
}
