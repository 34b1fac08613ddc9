import GongkaiSync

/// Every write's audit entry, durable before the request answers; read from memory.
///
/// Two files hold the entries (see RELIABILITY.md, "Audit order"):
/// - a record write's entry rides in the record's own line of `records.jsonl` (`RecordLine`):
///   one append and one fsync for both, so the entry is exactly as durable as the record.
///   `RecordStore` hands those entries here: at start-up (`merge`) and after each fsync
///   (`noteDurable`);
/// - every other write (catalogue, calendar, reports) appends to `<directory>/audit.jsonl`,
///   with its own group-committed fsync. Data directories from before the change also keep
///   their record entries here; both are read back.
public final class AuditLog: Sendable {
    public static let fileName = "audit.jsonl"

    public let path: String
    /// True when start-up cut off a torn, never-acknowledged last line.
    public let truncatedTail: Bool
    private let log: AppendLog
    /// Oldest first, in the order the entries became durable.
    private let memory: PThreadLock<[AuditEntry]>

    public init(directory: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) {
        path = Path.join(directory, Self.fileName)
        let loaded = try AppendLog.load(path: path, fileSystem: fileSystem) { line in
            try JSONCoding.decode(AuditEntry.self, from: line)
        }
        truncatedTail = loaded.truncatedTail
        log = try AppendLog(path: path, fileSystem: fileSystem)
        memory = PThreadLock(loaded.values)
    }

    /// Stores `entry` in `audit.jsonl`; returns once it is fsync'd (group-committed).
    public func append(_ entry: AuditEntry) throws(StorageError) {
        let line = try JSONCoding.encodeLine(entry, path: path)
        let ticket = try log.enqueue([line]) {
            self.noteDurable(entry)
        }
        try log.wait(for: ticket)
    }

    /// Adds an entry made durable elsewhere (in a record's line), in commit order.
    func noteDurable(_ entry: AuditEntry) {
        memory.withLock { $0.append(entry) }
    }

    /// Adds the entries read from `records.jsonl` at start-up (in file order) to those read
    /// from `audit.jsonl`. Each file is in commit order; between the two only the timestamps
    /// tell, so they are merged by `at` (same format, so text order is time order), keeping
    /// each file's own order and putting `audit.jsonl` first on a tie.
    func merge(recordEntries: [AuditEntry]) {
        guard !recordEntries.isEmpty else { return }
        memory.withLock { entries in
            guard !entries.isEmpty else {
                entries = recordEntries
                return
            }
            var merged: [AuditEntry] = []
            merged.reserveCapacity(entries.count + recordEntries.count)
            var i = 0, j = 0
            while i < entries.count, j < recordEntries.count {
                if recordEntries[j].at < entries[i].at {
                    merged.append(recordEntries[j])
                    j += 1
                } else {
                    merged.append(entries[i])
                    i += 1
                }
            }
            merged += entries[i...]
            merged += recordEntries[j...]
            entries = merged
        }
    }

    /// The newest `limit` entries (all when nil), newest first.
    public func entries(limit: Int? = nil) -> [AuditEntry] {
        memory.withLock { entries in
            Array(entries.suffix(max(0, limit ?? entries.count)).reversed())
        }
    }

    public var count: Int { memory.withLock { $0.count } }
}
