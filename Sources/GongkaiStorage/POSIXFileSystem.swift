import Glibc

/// The real file system: each method is one POSIX call (retried on EINTR).
public struct POSIXFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(StorageError) -> OpenFile {
        let fd = try retrying("open", path) { Glibc.open(path, flags, mode) }
        return OpenFile(descriptor: fd, path: path)
    }

    public func openDirectory(_ path: String) throws(StorageError) -> OpenFile {
        let fd = try retrying("open directory", path) { Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        return OpenFile(descriptor: fd, path: path)
    }

    public func write(_ file: OpenFile, _ bytes: ArraySlice<UInt8>) throws(StorageError) -> Int {
        if bytes.isEmpty { return 0 }
        return try retrying("write", file.path) {
            bytes.withUnsafeBytes { Glibc.write(file.descriptor, $0.baseAddress, $0.count) }
        }
    }

    public func fsync(_ file: OpenFile) throws(StorageError) {
        _ = try retrying("fsync", file.path) { Glibc.fsync(file.descriptor) }
    }

    public func fdatasync(_ file: OpenFile) throws(StorageError) {
        _ = try retrying("fdatasync", file.path) { Glibc.fdatasync(file.descriptor) }
    }

    public func truncate(_ file: OpenFile, to size: Int64) throws(StorageError) {
        _ = try retrying("ftruncate", file.path) { Glibc.ftruncate(file.descriptor, off_t(size)) }
    }

    public func close(_ file: OpenFile) throws(StorageError) {
        // Never retry close on Linux: the descriptor is released even when close reports EINTR.
        if Glibc.close(file.descriptor) != 0 {
            throw StorageError.from(errno: errno, operation: "close", path: file.path)
        }
    }

    public func rename(_ source: String, to destination: String) throws(StorageError) {
        _ = try retrying("rename to \(destination)", source) { Glibc.rename(source, destination) }
    }

    public func unlink(_ path: String) throws(StorageError) {
        _ = try retrying("unlink", path) { Glibc.unlink(path) }
    }

    public func readFile(_ path: String) throws(StorageError) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StorageError.from(errno: errno, operation: "open", path: path)
        }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw StorageError.from(errno: errno, operation: "read", path: path)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    public func listDirectory(_ path: String) throws(StorageError) -> [String]? {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return nil }
            throw StorageError.from(errno: errno, operation: "opendir", path: path)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func makeDirectory(_ path: String, mode: mode_t) throws(StorageError) -> Bool {
        if mkdir(path, mode) == 0 { return true }
        if errno == EEXIST { return false }
        throw StorageError.from(errno: errno, operation: "mkdir", path: path)
    }

    public func removeDirectory(_ path: String) throws(StorageError) {
        _ = try retrying("rmdir", path) { rmdir(path) }
    }

    public func size(_ file: OpenFile) throws(StorageError) -> Int64 {
        var info = stat()
        _ = try retrying("fstat", file.path) { fstat(file.descriptor, &info) }
        return Int64(info.st_size)
    }

    public func status(_ path: String) throws(StorageError) -> FileStatus? {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT { return nil }
            throw StorageError.from(errno: errno, operation: "stat", path: path)
        }
        let type = info.st_mode & S_IFMT
        return FileStatus(
            size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino),
            mode: info.st_mode & 0o7777,
            isDirectory: type == S_IFDIR,
            isRegularFile: type == S_IFREG)
    }

    /// Runs `call` until it does not fail with EINTR; a negative result becomes a `StorageError`.
    private func retrying<R: BinaryInteger>(_ operation: String, _ path: String, _ call: () -> R) throws(StorageError) -> R {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw StorageError.from(errno: code, operation: operation, path: path)
        }
    }
}
