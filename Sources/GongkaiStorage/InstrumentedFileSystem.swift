import Glibc
import GongkaiSync

/// Latency and failure counts of the storage system calls, for `/metrics`.
///
/// `write` is one write(2) (an append batch or a document's bytes), `fsync` covers fsync and
/// fdatasync of files, `sync_dir` the fsync of a directory after a create or rename. Each
/// operation costs two clock reads and one uncontended lock: nothing next to a system call.
public final class StorageMetrics: Sendable {
    public static let operations = ["write", "fsync", "sync_dir", "rename"]
    public static let buckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    public struct Histogram: Sendable {
        public var buckets = [Int](repeating: 0, count: StorageMetrics.buckets.count)
        public var count = 0
        public var sum = 0.0
        public var errors = 0
        public var bytes = 0

        public init() {}
    }

    /// A pthread lock, like all shared state in this module (see `PThreadLock`): ThreadSanitizer
    /// cannot see a contended `Synchronization.Mutex` and reported these updates as races.
    private let state = PThreadLock<[String: Histogram]>([:])

    public init() {}

    public func observe(_ operation: String, seconds: Double, failed: Bool, bytes: Int = 0) {
        state.withLock { all in
            var h = all[operation] ?? Histogram()
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.buckets[i] += 1 }
            h.count += 1
            h.sum += seconds
            h.bytes += bytes
            if failed { h.errors += 1 }
            all[operation] = h
        }
    }

    /// A copy of every operation's histogram (operations never observed are absent).
    public func snapshot() -> [String: Histogram] { state.withLock { $0 } }
}

/// A `FileSystem` that times `write`, `fsync`, `fdatasync` and `rename` of the one it wraps and
/// counts their failures; every call is passed through unchanged.
public final class InstrumentedFileSystem: FileSystem {
    public let base: any FileSystem
    public let metrics: StorageMetrics
    /// Descriptors opened by `openDirectory`, so their fsync counts as `sync_dir`.
    private let directories = PThreadLock<Set<Int32>>([])

    public init(wrapping base: any FileSystem, metrics: StorageMetrics) {
        self.base = base
        self.metrics = metrics
    }

    private func timed<T>(_ operation: String, bytes: Int = 0, _ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        let start = ContinuousClock.now
        do {
            let value = try body()
            metrics.observe(operation, seconds: Self.seconds(since: start), failed: false, bytes: bytes)
            return value
        } catch {
            metrics.observe(operation, seconds: Self.seconds(since: start), failed: true)
            throw error
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(StorageError) -> OpenFile {
        try base.open(path, flags: flags, mode: mode)
    }

    public func openDirectory(_ path: String) throws(StorageError) -> OpenFile {
        let file = try base.openDirectory(path)
        directories.withLock { _ = $0.insert(file.descriptor) }
        return file
    }

    public func write(_ file: OpenFile, _ bytes: ArraySlice<UInt8>) throws(StorageError) -> Int {
        try timed("write", bytes: bytes.count) { () throws(StorageError) -> Int in try base.write(file, bytes) }
    }

    public func fsync(_ file: OpenFile) throws(StorageError) {
        let isDirectory = directories.withLock { $0.contains(file.descriptor) }
        try timed(isDirectory ? "sync_dir" : "fsync") { () throws(StorageError) in try base.fsync(file) }
    }

    public func fdatasync(_ file: OpenFile) throws(StorageError) {
        try timed("fsync") { () throws(StorageError) in try base.fdatasync(file) }
    }

    public func truncate(_ file: OpenFile, to size: Int64) throws(StorageError) {
        try base.truncate(file, to: size)
    }

    public func close(_ file: OpenFile) throws(StorageError) {
        directories.withLock { _ = $0.remove(file.descriptor) }
        try base.close(file)
    }

    public func rename(_ source: String, to destination: String) throws(StorageError) {
        try timed("rename") { () throws(StorageError) in try base.rename(source, to: destination) }
    }

    public func unlink(_ path: String) throws(StorageError) {
        try base.unlink(path)
    }

    public func readFile(_ path: String) throws(StorageError) -> [UInt8]? {
        try base.readFile(path)
    }

    public func listDirectory(_ path: String) throws(StorageError) -> [String]? {
        try base.listDirectory(path)
    }

    public func makeDirectory(_ path: String, mode: mode_t) throws(StorageError) -> Bool {
        try base.makeDirectory(path, mode: mode)
    }

    public func removeDirectory(_ path: String) throws(StorageError) {
        try base.removeDirectory(path)
    }

    public func size(_ file: OpenFile) throws(StorageError) -> Int64 {
        try base.size(file)
    }

    public func status(_ path: String) throws(StorageError) -> FileStatus? {
        try base.status(path)
    }
}
