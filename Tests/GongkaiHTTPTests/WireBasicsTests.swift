import Glibc
@testable import GongkaiHTTP
import Testing

/// Real daemon on 127.0.0.1:0, raw sockets.
@Suite struct WireBasicsTests {
    @Test func getReachesTheHandlerWithDecodedPathQueryAndRemoteAddress() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(request("GET", "/api/v1/records/%E5%8A%9E?q=a+b&n=1"))
            #expect(response.status == 200)
            #expect(response.header("X-Path") == "/api/v1/records/办")
            #expect(response.header("X-Query") == "q=a b&n=1")
            #expect(response.header("X-Remote") == "127.0.0.1")
            #expect(response.header("Connection")?.lowercased() != "close")
        }
    }

    @Test func postBodySentInSeveralPiecesIsAccumulated() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let parts = ["first part,", " second part,", " third part"]
            let body = parts.joined()
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            for part in parts {
                usleep(20_000)
                client.send(part)
            }
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == body)
            #expect(response.header("X-Method") == "POST")
        }
    }

    @Test func chunkedBodyIsAccumulatedAcrossChunks() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
            client.send("5\r\nhello\r\n")
            usleep(20_000)
            client.send("6\r\n world\r\n0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello world")
        }
    }

    @Test func oneMebibyteBodyIsAcceptedAtTheLimit() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            var body = [UInt8](repeating: 0, count: 1_048_576)
            for index in body.indices { body[index] = UInt8(truncatingIfNeeded: index &* 31) }
            client.send("PUT /blob HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.count)\r\n\r\n")
            client.send(body)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("X-Body-Length") == "1048576")
            let isIdentical = response.body == body  // not inside #expect: a 1 MiB diff is very slow
            #expect(isIdentical)
        }
    }

    @Test func keepAliveServesOneHundredRequestsOnOneConnection() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            for index in 0..<100 {
                let response = try client.roundTrip(request("GET", "/n/\(index)"))
                #expect(response.status == 200)
                #expect(response.header("X-Path") == "/n/\(index)")
                #expect(response.header("Connection")?.lowercased() != "close")
            }
            #expect(!client.isClosedByPeer)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            client.send(request("GET", "/first") + request("GET", "/second"))
            let first = try client.readResponse()
            let second = try client.readResponse()
            #expect(first.header("X-Path") == "/first")
            #expect(second.header("X-Path") == "/second")
            #expect(second.text == "hello /second")
        }
    }

    @Test func headIsAnsweredWithGetsHeadersAndNoBody() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            // HEAD then GET on one connection: a stray HEAD body would corrupt the GET's parse.
            client.send(request("HEAD", "/page") + request("GET", "/page"))
            let head = try client.readResponse(hasBody: false)
            let get = try client.readResponse()
            #expect(head.status == 200)
            #expect(head.header("X-Method") == "HEAD")
            #expect(head.header("Content-Length") == String("hello /page".utf8.count))
            #expect(get.status == 200)
            #expect(get.text == "hello /page")
            #expect(client.unreadBytes == 0)
        }
    }

    @Test func expectContinueUnderTheLimitGets100ThenTheAnswer() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            client.send("hello")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
        }
    }

    @Test func headerValueWithLineBreakBecomesABare500() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(request("GET", "/inject"))
            #expect(response.status == 500)
            #expect(response.header("Set-Cookie") == nil)
            #expect(response.header("X-Evil") == nil)
            #expect(response.body.isEmpty)
        }
    }

    @Test func traversalTargetOnTheWireIsRejectedBeforeTheHandler() throws {
        let probe = Probe()
        try withServer(probe: probe) { server in
            for target in ["/%2e%2e/%2e%2e/etc/passwd", "/../etc/passwd", "/index.html%00.png", "/..%5c..%5cwin.ini"] {
                let client = try RawClient(port: server.port)
                let response = try client.roundTrip(request("GET", target))
                #expect(response.status == 400, "target \(target)")
                #expect(response.header("X-Rejection")?.hasPrefix("invalidTarget") == true, "target \(target)")
            }
            #expect(probe.handled.load(ordering: .relaxed) == 0)
        }
    }
}
