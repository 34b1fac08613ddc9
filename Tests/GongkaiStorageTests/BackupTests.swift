import Foundation
import GongkaiDomain
import GongkaiStorage
import Synchronization
import Testing

@Suite struct BackupTests {
    /// A data directory with records, audit, tokens and a calendar document.
    static func populate(_ dir: TemporaryDirectory, records: Int) throws -> RecordStore {
        let store = try RecordStore(directory: dir.path)
        for n in 0..<records { try RecordStoreTests.create(store, id: "r\(n)") }
        try AuditLog(directory: dir.path).append(AuditLogTests.entry(1))
        _ = try TokenStore(directory: dir.path).create(name: "admin", role: .admin, office: nil)
        try DocumentFile<[String]>(path: dir.file("calendar/2025.json")).save(["2025-01-01"])
        return store
    }

    @Test func aBackupTakenWhileWritingRestoresToAConsistentPrefix() throws {
        let data = try TemporaryDirectory(), backups = try TemporaryDirectory()
        let store = try Self.populate(data, records: 20)
        let stop = Atomic<Bool>(false)
        let writer = Thread {
            var n = 0
            while !stop.load(ordering: .relaxed) {
                _ = try? RecordStoreTests.create(store, id: "live\(n)")
                n += 1
            }
        }
        writer.start()
        Thread.sleep(forTimeInterval: 0.05)
        let manifest = try Backup.snapshot(dataDirectory: data.path, to: backups.file("b1"))
        Thread.sleep(forTimeInterval: 0.05)
        stop.store(true, ordering: .relaxed)
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }

        #expect(Set(manifest.files.map(\.path)) == ["audit.jsonl", "calendar/2025.json", "records.jsonl", "tokens.json"])
        #expect(try BackupManifest.verify(backups.file("b1")).files == manifest.files)
        let target = try TemporaryDirectory()
        let restoredPath = target.file("data")
        #expect(try Backup.restore(from: backups.file("b1"), to: restoredPath) == nil)
        let restored = try RecordStore(directory: restoredPath).snapshot()
        let live = store.snapshot()
        #expect(restored.count >= 20 && restored.count <= live.count)
        for (id, record) in restored.records { #expect(live.record(id: id) == record) }
        let restoredToken = try TokenStore(directory: restoredPath).list()
        #expect(restoredToken.map(\.name) == ["admin"])
        var info = stat()
        stat(restoredPath + "/tokens.json", &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func aTornLineInTheLiveLogIsLeftOutOfTheBackup() throws {
        let data = try TemporaryDirectory(), backups = try TemporaryDirectory()
        _ = try Self.populate(data, records: 3)
        let handle = try #require(FileHandle(forWritingAtPath: data.file("records.jsonl")))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"being-writ"#.utf8))
        handle.closeFile()
        try Backup.snapshot(dataDirectory: data.path, to: backups.file("b"))
        #expect(backups.text("b/records.jsonl").hasSuffix("}\n"))
        #expect(backups.text("b/records.jsonl").split(separator: "\n").count == 3)
    }

    @Test func restoringReplacesTheDataAndKeepsThePreviousBeside() throws {
        let data = try TemporaryDirectory(), backups = try TemporaryDirectory()
        _ = try Self.populate(data, records: 2)
        try Backup.snapshot(dataDirectory: data.path, to: backups.file("b"))
        let store = try RecordStore(directory: data.path)
        try RecordStoreTests.create(store, id: "after-backup")
        let aside = try #require(try Backup.restore(from: backups.file("b"), to: data.path))
        #expect(try RecordStore(directory: data.path).snapshot().count == 2)
        #expect(try RecordStore(directory: aside).snapshot().count == 3)
        try? FileManager.default.removeItem(atPath: aside)
    }

    @Test func aDamagedBackupIsRefusedNamingTheFileAndTheDataIsUntouched() throws {
        let data = try TemporaryDirectory(), backups = try TemporaryDirectory()
        _ = try Self.populate(data, records: 2)
        try Backup.snapshot(dataDirectory: data.path, to: backups.file("b"))
        let damaged = backups.text("b/records.jsonl").replacingOccurrences(of: "中小企业科", with: "中小企业处")
        backups.write(damaged, to: "b/records.jsonl")
        let before = data.bytes("records.jsonl")
        let error = #expect(throws: StorageError.self) { try Backup.restore(from: backups.file("b"), to: data.path) }
        guard case .corrupt(let path, _, _)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(path == backups.file("b/records.jsonl"))
        #expect(data.bytes("records.jsonl") == before)
    }

    @Test func aBackupIsNeverWrittenOverAnother() throws {
        let data = try TemporaryDirectory(), backups = try TemporaryDirectory()
        _ = try Self.populate(data, records: 1)
        try Backup.snapshot(dataDirectory: data.path, to: backups.file("b"))
        #expect(throws: StorageError.self) { try Backup.snapshot(dataDirectory: data.path, to: backups.file("b")) }
    }
}
