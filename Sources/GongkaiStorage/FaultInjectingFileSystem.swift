import Foundation
import Glibc
import GongkaiSync

/// The real file system with chosen calls made to fail: the seam for crash and fault tests.
///
/// A production type: the server selects it with `GONGKAI_FAULTS=<plan>` (fixed at start) or
/// `GONGKAI_FAULTS_FILE=<path>` (a control file re-read whenever it changes, so a script can turn
/// faults on and off while the server runs). See `FaultPlan` for the plan's text form.
/// It also counts writes and fsyncs, which is how tests observe group commit.
public final class FaultInjectingFileSystem: FileSystem {
    public typealias Plan = FaultPlan

    public struct Counts: Sendable, Equatable {
        public var writes = 0
        /// fsync and fdatasync calls, on files and directories.
        public var fsyncs = 0
        public var faultsInjected = 0
        public var fsyncsByPath: [String: Int] = [:]
    }

    private struct State {
        var plan: FaultPlan
        var counts = Counts()
        /// Files whose last write was cut short: their next write fails (a torn write).
        var tornFiles: Set<Int32> = []
        var controlStamp: FileStatus?
    }

    private let base: any FileSystem
    private let controlFile: String?
    private let state: PThreadLock<State>

    public init(wrapping base: any FileSystem = POSIXFileSystem(), plan: FaultPlan = FaultPlan(), controlFile: String? = nil) {
        self.base = base
        self.controlFile = controlFile
        self.state = PThreadLock(State(plan: plan))
    }

    /// The injector selected by `GONGKAI_FAULTS` / `GONGKAI_FAULTS_FILE`, or nil when neither is set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StorageError) -> FaultInjectingFileSystem? {
        let text = environment["GONGKAI_FAULTS"]
        let file = environment["GONGKAI_FAULTS_FILE"]
        if text == nil && file == nil { return nil }
        return FaultInjectingFileSystem(plan: try FaultPlan(parsing: text ?? ""), controlFile: file)
    }

    /// Adds a rule to the plan.
    public func inject(_ fault: FaultPlan.Fault, once: Bool = true, pathContains: String? = nil) {
        state.withLock { $0.plan.rules.append(FaultPlan.Rule(fault, once: once, pathContains: pathContains)) }
    }

    public func setPlan(_ plan: FaultPlan) {
        state.withLock { $0.plan = plan }
    }

    /// Removes every rule: the file system behaves like the real one again.
    public func clear() {
        state.withLock { $0.plan = FaultPlan() }
    }

    public var counts: Counts { state.withLock { $0.counts } }

    public func fsyncs(path: String) -> Int { state.withLock { $0.counts.fsyncsByPath[path, default: 0] } }

    // MARK: Faulted calls

    public func write(_ file: OpenFile, _ bytes: ArraySlice<UInt8>) throws(StorageError) -> Int {
        enum Decision { case pass, fail(StorageError), short }
        let decision: Decision = state.withLock { state in
            state.counts.writes += 1
            if state.tornFiles.remove(file.descriptor) != nil {
                return .fail(.io(operation: "write", path: file.path, errno: EIO))
            }
            reloadControlFile(&state)
            if take(.diskFull, file.path, &state) { return .fail(.diskFull(path: file.path)) }
            if take(.writeError, file.path, &state) { return .fail(.io(operation: "write", path: file.path, errno: EIO)) }
            if bytes.count > 1, take(.shortWrite, file.path, &state) {
                state.tornFiles.insert(file.descriptor)
                return .short
            }
            return .pass
        }
        switch decision {
        case .pass: return try base.write(file, bytes)
        case .fail(let error): throw error
        case .short: return try base.write(file, bytes.prefix(bytes.count / 2))
        }
    }

    public func fsync(_ file: OpenFile) throws(StorageError) {
        try checkSync(file, "fsync")
        try base.fsync(file)
    }

    public func fdatasync(_ file: OpenFile) throws(StorageError) {
        try checkSync(file, "fdatasync")
        try base.fdatasync(file)
    }

    /// How long an injected `fsync-stall` holds the sync.
    public static let stallSeconds: UInt32 = 1

    private func checkSync(_ file: OpenFile, _ operation: String) throws(StorageError) {
        let (fail, stall) = state.withLock { state in
            state.counts.fsyncs += 1
            state.counts.fsyncsByPath[file.path, default: 0] += 1
            reloadControlFile(&state)
            return (take(.fsyncError, file.path, &state), take(.fsyncStall, file.path, &state))
        }
        if fail { throw StorageError.io(operation: operation, path: file.path, errno: EIO) }
        if stall { sleep(Self.stallSeconds) }
    }

    private func take(_ fault: FaultPlan.Fault, _ path: String, _ state: inout State) -> Bool {
        guard state.plan.take(fault, path: path) else { return false }
        state.counts.faultsInjected += 1
        return true
    }

    /// Re-reads the control file when its inode, size or mtime changed; absent means no faults.
    private func reloadControlFile(_ state: inout State) {
        guard let controlFile else { return }
        let stamp = try? base.status(controlFile)
        guard stamp != state.controlStamp else { return }
        state.controlStamp = stamp
        let text = (try? base.readFile(controlFile)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        do {
            state.plan = try FaultPlan(parsing: text)
        } catch {
            state.plan = FaultPlan()
            let message = Array("gongkai: ignoring fault control file \(controlFile): \(error)\n".utf8)
            _ = message.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
    }

    // MARK: Pass-through calls

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(StorageError) -> OpenFile {
        try base.open(path, flags: flags, mode: mode)
    }

    public func openDirectory(_ path: String) throws(StorageError) -> OpenFile { try base.openDirectory(path) }

    public func truncate(_ file: OpenFile, to size: Int64) throws(StorageError) { try base.truncate(file, to: size) }

    public func close(_ file: OpenFile) throws(StorageError) {
        state.withLock { _ = $0.tornFiles.remove(file.descriptor) }
        try base.close(file)
    }

    public func rename(_ source: String, to destination: String) throws(StorageError) {
        try base.rename(source, to: destination)
    }

    public func unlink(_ path: String) throws(StorageError) { try base.unlink(path) }

    public func readFile(_ path: String) throws(StorageError) -> [UInt8]? { try base.readFile(path) }

    public func listDirectory(_ path: String) throws(StorageError) -> [String]? { try base.listDirectory(path) }

    public func makeDirectory(_ path: String, mode: mode_t) throws(StorageError) -> Bool {
        try base.makeDirectory(path, mode: mode)
    }

    public func removeDirectory(_ path: String) throws(StorageError) { try base.removeDirectory(path) }

    public func size(_ file: OpenFile) throws(StorageError) -> Int64 { try base.size(file) }

    public func status(_ path: String) throws(StorageError) -> FileStatus? { try base.status(path) }
}
