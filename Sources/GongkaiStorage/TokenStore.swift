import Crypto
import Foundation
import GongkaiSync

/// `<directory>/tokens.json` (mode 0600, replaced atomically): API tokens stored as SHA-256 only.
///
/// The CLI may add or revoke tokens while the server runs: the server re-reads the file when its
/// inode, size or mtime changed, checking at most once per second on a successful match and on
/// every miss (a `stat`, not a read). A file that fails to parse on such a re-read is ignored and
/// the previous tokens stay in force (`lastReloadError` says why); at start-up it is `.corrupt`.
public final class TokenStore: Sendable {
    public static let fileName = "tokens.json"
    public static let secretPrefix = "gk_"

    public let path: String
    private let fileSystem: any FileSystem
    private let state: PThreadLock<State>

    private struct State {
        var entries: [TokenEntry] = []
        /// The decoded digest of each entry, same order.
        var digests: [[UInt8]] = []
        var stamp: FileStatus?
        var checkedAt: ContinuousClock.Instant
        var lastReloadError: StorageError?
    }

    public init(directory: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) {
        path = Path.join(directory, Self.fileName)
        self.fileSystem = fileSystem
        var state = State(checkedAt: .now)
        try Self.reload(&state, path: path, fileSystem: fileSystem)
        self.state = PThreadLock(state)
    }

    /// Creates a token and returns its secret: shown once, never stored.
    public func create(name: String, role: TokenRole, office: String?) throws(StorageError) -> String {
        try Self.validate(name: name, role: role, office: office)
        let secret = Self.newSecret()
        try state.withLock { state throws(StorageError) in
            try Self.reload(&state, path: path, fileSystem: fileSystem)
            if state.entries.contains(where: { $0.name == name && $0.isActive }) {
                throw StorageError.conflict("a token named \"\(name)\" already exists; revoke it first or choose another name")
            }
            let entry = TokenEntry(name: name, role: role, office: office, sha256: Self.hex(Self.digest(secret)),
                                   createdAt: Timestamp.chinaISO8601())
            try save(state.entries + [entry], &state)
        }
        return secret
    }

    /// Marks the active token `name` revoked; it stops working at once (in this process) and within
    /// a second in a running server.
    public func revoke(name: String) throws(StorageError) {
        try state.withLock { state throws(StorageError) in
            try Self.reload(&state, path: path, fileSystem: fileSystem)
            guard let index = state.entries.firstIndex(where: { $0.name == name && $0.isActive }) else {
                throw StorageError.conflict("there is no active token named \"\(name)\"")
            }
            var entries = state.entries
            entries[index].revokedAt = Timestamp.chinaISO8601()
            try save(entries, &state)
        }
    }

    /// Every token, revoked ones included, oldest first.
    public func list() -> [TokenEntry] {
        state.withLock { state in
            refresh(&state, force: true)
            return state.entries
        }
    }

    /// The active token whose secret this is, or nil. Digests are compared in constant time.
    public func authenticate(secret: String) -> TokenEntry? {
        guard secret.utf8.count <= 256 else { return nil }
        let presented = Self.digest(secret)
        return state.withLock { state in
            refresh(&state, force: false)
            if let entry = Self.match(presented, in: state) { return entry }
            refresh(&state, force: true)
            return Self.match(presented, in: state)
        }
    }

    /// Why the last re-read of a changed file failed, if it did.
    public var lastReloadError: StorageError? { state.withLock { $0.lastReloadError } }

    // MARK: Internals

    private func save(_ entries: [TokenEntry], _ state: inout State) throws(StorageError) {
        let bytes = try DocumentFile<TokenFile>.encode(TokenFile(tokens: entries), path: path)
        try fileSystem.ensureDirectory(Path.parent(of: path))
        try AtomicFile.write(bytes, to: path, mode: 0o600, fileSystem: fileSystem)
        try Self.reload(&state, path: path, fileSystem: fileSystem)
    }

    /// Re-reads the file if it changed (stat only), at most once a second unless forced.
    private func refresh(_ state: inout State, force: Bool) {
        let now = ContinuousClock.now
        guard force || now - state.checkedAt >= .seconds(1) else { return }
        state.checkedAt = now
        do {
            try Self.reload(&state, path: path, fileSystem: fileSystem, onlyIfChanged: true)
            state.lastReloadError = nil
        } catch {
            state.lastReloadError = error
        }
    }

    private static func reload(_ state: inout State, path: String, fileSystem: any FileSystem,
                               onlyIfChanged: Bool = false) throws(StorageError) {
        let stamp = try fileSystem.status(path)
        if onlyIfChanged && stamp == state.stamp { return }
        let file = try DocumentFile<TokenFile>.decode(try fileSystem.readFile(path), path: path)
        let entries = file?.tokens ?? []
        var digests: [[UInt8]] = []
        for entry in entries {
            guard let digest = bytes(hex: entry.sha256), digest.count == 32 else {
                throw StorageError.corrupt(path: path, line: nil, reason: "token \"\(entry.name)\" has no valid sha256")
            }
            digests.append(digest)
        }
        state.entries = entries
        state.digests = digests
        state.stamp = stamp
    }

    private static func match(_ presented: [UInt8], in state: State) -> TokenEntry? {
        var found: TokenEntry?
        for (entry, digest) in zip(state.entries, state.digests) where entry.isActive {
            if constantTimeEqual(presented, digest) { found = entry }
        }
        return found
    }

    /// Compares two 32-byte digests without an early exit.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == 32, b.count == 32 else { return false }
        var difference: UInt8 = 0
        for index in 0..<32 { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func validate(name: String, role: TokenRole, office: String?) throws(StorageError) {
        let badScalar = name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == " " }
        guard !name.isEmpty, name.count <= 64, !badScalar else {
            throw StorageError.invalid("a token name must be 1–64 characters without spaces or control characters")
        }
        if role == .office && (office ?? "").isEmpty {
            throw StorageError.invalid("an office token needs the office (科室) it writes for")
        }
    }

    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(random).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return secretPrefix + base64
    }

    static func digest(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(secret.utf8)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out: [UInt8] = []
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
