import Glibc

/// An open file descriptor together with the path it was opened from (for error messages).
public struct OpenFile: Sendable, Hashable {
    public let descriptor: Int32
    public let path: String

    public init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }
}

/// What `stat(2)` says about a path, reduced to what the storage layer uses.
public struct FileStatus: Sendable, Equatable {
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var modified: Int64
    public var inode: UInt64
    public var mode: mode_t
    public var isDirectory: Bool
    public var isRegularFile: Bool

    public init(size: Int64, modified: Int64, inode: UInt64, mode: mode_t, isDirectory: Bool, isRegularFile: Bool) {
        self.size = size
        self.modified = modified
        self.inode = inode
        self.mode = mode
        self.isDirectory = isDirectory
        self.isRegularFile = isRegularFile
    }
}

/// The seam under all storage: thin wrappers over the POSIX calls the storage layer makes.
///
/// `POSIXFileSystem` is the real one; `FaultInjectingFileSystem` wraps it to make chosen calls
/// fail. Every method retries on EINTR and reports failures as `StorageError` naming the path.
public protocol FileSystem: Sendable {
    /// `open(2)`; `flags` should include `O_CLOEXEC`.
    func open(_ path: String, flags: Int32, mode: mode_t) throws(StorageError) -> OpenFile
    /// Opens a directory read-only, for `fsync`.
    func openDirectory(_ path: String) throws(StorageError) -> OpenFile
    /// One `write(2)`; may write fewer bytes than given (see `writeAll`).
    func write(_ file: OpenFile, _ bytes: ArraySlice<UInt8>) throws(StorageError) -> Int
    func fsync(_ file: OpenFile) throws(StorageError)
    func fdatasync(_ file: OpenFile) throws(StorageError)
    func truncate(_ file: OpenFile, to size: Int64) throws(StorageError)
    /// `close(2)`. The descriptor is gone even when this throws: never close it again.
    func close(_ file: OpenFile) throws(StorageError)
    func rename(_ source: String, to destination: String) throws(StorageError)
    func unlink(_ path: String) throws(StorageError)
    /// The whole file, or nil when it does not exist.
    func readFile(_ path: String) throws(StorageError) -> [UInt8]?
    /// Entry names (without `.` and `..`), or nil when the directory does not exist.
    func listDirectory(_ path: String) throws(StorageError) -> [String]?
    /// Creates the directory; returns false when it already existed.
    func makeDirectory(_ path: String, mode: mode_t) throws(StorageError) -> Bool
    func removeDirectory(_ path: String) throws(StorageError)
    /// Size of the open file.
    func size(_ file: OpenFile) throws(StorageError) -> Int64
    /// `stat(2)` of a path, or nil when it does not exist.
    func status(_ path: String) throws(StorageError) -> FileStatus?
}

extension FileSystem {
    /// Writes every byte, looping over short writes. A write that makes no progress is an error.
    public func writeAll(_ file: OpenFile, _ bytes: [UInt8]) throws(StorageError) {
        var offset = 0
        while offset < bytes.count {
            let written = try write(file, bytes[offset...])
            guard written > 0 else { throw StorageError.io(operation: "write", path: file.path, errno: EIO) }
            offset += written
        }
    }

    /// fsyncs the directory itself, so that entries created or renamed in it are durable.
    public func syncDirectory(_ path: String) throws(StorageError) {
        let directory = try openDirectory(path)
        do {
            try fsync(directory)
        } catch {
            try? close(directory)
            throw error
        }
        try close(directory)
    }

    /// Creates `path` (and missing parents), fsyncing each parent so the new entries are durable.
    public func ensureDirectory(_ path: String, mode: mode_t = 0o750) throws(StorageError) {
        if let status = try status(path) {
            guard status.isDirectory else { throw StorageError.io(operation: "mkdir", path: path, errno: ENOTDIR) }
            return
        }
        let parent = Path.parent(of: path)
        if parent != path { try ensureDirectory(parent, mode: mode) }
        if try makeDirectory(path, mode: mode) { try syncDirectory(parent) }
    }
}

/// Path helpers: plain string operations on `/`-separated paths.
enum Path {
    static func parent(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
