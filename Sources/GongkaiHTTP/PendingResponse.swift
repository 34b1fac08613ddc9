internal import CMicroHTTPD
import GongkaiSync

/// An answer that is not ready when the handler returns: typically one that waits for an
/// fsync done by another thread. Return `HTTPResponse(later: pending)`; the server suspends
/// the connection, so no worker thread waits, and resumes it once `resolve` is called.
///
/// `resolve` may be called from any thread, exactly once (later calls are ignored), even
/// before the handler has returned. The work it is given runs afterwards on the connection's
/// own libmicrohttpd thread, so building the answer costs the flusher nothing.
public final class PendingResponse: Sendable {
    private enum State: Sendable {
        case waiting
        case suspended(SuspendedConnection)
        case resolved(Outcome)
        case answered
    }

    /// What the connection's thread finds once it is resumed.
    enum Outcome: Sendable {
        /// Run it and send what it returns.
        case work(@Sendable () -> HTTPResponse)
        /// The server stopped before the answer came: refuse with `.shuttingDown`.
        case abandoned
    }

    /// A glibc mutex, not `Synchronization.Mutex`: the worker thread and the flusher meet
    /// here, and ThreadSanitizer cannot see a contended `Mutex` hand-over (PThreadLock).
    private let state = PThreadLock<State>(.waiting)

    public init() {}

    /// Supplies the work that builds the answer and wakes the connection. Only the first call
    /// counts: the server's shutdown may answer a request that never resolved (503).
    public func resolve(_ work: @escaping @Sendable () -> HTTPResponse) {
        settle(.work(work))
    }

    /// Resolves with `.abandoned`, unless already resolved (used by `HTTPServer.stop`).
    func abandon() {
        settle(.abandoned)
    }

    private func settle(_ outcome: Outcome) {
        state.withLock { state in
            switch state {
            case .waiting:
                state = .resolved(outcome)
            case .suspended(let connection):
                state = .resolved(outcome)
                // Under the lock: a resume can never overtake the suspend it undoes.
                connection.context.forgetSuspended(self)
                MHD_resume_connection(connection.pointer)
            case .resolved, .answered:
                break
            }
        }
    }

    /// On the access handler's thread, right after the handler returned this: suspends the
    /// connection and returns true, or returns false when the answer is already resolved (or,
    /// once the server is stopping, abandoned).
    func suspendUnlessResolved(_ connection: OpaquePointer, context: ServerContext) -> Bool {
        state.withLock { state in
            guard case .waiting = state else { return false }
            guard context.rememberSuspended(self) else {
                state = .resolved(.abandoned)
                return false
            }
            MHD_suspend_connection(connection)
            state = .suspended(SuspendedConnection(pointer: connection, context: context))
            return true
        }
    }

    /// The outcome, once: nil if nothing was resolved yet (never, when libmicrohttpd calls
    /// back after a resume) or it was already taken.
    func takeOutcome() -> Outcome? {
        state.withLock { state in
            guard case .resolved(let outcome) = state else { return nil }
            state = .answered
            return outcome
        }
    }
}

/// A connection suspended while its answer is pending.
///
/// `@unchecked Sendable` is sound: the pointer is used for exactly one call,
/// `MHD_resume_connection`, which libmicrohttpd documents as safe from any thread for a
/// suspended connection; and libmicrohttpd neither closes nor frees a suspended connection
/// (it cannot even notice that the client left) until it is resumed, so the pointer is valid
/// for that call. `PendingResponse` makes that call at most once, after the suspend.
private struct SuspendedConnection: @unchecked Sendable {
    let pointer: OpaquePointer
    let context: ServerContext
}
