import Glibc

/// A value guarded by a pthread reader-writer lock: many list and search requests read the
/// record index at once, and a write takes it exclusively for a few microseconds.
///
/// `@unchecked Sendable` is sound because `value` is only touched inside `read`/`write`,
/// which hold the lock for the whole access, and the lock lives at a stable heap address
/// (allocated once, never moved, destroyed in deinit when no other reference exists).
final class ReadWriteLock<Value>: @unchecked Sendable {
    private var value: Value
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init(_ value: Value) {
        self.value = value
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func read<T>(_ body: (borrowing Value) throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(value)
    }

    func write<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(&value)
    }
}
