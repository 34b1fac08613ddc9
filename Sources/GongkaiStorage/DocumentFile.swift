import Foundation
import GongkaiSync

/// One JSON document (the catalogue, settings, a calendar year) kept in memory and replaced
/// atomically on disk (`AtomicFile`), pretty-printed with sorted keys.
public final class DocumentFile<Value: Codable & Sendable>: Sendable {
    public let path: String
    private let mode: mode_t
    private let fileSystem: any FileSystem
    /// Serialises saves (held during the fsyncs), so two saves never interleave.
    private let writeLock = PThreadLock(())
    /// The last value loaded or saved; readers never wait for a save's fsyncs.
    private let cache = PThreadLock<Value?>(nil)

    public init(path: String, mode: mode_t = 0o640, fileSystem: any FileSystem = POSIXFileSystem()) {
        self.path = path
        self.mode = mode
        self.fileSystem = fileSystem
    }

    /// Reads the document from disk (nil when absent) and keeps it in memory.
    public func load() throws(StorageError) -> Value? {
        try writeLock.withLock { _ throws(StorageError) -> Value? in
            let value = try Self.decode(try fileSystem.readFile(path), path: path)
            cache.withLock { $0 = value }
            return value
        }
    }

    /// The value last loaded or saved (no disk access).
    public var value: Value? { cache.withLock { $0 } }

    /// Replaces the document durably, creating its directory if needed; then updates memory.
    public func save(_ value: Value) throws(StorageError) {
        try writeLock.withLock { _ throws(StorageError) in
            try write(value)
        }
    }

    /// Read-modify-write under the save lock: `change` sees the current value (nil if none).
    /// An error thrown by `change` propagates and nothing is written.
    public func update<E: Error>(_ change: (Value?) throws(E) -> Value) throws -> Value {
        try writeLock.withLock { _ throws -> Value in
            let next = try change(cache.withLock { $0 })
            try write(next)
            return next
        }
    }

    private func write(_ value: Value) throws(StorageError) {
        let bytes = try Self.encode(value, path: path)
        try fileSystem.ensureDirectory(Path.parent(of: path))
        try AtomicFile.write(bytes, to: path, mode: mode, fileSystem: fileSystem)
        cache.withLock { $0 = value }
    }

    static func encode(_ value: Value, path: String) throws(StorageError) -> [UInt8] {
        do {
            return Array(try JSONCoding.documentEncoder().encode(value)) + [10]
        } catch {
            throw StorageError.invalid("cannot encode \(Value.self) for \(path): \(JSONCoding.describe(error))")
        }
    }

    static func decode(_ bytes: [UInt8]?, path: String) throws(StorageError) -> Value? {
        guard let bytes else { return nil }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(bytes))
        } catch {
            throw StorageError.corrupt(path: path, line: nil, reason: JSONCoding.describe(error))
        }
    }
}
