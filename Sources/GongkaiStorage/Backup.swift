import Glibc

/// `gongkai backup DIR` / `gongkai restore DIR`.
///
/// **Snapshot** (safe while the server writes): append logs are copied up to their last complete
/// line (a line being written is left out), documents are read whole (they are only ever
/// replaced by rename, so a read sees one complete version). Copy order gives referential
/// integrity: `audit.jsonl` first, then `records.jsonl`, then the documents — so every record in
/// the copy has its catalogue item (an item with records is never deleted), and the audit copy
/// never runs ahead of the records. Each file is written with `AtomicFile` (fsync'd, directory
/// fsync'd), the manifest last. A complete line whose batch is still being fsync'd is copied; if
/// that batch then fails, the backup holds a write its client was told failed (never the reverse:
/// every acknowledged write that precedes the copy is in it).
///
/// **Restore** (with the server stopped): the backup is verified first — a damaged one is refused
/// naming the file. The files are copied into a sibling directory, which then replaces the data
/// directory by rename; the previous data directory is kept beside it, renamed
/// `<data>.before-restore-<time>`, for the administrator to delete. (Linux's atomic exchange,
/// renameat2, is not exposed to Swift; a crash between the two renames leaves both siblings and
/// no data directory: rename one back by hand.)
public enum Backup {
    @discardableResult
    public static func snapshot(dataDirectory: String, to destination: String,
                                fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) -> BackupManifest {
        if let existing = try fileSystem.listDirectory(destination), !existing.isEmpty {
            throw StorageError.conflict("the backup directory \(destination) is not empty; choose a new one")
        }
        try fileSystem.ensureDirectory(destination)
        var files: [BackupManifest.File] = []
        for relative in try copyOrder(try dataFiles(in: dataDirectory, fileSystem: fileSystem)) {
            let source = Path.join(dataDirectory, relative)
            guard var bytes = try fileSystem.readFile(source) else { continue }
            if relative.hasSuffix(".jsonl") {
                bytes = Array(bytes.prefix(try AppendLog.parse(bytes, path: source) { try AppendLog.validateJSON($0) }.size))
            }
            try BackupManifest.validate(bytes, path: source, relative: relative)
            try copy(bytes, to: Path.join(destination, relative), relative: relative, fileSystem: fileSystem)
            files.append(BackupManifest.File(path: relative, bytes: bytes.count, sha256: BackupManifest.digest(bytes)))
        }
        let manifest = BackupManifest(createdAt: Timestamp.chinaISO8601(), files: files)
        let manifestPath = Path.join(destination, BackupManifest.fileName)
        try AtomicFile.write(try DocumentFile<BackupManifest>.encode(manifest, path: manifestPath),
                             to: manifestPath, fileSystem: fileSystem)
        return manifest
    }

    /// Replaces `dataDirectory` with the verified backup; returns where the previous data went.
    @discardableResult
    public static func restore(from backup: String, to dataDirectory: String,
                               fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) -> String? {
        let manifest = try BackupManifest.verify(backup, fileSystem: fileSystem)
        let parent = Path.parent(of: dataDirectory)
        let staging = Path.join(parent, ".\(Path.name(of: dataDirectory)).restore-\(Timestamp.compact())")
        try fileSystem.ensureDirectory(staging)
        do throws(StorageError) {
            for file in manifest.files {
                guard let bytes = try fileSystem.readFile(Path.join(backup, file.path)) else {
                    throw StorageError.corrupt(path: Path.join(backup, file.path), line: nil, reason: "vanished during restore")
                }
                try copy(bytes, to: Path.join(staging, file.path), relative: file.path, fileSystem: fileSystem)
            }
        } catch {
            removeTree(staging, fileSystem: fileSystem)
            throw error
        }
        var aside: String?
        if try fileSystem.status(dataDirectory) != nil {
            let previous = "\(dataDirectory).before-restore-\(Timestamp.compact())"
            try fileSystem.rename(dataDirectory, to: previous)
            aside = previous
        }
        try fileSystem.rename(staging, to: dataDirectory)
        try fileSystem.syncDirectory(parent)
        return aside
    }

    /// Best-effort removal of a directory tree this module created.
    private static func removeTree(_ path: String, fileSystem: any FileSystem) {
        for name in (try? fileSystem.listDirectory(path)) ?? [] {
            let child = Path.join(path, name)
            if (try? fileSystem.status(child))?.isDirectory == true {
                removeTree(child, fileSystem: fileSystem)
            } else {
                try? fileSystem.unlink(child)
            }
        }
        try? fileSystem.removeDirectory(path)
    }

    private static func copy(_ bytes: [UInt8], to path: String, relative: String,
                             fileSystem: any FileSystem) throws(StorageError) {
        try fileSystem.ensureDirectory(Path.parent(of: path))
        let mode: mode_t = relative == TokenStore.fileName ? 0o600 : 0o640
        try AtomicFile.write(bytes, to: path, mode: mode, fileSystem: fileSystem)
    }

    /// Relative paths of the `.json` / `.jsonl` files under `directory`, skipping hidden entries.
    static func dataFiles(in directory: String, under prefix: String = "",
                          fileSystem: any FileSystem) throws(StorageError) -> [String] {
        var found: [String] = []
        for name in try fileSystem.listDirectory(directory) ?? [] where !name.hasPrefix(".") {
            let path = Path.join(directory, name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            guard let status = try fileSystem.status(path) else { continue }
            if status.isDirectory {
                found += try dataFiles(in: path, under: relative, fileSystem: fileSystem)
            } else if status.isRegularFile, name.hasSuffix(".json") || name.hasSuffix(".jsonl"),
                      relative != BackupManifest.fileName {
                found.append(relative)
            }
        }
        return found
    }

    /// audit.jsonl, records.jsonl, other logs, then documents (see the type's comment).
    static func copyOrder(_ files: [String]) throws(StorageError) -> [String] {
        func rank(_ file: String) -> Int {
            switch file {
            case AuditLog.fileName: 0
            case RecordStore.fileName: 1
            default: file.hasSuffix(".jsonl") ? 2 : 3
            }
        }
        return files.sorted { (rank($0), $0) < (rank($1), $1) }
    }
}
