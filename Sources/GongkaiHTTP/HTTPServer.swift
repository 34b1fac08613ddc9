internal import CMicroHTTPD
import Glibc
import Synchronization

/// One libmicrohttpd daemon serving an `HTTPHandler`.
///
/// `start()` binds and returns; requests are then handled on libmicrohttpd's own threads.
/// `stop()` stops accepting, lets requests already started finish (up to
/// `shutdownGraceSeconds`), then stops the daemon. Never call `stop()` from a handler:
/// it waits for the handler's own thread.
public final class HTTPServer: Sendable {
    private enum Phase {
        case idle
        case running(RunningDaemon)
        case stopped
    }

    /// The daemon and the context retained on its behalf.
    private struct RunningDaemon {
        let daemon: OpaquePointer
        let context: Unmanaged<ServerContext>
    }

    private let configuration: HTTPServerConfiguration
    private let context: ServerContext
    private let phase = Mutex<Phase>(.idle)
    private let boundPort = Atomic<UInt16>(0)

    /// Creates a server; nothing is bound until `start()`.
    public init(configuration: HTTPServerConfiguration, handler: any HTTPHandler) {
        self.configuration = configuration
        self.context = ServerContext(handler: handler, configuration: configuration)
    }

    deinit {
        stop()
    }

    /// Binds and starts serving. Throws if already started, stopped, or the daemon fails.
    public func start() throws(HTTPServerError) {
        let configuration = self.configuration
        let failure: (String) -> HTTPServerError = {
            .startFailed(host: configuration.host, port: configuration.port, reason: $0)
        }
        if let problem = configuration.validationFailure() { throw failure(problem) }
        guard let address = SocketAddress.parse(host: configuration.host, port: configuration.port) else {
            throw failure("host must be a numeric IPv4 or IPv6 address")
        }
        let context = self.context
        let port: UInt16 = try phase.withLock { phase throws(HTTPServerError) in
            guard case .idle = phase else { throw failure("server already started or stopped") }
            var items = DaemonOptions.items(configuration)
            let retained = Unmanaged.passRetained(context)
            errno = 0
            let daemon = address.withSockaddr { sockaddr in
                gk_start_daemon(
                    DaemonOptions.flags(ipv6: address.isIPv6), sockaddr,
                    Callbacks.access, Callbacks.completed, Callbacks.connection, Callbacks.uriLog, Callbacks.log,
                    retained.toOpaque(), &items
                )
            }
            guard let daemon else {
                let reason = errno != 0 ? String(cString: strerror(errno)) : "MHD_start_daemon failed"
                let log = context.libraryLog.recentMessages.last.map { " (\($0))" } ?? ""
                retained.release()
                throw failure(reason + log)
            }
            phase = .running(RunningDaemon(daemon: daemon, context: retained))
            return gk_daemon_port(daemon)
        }
        boundPort.store(port, ordering: .releasing)
    }

    /// The bound port after `start()` (the real one when configured as 0); 0 before.
    public var port: UInt16 {
        boundPort.load(ordering: .acquiring)
    }

    /// Stops accepting, lets started requests finish (every further response carries
    /// `Connection: close`), stops the daemon and releases its context. Idempotent;
    /// a concurrent call returns once the first has finished.
    public func stop() {
        let context = self.context
        let grace = configuration.shutdownGraceSeconds
        phase.withLock { phase in
            guard case .running(let running) = phase else {
                if case .idle = phase { phase = .stopped }
                return
            }
            context.isDraining.store(true, ordering: .relaxed)
            let listenSocket = MHD_quiesce_daemon(running.daemon)
            Self.waitForRequests(of: context, seconds: grace)
            // libmicrohttpd must not stop with a suspended connection: answer those still
            // waiting (503), then give their threads a moment to send it.
            if context.abandonSuspended() > 0 { Self.waitForRequests(of: context, seconds: 1) }
            MHD_stop_daemon(running.daemon)  // joins MHD's threads: no callback runs after this
            // MHD leaves a quiesced listen socket to the caller, to close after the stop.
            if listenSocket >= 0 { close(listenSocket) }
            running.context.release()
            phase = .stopped
        }
    }

    private static func waitForRequests(of context: ServerContext, seconds: Int) {
        var remaining = seconds * 100
        while remaining > 0 && context.liveRequestStates.load(ordering: .acquiring) > 0 {
            usleep(10_000)
            remaining -= 1
        }
    }

    /// Requests whose per-request state is alive (0 when idle: no leak). For tests.
    package var liveRequestStates: Int {
        context.liveRequestStates.load(ordering: .acquiring)
    }

    /// Connections libmicrohttpd holds open now (0 before start and after stop). For tests.
    package var openConnections: Int {
        phase.withLock { phase in
            guard case .running(let running) = phase else { return 0 }
            return Int(gk_daemon_connection_count(running.daemon))
        }
    }

    /// How many messages libmicrohttpd logged, and the last few (never printed). For tests.
    package var libraryMessageCount: Int { context.libraryLog.messageCount }
    package var recentLibraryMessages: [String] { context.libraryLog.recentMessages }

    /// The libmicrohttpd version at run time, e.g. "0.9.75".
    public static var libraryVersion: String {
        MHD_get_version().map { String(cString: $0) } ?? "unknown"
    }
}
