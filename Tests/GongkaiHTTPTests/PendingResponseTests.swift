import Dispatch
import Foundation
@testable import GongkaiHTTP
import Synchronization
import Testing

/// Answers given later: the connection is suspended, no worker thread waits.
@Suite struct PendingResponseTests {
    @Test func anAnswerResolvedFromAnotherThreadIsSentAndTheConnectionStaysOpen() throws {
        let probe = Probe()
        try withServer(probe: probe) { server in
            let client = try RawClient(port: server.port)
            for _ in 0..<3 {
                let response = try client.roundTrip(request("GET", "/later"))
                #expect(response.status == 201)
                #expect(response.text == "later done")
                #expect(response.header("X-Later") == "yes")
                #expect(response.header("Connection")?.lowercased() != "close")
            }
            let echo = try client.roundTrip(request("GET", "/after"))
            #expect(echo.text == "hello /after")
            #expect(!client.isClosedByPeer)
            let builtOnServerThread = probe.laterBuiltOnServerThread.load(ordering: .relaxed)
            #expect(builtOnServerThread)
            #expect(eventually { server.liveRequestStates == 0 })
        }
    }

    @Test func anAnswerResolvedBeforeTheHandlerReturnsIsSentOnceAndAtOnce() throws {
        try withServer { server in
            let client = try RawClient(port: server.port)
            let response = try client.roundTrip(request("GET", "/later-at-once"))
            #expect(response.status == 200)
            #expect(response.text == "resolved before return")
            #expect(try client.roundTrip(request("GET", "/next")).text == "hello /next")
        }
    }

    @Test func aWaitingAnswerHoldsNoThreadSoTheOnlyWorkerServesOthers() throws {
        var configuration = HTTPServerConfiguration.test()
        configuration.threads = 1
        let probe = Probe()
        try withServer(configuration, probe: probe) { server in
            let port = server.port
            let waiting = (0..<8).map { _ in
                Background {
                    _ = try? RawClient(port: port).roundTrip(request("GET", "/later"))
                }
            }
            #expect(eventually { probe.pendingStarted.load(ordering: .acquiring) == 8 })
            // All eight are suspended on the one thread, yet another request is served now.
            let started = Date()
            let echo = try RawClient(port: port).roundTrip(request("GET", "/meanwhile"))
            #expect(echo.text == "hello /meanwhile")
            #expect(Date().timeIntervalSince(started) < 0.12, "answered without waiting for the 150 ms answers")
            waiting.forEach { $0.join() }
        }
    }

    @Test func manyConcurrentLaterAnswersAllArriveExactlyOnce() throws {
        try withServer(.test(maxConnections: 256)) { server in
            let port = server.port
            let wrong = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 32) { _ in
                guard let client = try? RawClient(port: port) else {
                    wrong.add(1, ordering: .relaxed)
                    return
                }
                for path in ["/later", "/later-at-once", "/later"] {
                    let response = try? client.roundTrip(request("GET", path))
                    let expected = path == "/later" ? "later done" : "resolved before return"
                    if response?.text != expected { wrong.add(1, ordering: .relaxed) }
                }
            }
            #expect(wrong.load(ordering: .relaxed) == 0)
            #expect(eventually { server.liveRequestStates == 0 })
        }
    }

    @Test func stopAnswersAnUnresolvedRequestWithServiceUnavailableInsteadOfHanging() throws {
        let probe = Probe()
        var configuration = HTTPServerConfiguration.test()
        configuration.shutdownGraceSeconds = 1
        let server = HTTPServer(configuration: configuration, handler: EchoHandler(probe: probe))
        try server.start()
        let port = server.port
        let result = Mutex<RawClient.Response?>(nil)
        let client = Background {
            guard let connection = try? RawClient(port: port),
                  let response = try? connection.roundTrip(request("GET", "/never")) else { return }
            result.withLock { $0 = response }
        }
        #expect(eventually { probe.pendingStarted.load(ordering: .acquiring) == 1 })
        server.stop()
        client.join()
        let response = result.withLock { $0 }
        #expect(response?.status == 503)
        #expect(response?.header("X-Rejection") == "shuttingDown")
        #expect(response?.header("Connection")?.lowercased() == "close")
        #expect(server.liveRequestStates == 0)
    }

    @Test func onceStopAbandonsPendingAnswersNoLaterRequestCanBeSuspended() {
        // libmicrohttpd 0.9.75 aborts if it is stopped with a suspended connection, so a
        // request that arrives after `stop()` abandoned the pending ones must not suspend.
        let context = ServerContext(handler: EchoHandler(), configuration: .test())
        let earlier = PendingResponse()
        #expect(context.rememberSuspended(earlier))
        #expect(context.abandonSuspended() == 1)
        #expect(!context.rememberSuspended(PendingResponse()))
        guard case .abandoned? = earlier.takeOutcome() else {
            Issue.record("the pending answer was not abandoned")
            return
        }
    }
}
