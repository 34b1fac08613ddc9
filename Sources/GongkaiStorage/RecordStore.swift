import GongkaiDomain
import GongkaiSync

/// The publication records: `<directory>/records.jsonl`, one full `Record` version per line
/// (with the audit entry of the write that made it: `RecordLine`), the last version of an id
/// winning. Reads come from memory; writes are group-committed.
///
/// Two states are kept:
/// - **accepted**: durable state plus the writes queued in the current group-commit batch. Each
///   `build` sees it, so concurrent writers see each other's serials and versions.
/// - **durable**: what `snapshot()` returns. The log's leader publishes a batch's state here
///   right after its fsync, before any of its writers return and before the next batch starts.
///
/// On a storage failure the log fails the batch being written and the batch queued behind it
/// (built on state that included the failed writes) and counts the failure. The next writer sees
/// the count change and resets accepted to durable; a writer that raced the failure is refused
/// by `enqueue(ifFailureCountIs:)` and fails too. So no write is ever built on a rolled-back one.
public final class RecordStore: Sendable {
    public static let fileName = "records.jsonl"

    public let path: String
    /// True when start-up cut off a torn, never-acknowledged last line.
    public let truncatedTail: Bool
    private let log: AppendLog
    /// The writer lock: held while a write is built and queued (never during its fsync).
    private let accepted: PThreadLock<Accepted>
    private let durable: PThreadLock<RecordSnapshot>
    private let audit: AuditLog?

    private struct Accepted {
        var snapshot: RecordSnapshot
        var seenFailures: Int
    }

    /// Opens the register. With `audit`, the audit entries that ride in record lines are handed
    /// to it: those read now, and each written one once durable (see `RecordLine`).
    public init(directory: String, fileSystem: any FileSystem = POSIXFileSystem(),
                audit: AuditLog? = nil) throws(StorageError) {
        path = Path.join(directory, Self.fileName)
        let loaded = try AppendLog.load(path: path, fileSystem: fileSystem) {
            var pool = RecordLineReader.Pool()
            return { line in try RecordLine.decode(line, pool: &pool) }
        }
        let snapshot = RecordSnapshot(versions: loaded.values.lazy.map(\.record))
        audit?.merge(recordEntries: loaded.values.compactMap(\.audit))
        truncatedTail = loaded.truncatedTail
        log = try AppendLog(path: path, fileSystem: fileSystem)
        self.audit = audit
        accepted = PThreadLock(Accepted(snapshot: snapshot, seenFailures: 0))
        durable = PThreadLock(snapshot)
    }

    /// The durable records: every record in it survived its fsync. O(1), never blocks on I/O.
    public func snapshot() -> RecordSnapshot {
        durable.withLock { $0 }
    }

    /// Builds one record version from the latest accepted state and stores it durably.
    ///
    /// `build` runs under the writer lock (keep it short: no I/O). An error it throws propagates
    /// unchanged and nothing is written. Returns after the record's line is fsync'd; throws a
    /// `StorageError` when it could not be stored, in which case it is in neither state.
    @discardableResult
    public func write<E: Error>(_ build: (RecordSnapshot) throws(E) -> Record) throws -> Record {
        try write(audited: { snapshot throws(E) in RecordLine(record: try build(snapshot)) })
    }

    /// `write`, with the audit entry of the change in the same line: one append, one fsync, and
    /// the entry is durable exactly when the record is (then handed to the `AuditLog`).
    @discardableResult
    public func write<E: Error>(audited build: (RecordSnapshot) throws(E) -> RecordLine) throws -> Record {
        let (ticket, record) = try accept(build, whenDone: nil)
        try log.wait(for: ticket!)
        return record
    }

    /// `write(audited:)` without waiting: returns once the line is queued (throwing, with nothing
    /// queued, what `build` or encoding threw); `whenDurable` runs later on the log's flusher
    /// thread, once, with the stored record or the `StorageError` that kept it from disk.
    public func write<E: Error>(audited build: (RecordSnapshot) throws(E) -> RecordLine,
                                whenDurable: @escaping @Sendable (Result<Record, StorageError>) -> Void) throws {
        _ = try accept(build) { record in
            { error in whenDurable(error.map { .failure($0) } ?? .success(record)) }
        }
    }

    /// Builds the line from the accepted state and queues it; with `whenDone`, as a deferred
    /// write (no ticket), else as one to wait for.
    private func accept<E: Error>(
        _ build: (RecordSnapshot) throws(E) -> RecordLine,
        whenDone: ((Record) -> @Sendable (StorageError?) -> Void)?
    ) throws -> (AppendLog.Ticket?, Record) {
        try accepted.withLock { state throws -> (AppendLog.Ticket?, Record) in
            let failures = log.failureCount
            if failures != state.seenFailures {
                state.snapshot = durable.withLock { $0 }
                state.seenFailures = failures
            }
            let line = try build(state.snapshot)
            let bytes = try RecordLine.encode(line, path: path)
            let next = state.snapshot.applying(line.record)
            let entry = line.audit, audit = self.audit
            let onDurable: @Sendable () -> Void = {
                self.durable.withLock { $0 = next }
                if let entry { audit?.noteDurable(entry) }
            }
            var ticket: AppendLog.Ticket?
            if let whenDone {
                try log.enqueue([bytes], ifFailureCountIs: failures, onDurable: onDurable, whenDone: whenDone(line.record))
            } else {
                ticket = try log.enqueue([bytes], ifFailureCountIs: failures, onDurable: onDurable)
            }
            state.snapshot = next
            return (ticket, line.record)
        }
    }

    /// Ends the log's flusher thread after the deferred writes queued so far.
    deinit {
        log.stopFlusher()
    }
}
