import Crypto
import GongkaiDomain

/// `backup-manifest.json`, written last into a backup: which files it holds, their sizes and
/// SHA-256. Its presence marks the backup complete; `verify` checks every file against it.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let fileName = "backup-manifest.json"

    public struct File: Codable, Sendable, Equatable {
        /// Relative to the data directory, e.g. `records.jsonl`, `calendar/2025.json`.
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    public var createdAt: String
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case files
        case createdAt = "created_at"
    }

    /// Checks the backup in `directory`: the manifest, then each file's size, digest and content
    /// (every log line complete and valid, every document valid JSON, records and audit entries
    /// decodable). Throws `.corrupt` naming the first damaged file.
    public static func verify(_ directory: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) -> BackupManifest {
        let manifestPath = Path.join(directory, fileName)
        guard let manifest = try DocumentFile<BackupManifest>.decode(try fileSystem.readFile(manifestPath), path: manifestPath) else {
            throw StorageError.corrupt(path: manifestPath, line: nil, reason: "missing: not a complete Gongkai backup")
        }
        for file in manifest.files {
            let path = Path.join(directory, file.path)
            guard !file.path.split(separator: "/").contains(".."), !file.path.hasPrefix("/") else {
                throw StorageError.corrupt(path: manifestPath, line: nil, reason: "names a file outside the backup: \(file.path)")
            }
            guard let bytes = try fileSystem.readFile(path) else {
                throw StorageError.corrupt(path: path, line: nil, reason: "listed in the manifest but missing")
            }
            guard bytes.count == file.bytes, digest(bytes) == file.sha256 else {
                throw StorageError.corrupt(path: path, line: nil, reason: "its content differs from the manifest (size or SHA-256)")
            }
            try validate(bytes, path: path, relative: file.path)
        }
        return manifest
    }

    /// Checks one file's content by its kind.
    static func validate(_ bytes: [UInt8], path: String, relative: String) throws(StorageError) {
        if relative.hasSuffix(".jsonl") {
            let size: Int
            switch relative {
            case RecordStore.fileName:
                size = try AppendLog.parse(bytes, path: path) { try RecordLine.decode($0) }.size
            case AuditLog.fileName:
                size = try AppendLog.parse(bytes, path: path) { try JSONCoding.decode(AuditEntry.self, from: $0) }.size
            default:
                size = try AppendLog.parse(bytes, path: path) { try AppendLog.validateJSON($0) }.size
            }
            guard size == bytes.count else {
                throw StorageError.corrupt(path: path, line: nil, reason: "its last line is incomplete")
            }
        } else if relative == TokenStore.fileName {
            _ = try DocumentFile<TokenFile>.decode(bytes, path: path)
        } else {
            do {
                try AppendLog.validateJSON(bytes[...])
            } catch {
                throw StorageError.corrupt(path: path, line: nil, reason: JSONCoding.describe(error))
            }
        }
    }

    static func digest(_ bytes: [UInt8]) -> String {
        TokenStore.hex(Array(SHA256.hash(data: bytes)))
    }
}
