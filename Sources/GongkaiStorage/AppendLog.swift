import Glibc
import GongkaiSync

/// An append-only JSON-lines file with group commit: `append` returns once its lines are fsync'd.
///
/// **Group commit.** Callers queue their lines into the open batch. A caller whose batch is not
/// yet durable and finds no write in progress becomes the leader: it takes the open batch, writes
/// it with one `write` and one `fdatasync` (outside the queue lock), marks it finished and wakes
/// everyone. Callers that arrive meanwhile queue into the next batch and sleep; one of them leads
/// it. A lone caller therefore leads at once: exactly one write and one fsync, no timer, no wait.
///
/// **Deferred callers** (`enqueue(_:whenDone:)`) do not wait at all: their completion runs once
/// the batch is durable or failed. A flusher thread, started on the first such call, leads any
/// batch that has deferred callers and no leader. A server uses this so that a request waiting
/// for its fsync holds no worker thread. The flusher retains the log until `stopFlusher()`.
///
/// **fdatasync** suffices: it flushes the data and the metadata needed to read it back, which
/// includes the file size an append changes. The file's creation is made durable with a full
/// `fsync` of the file and of its directory when the log creates it.
///
/// **Failures.** Any failure fails the whole batch being written *and* the batch queued behind it
/// (those callers built on state that included the failed lines; see `RecordStore`), and bumps
/// `failureCount`. A failed or short write is cut back with `ftruncate` to the last durable size
/// and the cut is fsync'd. A failed fsync is never retried on the same descriptor (fsyncgate:
/// Linux may have dropped the dirty pages and reports the error once): the descriptor is closed,
/// the file reopened, truncated to the last durable size and fsync'd. If that fails too, the log
/// has no descriptor and every later batch first retries that reopen, failing until it works.
public final class AppendLog: Sendable {
    /// Identifies the batch a caller's lines went into; wait for it exactly once.
    public struct Ticket: Sendable, Hashable {
        let batch: Int
    }

    public let path: String
    private let fileSystem: any FileSystem
    private let queue: PThreadLock<Queue>
    /// Held only by the leader while it writes (one leader at a time), and by `deinit`.
    private let writer: PThreadLock<Writer>

    struct Batch: Sendable {
        var number: Int
        var bytes: [UInt8] = []
        var waiters = 0
        var onDurable: [@Sendable () -> Void] = []
        /// Deferred callers, told the outcome once the batch is resolved.
        var completions: [@Sendable (StorageError?) -> Void] = []
    }

    struct Failure: Sendable {
        var error: StorageError
        var waiters: Int
    }

    struct Queue: Sendable {
        var open = Batch(number: 1)
        var isFlushing = false
        /// Every batch numbered up to this one is durable or failed.
        var finished = 0
        var failures: [Int: Failure] = [:]
        var failureCount = 0
        var lastError: StorageError?
        var flusher: pthread_t?
        var isStopping = false
    }

    struct Writer {
        /// nil after a failed recovery: the next batch reopens the file first.
        var file: OpenFile?
        var durableSize: Int64
    }

    /// Opens (creating it and its directory if needed) the log for appending.
    /// Load and repair an existing log first with `load`: appends go after whatever is there.
    public init(path: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) {
        self.path = path
        self.fileSystem = fileSystem
        try fileSystem.ensureDirectory(Path.parent(of: path))
        let existed = try fileSystem.status(path) != nil
        let file = try fileSystem.open(path, flags: O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode: 0o640)
        let size: Int64
        do {
            if !existed {
                try fileSystem.fsync(file)
                try fileSystem.syncDirectory(Path.parent(of: path))
            }
            size = try fileSystem.size(file)
        } catch {
            try? fileSystem.close(file)
            throw error
        }
        queue = PThreadLock(Queue())
        writer = PThreadLock(Writer(file: file, durableSize: size))
    }

    deinit {
        writer.withLock { writer in
            if let file = writer.file { try? fileSystem.close(file) }
        }
    }

    /// How many batches have failed since the log was opened.
    public var failureCount: Int { queue.withLock { $0.failureCount } }

    /// Bytes known to be on disk.
    public var durableSize: Int64 { writer.withLock { $0.durableSize } }

    /// Appends `lines` (each one complete JSON text without a newline) and returns once durable.
    public func append(_ lines: [[UInt8]]) throws(StorageError) {
        try wait(for: enqueue(lines))
    }

    /// Queues `lines` without waiting; call `wait(for:)` with the ticket (exactly once).
    ///
    /// - `ifFailureCountIs`: refuse (throwing the last failure) if a batch failed since the caller
    ///   last looked: the caller's in-memory state may still include lines that were rolled back.
    /// - `onDurable`: run by the leader after the fsync, before any caller of the batch returns and
    ///   before the next batch is written; callbacks run in queue order.
    public func enqueue(_ lines: [[UInt8]], ifFailureCountIs expected: Int? = nil,
                        onDurable: (@Sendable () -> Void)? = nil) throws(StorageError) -> Ticket {
        try queueLines(lines, ifFailureCountIs: expected, onDurable: onDurable, whenDone: nil)
    }

    /// Queues `lines` and returns at once; `whenDone` runs (on the thread that wrote the batch,
    /// after the batch's `onDurable` callbacks) with nil once they are durable, or with the
    /// batch's error. Never call `wait(for:)` for such a write.
    public func enqueue(_ lines: [[UInt8]], ifFailureCountIs expected: Int? = nil,
                        onDurable: (@Sendable () -> Void)? = nil,
                        whenDone: @escaping @Sendable (StorageError?) -> Void) throws(StorageError) {
        _ = try queueLines(lines, ifFailureCountIs: expected, onDurable: onDurable, whenDone: whenDone)
    }

    private func queueLines(_ lines: [[UInt8]], ifFailureCountIs expected: Int?, onDurable: (@Sendable () -> Void)?,
                         whenDone: (@Sendable (StorageError?) -> Void)?) throws(StorageError) -> Ticket {
        for line in lines where line.contains(10) {
            throw StorageError.invalid("a line for \(path) contains a newline; encode it without pretty printing")
        }
        let (ticket, wakeFlusher) = try queue.withLock { queue throws(StorageError) -> (Ticket, Bool) in
            if let expected, expected != queue.failureCount {
                throw queue.lastError ?? .conflict("\(path): a write failed meanwhile; retry")
            }
            for line in lines {
                queue.open.bytes.append(contentsOf: line)
                queue.open.bytes.append(10)
            }
            if let onDurable { queue.open.onDurable.append(onDurable) }
            guard let whenDone else {
                queue.open.waiters += 1
                return (Ticket(batch: queue.open.number), false)
            }
            if queue.isStopping { throw StorageError.conflict("\(path) is closing; retry") }
            if queue.flusher == nil { queue.flusher = try startFlusher() }
            queue.open.completions.append(whenDone)
            // With a leader at work, its `finish` wakes the flusher for this batch.
            return (Ticket(batch: queue.open.number), !queue.isFlushing)
        }
        if wakeFlusher { queue.broadcast() }
        return ticket
    }

    /// Returns once the ticket's batch is durable; throws the batch's error if it failed.
    public func wait(for ticket: Ticket) throws(StorageError) {
        enum Step { case done(StorageError?), lead(Batch) }
        let step = queue.wait { queue -> Step? in
            if ticket.batch <= queue.finished {
                guard var failure = queue.failures[ticket.batch] else { return .done(nil) }
                failure.waiters -= 1
                queue.failures[ticket.batch] = failure.waiters > 0 ? failure : nil
                return .done(failure.error)
            }
            if queue.isFlushing { return nil }
            queue.isFlushing = true
            let batch = queue.open
            queue.open = Batch(number: batch.number + 1)
            return .lead(batch)
        }
        switch step {
        case .done(nil):
            return
        case .done(let error?):
            throw error
        case .lead(let batch):
            let error = commit(batch)
            finish(batch, error: error, ledByWaiter: true)
            if let error { throw error }
        }
    }

    /// Writes and fsyncs one batch; runs its callbacks when durable.
    private func commit(_ batch: Batch) -> StorageError? {
        let error: StorageError? = batch.bytes.isEmpty ? nil : writer.withLock { writer -> StorageError? in
            do throws(StorageError) {
                try write(batch.bytes, &writer)
                return nil
            } catch {
                return error
            }
        }
        if error == nil { for callback in batch.onDurable { callback() } }
        return error
    }

    private func write(_ bytes: [UInt8], _ writer: inout Writer) throws(StorageError) {
        let file: OpenFile
        if let open = writer.file { file = open } else { file = try reopen(&writer) }
        do {
            try fileSystem.writeAll(file, bytes)
        } catch {
            rollBack(&writer, fsyncFailed: false)
            throw error
        }
        do {
            try fileSystem.fdatasync(file)
        } catch {
            rollBack(&writer, fsyncFailed: true)
            throw error
        }
        writer.durableSize += Int64(bytes.count)
    }

    /// Cuts the file back to its durable size after a failed batch.
    private func rollBack(_ writer: inout Writer, fsyncFailed: Bool) {
        guard let file = writer.file else { return }
        if !fsyncFailed {
            do {
                try fileSystem.truncate(file, to: writer.durableSize)
                try fileSystem.fdatasync(file)
                return
            } catch {
                // Fall through: this descriptor now saw a failure, so it is replaced.
            }
        }
        try? fileSystem.close(file)
        writer.file = nil
        _ = try? reopen(&writer)
    }

    /// Opens the file afresh, truncated to its durable size and fsync'd (never creates it).
    private func reopen(_ writer: inout Writer) throws(StorageError) -> OpenFile {
        let file = try fileSystem.open(path, flags: O_WRONLY | O_APPEND | O_CLOEXEC, mode: 0)
        do {
            try fileSystem.truncate(file, to: writer.durableSize)
            try fileSystem.fdatasync(file)
        } catch {
            try? fileSystem.close(file)
            throw error
        }
        writer.file = file
        return file
    }

    /// Resolves the leader's batch (and, on failure, the batch queued behind it), wakes all, and
    /// then tells the deferred callers of both.
    /// `ledByWaiter`: the leader is one of the batch's waiters and learns the outcome directly.
    private func finish(_ batch: Batch, error: StorageError?, ledByWaiter: Bool) {
        let failedBehind: [@Sendable (StorageError?) -> Void] = queue.withLock { queue in
            queue.isFlushing = false
            queue.finished = batch.number
            guard let error else { return [] }
            queue.failureCount += 1
            queue.lastError = error
            let toldLater = batch.waiters - (ledByWaiter ? 1 : 0)
            if toldLater > 0 { queue.failures[batch.number] = Failure(error: error, waiters: toldLater) }
            let behind = queue.open.completions
            if queue.open.waiters > 0 || !behind.isEmpty {
                if queue.open.waiters > 0 {
                    queue.failures[queue.open.number] = Failure(error: error, waiters: queue.open.waiters)
                }
                queue.finished = queue.open.number
                queue.open = Batch(number: queue.open.number + 1)
            }
            return behind
        }
        queue.broadcast()
        for completion in batch.completions { completion(error) }
        for completion in failedBehind { completion(error) }
    }

    // MARK: - The flusher thread

    /// The flusher retains the log until it ends (`stopFlusher`).
    private func startFlusher() throws(StorageError) -> pthread_t {
        guard let thread = startThread({ self.flushUntilStopped() }) else {
            throw StorageError.io(operation: "pthread_create", path: path, errno: errno)
        }
        return thread
    }

    /// Leads every batch that has deferred callers and no leader; after `stopFlusher()`, returns
    /// once no deferred caller is left waiting.
    private func flushUntilStopped() {
        enum Step { case lead(Batch), exit }
        while true {
            let step = queue.wait { queue -> Step? in
                if queue.isFlushing { return nil }
                if !queue.open.completions.isEmpty {
                    queue.isFlushing = true
                    let batch = queue.open
                    queue.open = Batch(number: batch.number + 1)
                    return .lead(batch)
                }
                return queue.isStopping ? .exit : nil
            }
            guard case .lead(let batch) = step else { return }
            finish(batch, error: commit(batch), ledByWaiter: false)
        }
    }

    /// Lets the flusher thread finish the deferred writes queued so far and end; joins it unless
    /// called on it (when the last owner goes away inside a completion). Idempotent.
    public func stopFlusher() {
        let thread: pthread_t? = queue.withLock { queue in
            queue.isStopping = true
            defer { queue.flusher = nil }
            return queue.flusher
        }
        queue.broadcast()
        guard let thread else { return }
        if pthread_equal(thread, pthread_self()) != 0 {
            pthread_detach(thread)
        } else {
            pthread_join(thread, nil)
        }
    }
}
