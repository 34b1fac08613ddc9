import Glibc

/// Starts a plain pthread running `body`, for the few long-lived background threads (the
/// access-log writer, the storage flusher) that must exist outside any task pool and be
/// joinable. Returns nil if the thread could not be created (the error number in `errno`).
package func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
    final class Work: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let work = Unmanaged.passRetained(Work(body))
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
        // The C entry point captures nothing: the work arrives retained through `raw`.
        Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
        return nil
    }, work.toOpaque())
    guard started == 0 else {
        work.release()
        errno = started
        return nil
    }
    return thread
}
