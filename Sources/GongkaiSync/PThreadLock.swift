import Glibc

/// A value guarded by a pthread mutex, with a condition variable to wait for it to change.
///
/// Used for every piece of shared state in this module and for the API's per-request state,
/// instead of `Synchronization.Mutex`:
/// - group commit needs followers to sleep until their batch is durable, and `Mutex` has no
///   condition variable;
/// - on Linux a contended `Mutex` is handed over inside the kernel (a PI futex), which
///   ThreadSanitizer cannot see, so `swift test --sanitize=thread` reports every contended
///   `Mutex`-protected access as a data race (reproduced on Swift 6.3.1: two threads appending to
///   a `PThreadLock<[Int]>` while one sleeps inside the lock). pthread mutexes are intercepted by TSan,
///   so with this lock a TSan report means a real race;
/// - that PI futex also hands a contended lock to the thread that waited, even when it is not
///   running: with libmicrohttpd's 4 threads on one busy core every request then queued behind
///   a descheduled owner (a lock convoy). Measured: `Mutex._lockSlow` was 33% of the server's
///   CPU under `wrk -c32` on the catalogue; a glibc mutex lets the running thread take it.
///
/// Why `@unchecked Sendable` is sound:
/// - `state` is read and written only inside `withLock` / `wait(until:)`, i.e. only while
///   `mutex` is held (pthread_cond_wait re-acquires it before returning), so no two threads
///   ever touch it at the same time, and the mutex orders every access (happens-before).
/// - `state`, `mutex` and `condition` are heap-allocated once in `init` and never move (pthread
///   objects must not be copied or moved); they are destroyed in `deinit`, when no thread can
///   hold a reference any more. `state` lives behind a pointer rather than in a stored `var`
///   because the mutex already excludes other accesses: a `var` of a class would add Swift's
///   dynamic exclusivity check (`swift_beginAccess`, ~100 instructions) to every locked section,
///   three times per catalogue request.
/// - `State: Sendable`, so values moved in and out of the lock may cross threads.
package final class PThreadLock<State: Sendable>: @unchecked Sendable {
    private let state: UnsafeMutablePointer<State>
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    package init(_ state: State) {
        self.state = .allocate(capacity: 1)
        self.state.initialize(to: state)
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    package func withLock<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state.pointee)
    }

    /// Runs `body` under the lock until it returns non-nil, sleeping on the condition between tries.
    package func wait<R>(until body: (inout State) -> R?) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let result = body(&state.pointee) { return result }
            pthread_cond_wait(condition, mutex)
        }
    }

    /// Wakes every waiter so it re-checks its condition.
    package func broadcast() {
        pthread_cond_broadcast(condition)
    }
}
