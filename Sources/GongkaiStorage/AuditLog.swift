
/// `<directory>/audit.jsonl`: every write, durable before the request answers; read from memory.
public final class AuditLog: Sendable {
    public static let fileName = "audit.jsonl"

    public let path: String
    /// True when start-up cut off a torn, never-acknowledged last line.
    public let truncatedTail: Bool
    private let log: AppendLog
    /// Oldest first, in file order (appended by the log's leader in commit order).
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

    /// Stores `entry`; returns once it is fsync'd (group-committed with concurrent appends).
    public func append(_ entry: AuditEntry) throws(StorageError) {
        let line = try JSONCoding.encodeLine(entry, path: path)
        let ticket = try log.enqueue([line]) {
            self.memory.withLock { $0.append(entry) }
        }
        try log.wait(for: ticket)
    }

    /// The newest `limit` entries (all when nil), newest first.
    public func entries(limit: Int? = nil) -> [AuditEntry] {
        memory.withLock { entries in
            Array(entries.suffix(max(0, limit ?? entries.count)).reversed())
        }
    }

    public var count: Int { memory.withLock { $0.count } }
}
