import Dispatch
@testable import GongkaiHTTP
import Synchronization
import Testing

/// Responses built into libmicrohttpd objects once and queued for many requests.
@Suite struct PreparedResponseTests {
    @Test func anyChangeToAPreparedResponseDropsTheBuiltObject() throws {
        let prepared = try #require(PreparedResponse(HTTPResponse(status: 200, headers: ["A": "1"], body: [1, 2])))
        #expect(HTTPResponse(prepared).prepared != nil)
        var header = HTTPResponse(prepared)
        header.headers.add("B", "2")
        #expect(header.prepared == nil)
        var status = HTTPResponse(prepared)
        status.status = 201
        #expect(status.prepared == nil)
        var body = HTTPResponse(prepared)
        body.body = [3]
        #expect(body.prepared == nil)
    }

    @Test func aResponseLibmicrohttpdWouldRefuseIsNotPrepared() {
        #expect(PreparedResponse(HTTPResponse(status: 200, headers: ["X": "a\r\nB: c"])) == nil)
        #expect(PreparedResponse(HTTPResponse(status: 42)) == nil)
    }

    @Test func thePreparedResponseIsSentWholeEveryTimeOnOneKeepAliveConnection() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            for _ in 0..<50 {
                let response = try client.roundTrip(request("GET", "/prepared"))
                #expect(response.status == 200)
                #expect(response.text == "prepared body")
                #expect(response.header("X-Prepared") == "once")
                #expect(response.header("Content-Length") == "13")
            }
            client.send(request("HEAD", "/prepared") + request("GET", "/prepared"))
            let head = try client.readResponse(hasBody: false)
            let get = try client.readResponse()
            #expect(head.header("Content-Length") == "13")
            #expect(get.text == "prepared body")
            #expect(client.unreadBytes == 0)
            #expect(!client.isClosedByPeer)
        }
    }

    @Test func aChangedPreparedResponseIsSentWithTheChange() throws {
        try withServer { server in
            let response = try RawClient(port: server.port).roundTrip(request("GET", "/prepared-changed"))
            #expect(response.text == "prepared body")
            #expect(response.header("X-Changed") == "yes")
            #expect(response.header("X-Prepared") == "once")
        }
    }

    @Test func manyConnectionsAtOnceAllGetTheSameBytes() throws {
        try withServer { server in
            let failures = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    let client = try RawClient(port: server.port)
                    for _ in 0..<100 where try client.roundTrip(request("GET", "/prepared")).text != "prepared body" {
                        failures.add(1, ordering: .relaxed)
                    }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
            #expect(failures.load(ordering: .relaxed) == 0)
        }
    }
}
