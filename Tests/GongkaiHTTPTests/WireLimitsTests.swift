import Foundation
import Glibc
@testable import GongkaiHTTP
import Testing

/// Limits and framing guards, on a real daemon.
@Suite struct WireLimitsTests {
    @Test func declaredOversizedBodyWithExpectContinueGets413WithoutUploading() throws {
        let probe = Probe()
        try withServer(.test(maxBody: 1_000), probe: probe) { server in
            let client = try RawClient(port: server.port)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3000000\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)  // not 100 Continue first
            #expect(response.header("Connection")?.lowercased() == "close")
            #expect(response.header("X-Rejection") == "bodyTooLarge(limit: 1000)")
            #expect(client.waitsForClose(seconds: 2))
            #expect(probe.handled.load(ordering: .relaxed) == 0)
        }
    }

    @Test func declaredOversizedBodyWithoutExpectGets413() throws {
        try withServer(.test(maxBody: 1_000)) { server in
            let client = try RawClient(port: server.port)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3000000\r\n\r\n")
            client.send([UInt8](repeating: 0x61, count: 32_768))
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection")?.lowercased() == "close")
        }
    }

    @Test func chunkedBodyOverTheLimitGets413AfterDraining() throws {
        try withServer(.test(maxBody: 1_000)) { server in
            let client = try RawClient(port: server.port)
            let chunk = String(repeating: "x", count: 500)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
            for _ in 0..<3 { client.send("1f4\r\n\(chunk)\r\n") }  // 1500 bytes: over 1×, under 2×
            client.send("0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("X-Rejection") == "bodyTooLarge(limit: 1000)")
        }
    }

    @Test func chunkedBodyPastTwiceTheLimitClosesTheConnection() throws {
        try withServer(.test(maxBody: 1_000)) { server in
            let client = try RawClient(port: server.port)
            let chunk = String(repeating: "x", count: 500)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
            for _ in 0..<6 { client.send("1f4\r\n\(chunk)\r\n") }  // 3000 bytes, never terminated
            #expect(client.waitsForCloseWithoutData(seconds: 3))
        }
    }

    @Test func targetLongerThanTheLimitGets414() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(request("GET", "/" + String(repeating: "a", count: 9_000)))
            #expect(response.status == 414)
            #expect(response.header("X-Rejection") == "uriTooLong(limit: 8192)")
        }
    }

    @Test func seventyKilobyteHeaderGets431FromTheLibrary() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(request("GET", "/", headers: ["X-Big: " + String(repeating: "b", count: 70_000)]))
            #expect(response.status == 431)
            // The server still answers afterwards.
            let next = try RawClient(port: server.port)
            #expect(try next.roundTrip(request("GET", "/after")).status == 200)
        }
    }

    @Test func contentLengthTogetherWithTransferEncodingIsRefused() throws {
        let probe = Probe()
        try withServer(probe: probe) { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(
                "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            )
            #expect(response.status == 400)
            #expect(response.header("X-Rejection")?.contains("Content-Length together with Transfer-Encoding") == true)
            #expect(response.header("Connection")?.lowercased() == "close")
            #expect(probe.handled.load(ordering: .relaxed) == 0)
        }
    }

    @Test func duplicateContentLengthIsRefused() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(
                "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"
            )
            #expect(response.status == 400)
            #expect(response.header("X-Rejection")?.contains("Content-Length sent more than once") == true)
        }
    }

    @Test func idleHalfRequestIsClosedByTheConnectionTimeout() throws {
        try withServer(.test(timeout: 1)) { server in
            let client = try RawClient(port: server.port)
            let started = Date()
            client.send("GET /half HTTP/1.1\r\nHost: t\r\n")  // no blank line: never complete
            #expect(client.waitsForCloseWithoutData(seconds: 4))
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed > 0.8 && elapsed < 3.5, "closed after \(elapsed) s")
            #expect(eventually { server.liveRequestStates == 0 })
        }
    }

    @Test func perIPLimitClosesExtraConnectionsButServesOtherAddresses() throws {
        try withServer(.test(perIP: 3)) { server in
            // Hold three connections, each proven accepted by a full round trip.
            var held: [RawClient] = []
            for index in 0..<3 {
                let client = try RawClient(port: server.port)
                #expect(try client.roundTrip(request("GET", "/held/\(index)")).status == 200)
                held.append(client)
            }
            let extra = try RawClient(port: server.port)
            extra.send(request("GET", "/extra"))
            #expect(extra.waitsForCloseWithoutData(seconds: 2))

            let other = try RawClient(port: server.port, source: "127.0.0.2")
            let response = try other.roundTrip(request("GET", "/other"))
            #expect(response.status == 200)
            #expect(response.header("X-Remote") == "127.0.0.2")

            held.removeFirst()  // closes one; a new connection from 127.0.0.1 is served again
            #expect(eventually {
                guard let again = try? RawClient(port: server.port),
                      let answer = try? again.roundTrip(request("GET", "/again")) else { return false }
                return answer.status == 200
            })
            withExtendedLifetime(held) {}
        }
    }
}
