import Foundation
@testable import GongkaiHTTP
import Synchronization

/// Echoes what it received as headers and body, so wire tests can see what the handler saw.
/// `/slow` waits 400 ms (for shutdown tests); `/later` answers 150 ms later from another thread,
/// `/later-at-once` resolves before returning, `/never` never resolves (`PendingResponse`);
/// every response names the rejection, if any.
struct EchoHandler: HTTPHandler {
    let probe: Probe

    init(probe: Probe = Probe()) {
        self.probe = probe
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        probe.handled.add(1, ordering: .relaxed)
        if request.path == "/slow" {
            probe.slowStarted.store(true, ordering: .releasing)
            usleep(400_000)
            return HTTPResponse(status: 200, body: Array("slow done".utf8))
        }
        if request.path == "/prepared" {
            return HTTPResponse(Self.prepared)
        }
        if request.path == "/prepared-changed" {
            var response = HTTPResponse(Self.prepared)
            response.headers.add("X-Changed", "yes")
            return response
        }
        if request.path == "/later" {
            // Resolved 150 ms later from another thread, like a write waiting for its fsync.
            let pending = PendingResponse(), probe = self.probe
            probe.pendingStarted.add(1, ordering: .releasing)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(150)) {
                pending.resolve {
                    probe.laterBuiltOnServerThread.store(!Thread.isMainThread, ordering: .relaxed)
                    return HTTPResponse(status: 201, headers: ["X-Later": "yes"], body: Array("later done".utf8))
                }
            }
            return HTTPResponse(later: pending)
        }
        if request.path == "/later-at-once" {
            let pending = PendingResponse()
            pending.resolve { HTTPResponse(status: 200, body: Array("resolved before return".utf8)) }
            pending.resolve { HTTPResponse(status: 500, body: Array("second resolve".utf8)) }
            return HTTPResponse(later: pending)
        }
        if request.path == "/never" {
            probe.pendingStarted.add(1, ordering: .releasing)
            return HTTPResponse(later: PendingResponse())
        }
        if request.path == "/inject" {
            return HTTPResponse(status: 200, headers: ["X-Evil": "a\r\nSet-Cookie: x=1"], body: Array("nope".utf8))
        }
        var headers: HTTPHeaders = [
            "X-Method": request.method,
            "X-Path": request.path,
            "X-Body-Length": String(request.body.count),
            "X-Remote": request.remoteAddress,
        ]
        headers.add("X-Query", request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
        let body = request.body.isEmpty ? Array("hello \(request.path)".utf8) : request.body
        return HTTPResponse(status: 200, headers: headers, body: body)
    }

    /// One response built once and queued for every `/prepared` request.
    static let prepared = PreparedResponse(HTTPResponse(
        status: 200, headers: ["Content-Type": "text/plain", "X-Prepared": "once"], body: Array("prepared body".utf8)
    ))!

    func reject(_ rejection: HTTPRejection, method: String, target: String, headers: HTTPHeaders) -> HTTPResponse {
        probe.rejected.add(1, ordering: .relaxed)
        return HTTPResponse(
            status: rejection.status,
            headers: ["X-Rejection": "\(rejection)", "Content-Type": "text/plain"],
            body: Array("rejected".utf8)
        )
    }
}

/// Counters a test can read while the server runs.
final class Probe: Sendable {
    let handled = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
    let slowStarted = Atomic<Bool>(false)
    let pendingStarted = Atomic<Int>(0)
    let laterBuiltOnServerThread = Atomic<Bool>(false)
}

extension HTTPServerConfiguration {
    /// Loopback, ephemeral port, small pool, short timeout.
    static func test(
        perIP: Int = 0, timeout: Int = 5, maxBody: Int = 1_048_576, maxURL: Int = 8_192, maxConnections: Int = 64
    ) -> HTTPServerConfiguration {
        HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, threads: 2, maxConnections: maxConnections, perIPConnections: perIP,
            connectionTimeoutSeconds: timeout, maxBodyBytes: maxBody, maxURLBytes: maxURL
        )
    }
}

/// Starts a server for the duration of `body` and stops it afterwards.
func withServer<T>(
    _ configuration: HTTPServerConfiguration = .test(),
    probe: Probe = Probe(),
    _ body: (HTTPServer) throws -> T
) throws -> T {
    let server = HTTPServer(configuration: configuration, handler: EchoHandler(probe: probe))
    try server.start()
    defer { server.stop() }
    return try body(server)
}

/// Polls `condition` every 10 ms for up to `seconds`.
func eventually(seconds: Double = 3, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// Runs `body` on a new thread; `join()` waits for it.
final class Background: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Void) {
        let done = self.done
        Thread.detachNewThread {
            body()
            done.signal()
        }
    }

    func join() {
        done.wait()
    }
}
