import Glibc
@testable import GongkaiHTTP
import Synchronization
import Testing

/// Start, stop and per-request state bookkeeping.
@Suite struct LifecycleTests {
    @Test func startReportsTheEphemeralPortAndTheLibraryVersion() throws {
        try withServer { server in
            #expect(server.port != 0)
            #expect(HTTPServer.libraryVersion.hasPrefix("0.9.") || HTTPServer.libraryVersion.hasPrefix("1."))
        }
    }

    @Test func zeroThreadsMeansTwoPerAvailableCPUAndAnExplicitCountIsKept() throws {
        let automatic = HTTPServerConfiguration(threads: 0).resolvedThreads
        #expect(automatic >= 2 && automatic <= 64 && automatic % 2 == 0)
        #expect(HTTPServerConfiguration(threads: 3).resolvedThreads == 3)
        #expect(HTTPServerConfiguration(threads: -1).validationFailure() != nil)
        try withServer(.init(host: "127.0.0.1", port: 0, threads: 0)) { server in
            let response = try RawClient(port: server.port).roundTrip(request("GET", "/auto"))
            #expect(response.text == "hello /auto")
        }
    }

    @Test func startFailsForAHostName() {
        let server = HTTPServer(configuration: .init(host: "localhost", port: 0), handler: EchoHandler())
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test func startFailsWhenThePortIsTaken() throws {
        try withServer { first in
            let second = HTTPServer(configuration: .init(host: "127.0.0.1", port: first.port), handler: EchoHandler())
            do throws(HTTPServerError) {
                try second.start()
                Issue.record("second server started on a taken port")
            } catch {
                guard case .startFailed(_, let port, let reason) = error else { return }
                #expect(port == first.port)
                #expect(!reason.isEmpty)
            }
        }
    }

    @Test func stopLetsAnInFlightRequestFinishAndIsIdempotent() throws {
        let probe = Probe()
        let server = HTTPServer(configuration: .test(), handler: EchoHandler(probe: probe))
        try server.start()
        let port = server.port
        let result = Mutex<RawClient.Response?>(nil)
        let client = Background {
            guard let connection = try? RawClient(port: port),
                  let response = try? connection.roundTrip(request("GET", "/slow")) else { return }
            result.withLock { $0 = response }
        }
        #expect(eventually { probe.slowStarted.load(ordering: .acquiring) })
        server.stop()  // the handler sleeps 400 ms; stop waits for it
        client.join()
        let response = result.withLock { $0 }
        #expect(response?.status == 200)
        #expect(response?.text == "slow done")
        #expect(response?.header("Connection")?.lowercased() == "close")
        #expect(server.liveRequestStates == 0)
        server.stop()
        #expect((try? RawClient(port: port)) == nil, "nothing listens after stop")
    }

    @Test func liveRequestStatesReturnToZeroAfterThousandsOfMixedRequests() throws {
        // libmicrohttpd 0.9.75 with epoll misses a FIN that arrives together with the last
        // bytes of an unfinished upload: such a connection is reaped by the timeout (2 s here).
        try withServer(.test(timeout: 2, maxBody: 4_096, maxConnections: 1_024)) { server in
            var keepAlive = try RawClient(port: server.port)
            for round in 0..<3_000 {
                switch round % 10 {
                case 0:  // early 413: closes the connection
                    let client = try RawClient(port: server.port)
                    _ = try? client.roundTrip("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: 99999\r\n\r\n")
                case 1:  // aborted upload
                    let client = try RawClient(port: server.port)
                    client.send("POST /abort HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly-part")
                case 2:  // refused target
                    let client = try RawClient(port: server.port)
                    _ = try? client.roundTrip(request("GET", "/%2e%2e/x"))
                case 3:
                    _ = try keepAlive.roundTrip(request("HEAD", "/h/\(round)"), hasBody: false)
                case 4, 5:
                    _ = try keepAlive.roundTrip(request("POST", "/p/\(round)", body: "body \(round)"))
                default:
                    _ = try keepAlive.roundTrip(request("GET", "/g/\(round)"))
                }
                if keepAlive.isClosedByPeer { keepAlive = try RawClient(port: server.port) }
            }
            withExtendedLifetime(keepAlive) {}
            #expect(eventually(seconds: 5) { server.liveRequestStates == 0 }, "live: \(server.liveRequestStates)")
            #expect(eventually(seconds: 5) { server.openConnections <= 1 }, "open: \(server.openConnections)")
        }
    }
}
