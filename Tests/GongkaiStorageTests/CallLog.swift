import Glibc
import GongkaiStorage

/// Passes every call through to the real (or fault-injecting) file system, noting what was
/// called on which path: a spy for the order of operations, not a fake.
final class CallLog: FileSystem {
    private let base: any FileSystem
    private let log = Locked<[String]>([])

    init(wrapping base: any FileSystem) { self.base = base }

    var calls: [String] { log.withLock { $0 } }

    private func note<R>(_ name: String, _ path: String, _ call: () throws(StorageError) -> R) throws(StorageError) -> R {
        do {
            let result = try call()
            log.withLock { $0.append("\(name) \(path)") }
            return result
        } catch {
            log.withLock { $0.append("\(name) failed \(path)") }
            throw error
        }
    }

    func open(_ path: String, flags: Int32, mode: mode_t) throws(StorageError) -> OpenFile {
        try note("open", path) { () throws(StorageError) in try base.open(path, flags: flags, mode: mode) }
    }
    func openDirectory(_ path: String) throws(StorageError) -> OpenFile {
        try note("opendir", path) { () throws(StorageError) in try base.openDirectory(path) }
    }
    func write(_ file: OpenFile, _ bytes: ArraySlice<UInt8>) throws(StorageError) -> Int {
        try note("write", file.path) { () throws(StorageError) in try base.write(file, bytes) }
    }
    func fsync(_ file: OpenFile) throws(StorageError) {
        try note("fsync", file.path) { () throws(StorageError) in try base.fsync(file) }
    }
    func fdatasync(_ file: OpenFile) throws(StorageError) {
        try note("fdatasync", file.path) { () throws(StorageError) in try base.fdatasync(file) }
    }
    func truncate(_ file: OpenFile, to size: Int64) throws(StorageError) {
        try note("ftruncate", file.path) { () throws(StorageError) in try base.truncate(file, to: size) }
    }
    func close(_ file: OpenFile) throws(StorageError) {
        try note("close", file.path) { () throws(StorageError) in try base.close(file) }
    }
    func rename(_ source: String, to destination: String) throws(StorageError) {
        try note("rename", destination) { () throws(StorageError) in try base.rename(source, to: destination) }
    }
    func unlink(_ path: String) throws(StorageError) {
        try note("unlink", path) { () throws(StorageError) in try base.unlink(path) }
    }
    func readFile(_ path: String) throws(StorageError) -> [UInt8]? { try base.readFile(path) }
    func listDirectory(_ path: String) throws(StorageError) -> [String]? { try base.listDirectory(path) }
    func makeDirectory(_ path: String, mode: mode_t) throws(StorageError) -> Bool { try base.makeDirectory(path, mode: mode) }
    func removeDirectory(_ path: String) throws(StorageError) { try base.removeDirectory(path) }
    func size(_ file: OpenFile) throws(StorageError) -> Int64 { try base.size(file) }
    func status(_ path: String) throws(StorageError) -> FileStatus? { try base.status(path) }
}
