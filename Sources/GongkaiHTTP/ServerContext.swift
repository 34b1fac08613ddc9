import GongkaiSync
import Synchronization

/// Everything the C callbacks need, reached through their `cls` pointer. Passed to
/// libmicrohttpd retained at start and released only after `MHD_stop_daemon` returns,
/// after which no callback can run. Only `let`s of Sendable types: safe on any thread.
final class ServerContext: Sendable {
    let handler: any HTTPHandler
    let maxBodyBytes: Int
    let maxURLBytes: Int
    /// RequestState objects alive now (incremented in init, decremented in deinit).
    let liveRequestStates = Atomic<Int>(0)
    /// Set by `stop()`: every further response carries `Connection: close`.
    let isDraining = Atomic<Bool>(false)
    /// Messages libmicrohttpd logged (kept off stderr).
    let libraryLog = LibraryLog()
    /// Requests whose connection is suspended until their answer is resolved. `stop()`
    /// answers any left after the grace period and refuses new ones: libmicrohttpd must not
    /// stop with a suspended connection (0.9.75 aborts).
    private let suspended = PThreadLock(SuspendedRequests())

    private struct SuspendedRequests: Sendable {
        var byIdentity: [ObjectIdentifier: PendingResponse] = [:]
        var isAbandoning = false
    }

    init(handler: any HTTPHandler, configuration: HTTPServerConfiguration) {
        self.handler = handler
        self.maxBodyBytes = configuration.maxBodyBytes
        self.maxURLBytes = configuration.maxURLBytes
    }

    /// Records a request about to be suspended; false once `stop()` abandons pending answers
    /// (the request is then answered at once instead). Checked and recorded under the same
    /// lock as `abandonSuspended`, so no suspension can slip past it.
    func rememberSuspended(_ pending: PendingResponse) -> Bool {
        suspended.withLock { requests in
            guard !requests.isAbandoning else { return false }
            requests.byIdentity[ObjectIdentifier(pending)] = pending
            return true
        }
    }

    func forgetSuspended(_ pending: PendingResponse) {
        _ = suspended.withLock { $0.byIdentity.removeValue(forKey: ObjectIdentifier(pending)) }
    }

    /// Abandons every request still suspended and every later one (each is refused as
    /// `.shuttingDown`); returns how many were suspended.
    func abandonSuspended() -> Int {
        let waiting = suspended.withLock { requests in
            requests.isAbandoning = true
            return Array(requests.byIdentity.values)
        }
        for pending in waiting { pending.abandon() }
        return waiting.count
    }
}

/// Counts libmicrohttpd's error-log messages and keeps the last few for diagnostics,
/// instead of letting them reach stderr.
final class LibraryLog: Sendable {
    private static let capacity = 32
    private let total = Atomic<Int>(0)
    private let recent = Mutex<[String]>([])

    var messageCount: Int { total.load(ordering: .relaxed) }
    var recentMessages: [String] { recent.withLock { $0 } }

    func record(_ message: String) {
        total.add(1, ordering: .relaxed)
        recent.withLock { messages in
            if messages.count == Self.capacity { messages.removeFirst() }
            messages.append(message)
        }
    }
}
