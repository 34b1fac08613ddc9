import Glibc

/// Whole-file replacement that is all-or-nothing across crashes (reliability notes §1.1).
///
/// temp file in the same directory (O_CREAT|O_EXCL) → write all → fsync → close → rename over
/// the target → fsync the directory. Readers and a crash see the old file or the new one, never a
/// mix. On any failure the temp file is removed and the error is thrown; the old file is intact
/// unless the failure was the final directory fsync, after which the new content is in place but
/// its durability is unknown (the caller reports the write as failed).
public enum AtomicFile {
    /// Prefix of every temp file; `Recovery` removes stale ones at start-up.
    public static let temporaryPrefix = ".tmp-"

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o640,
                             fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) {
        let directory = Path.parent(of: path)
        let temporary = Path.join(directory, temporaryName(for: Path.name(of: path)))
        let file = try fileSystem.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: mode)
        do {
            try fill(file, with: bytes, fileSystem: fileSystem)
        } catch {
            try? fileSystem.unlink(temporary)
            throw error
        }
        do {
            try fileSystem.rename(temporary, to: path)
        } catch {
            try? fileSystem.unlink(temporary)
            throw error
        }
        try fileSystem.syncDirectory(directory)
    }

    /// The whole file, or nil when it does not exist.
    public static func read(_ path: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) -> [UInt8]? {
        try fileSystem.readFile(path)
    }

    /// Writes, fsyncs and closes `file`; the descriptor is closed whatever happens.
    private static func fill(_ file: OpenFile, with bytes: [UInt8], fileSystem: any FileSystem) throws(StorageError) {
        do {
            try fileSystem.writeAll(file, bytes)
            try fileSystem.fsync(file)
        } catch {
            try? fileSystem.close(file)
            throw error
        }
        try fileSystem.close(file)
    }

    static func temporaryName(for name: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = String(generator.next() as UInt64, radix: 16)
        return "\(temporaryPrefix)\(name)-\(random)"
    }
}
