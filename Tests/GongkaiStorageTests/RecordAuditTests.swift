import GongkaiDomain
import Testing
@testable import GongkaiStorage

/// A record write's audit entry rides in the record's own line (issue 6, floor 4): one append
/// and one fsync for both, read back into the `AuditLog` together with `audit.jsonl`.
@Suite struct RecordAuditTests {
    static func entry(_ n: Int, action: String = "record.create", target: String = "r") -> AuditEntry {
        AuditEntry(at: "2026-03-09T10:00:0\(n).000+08:00", token: "sme", role: "office", action: action,
                   target: target, beforeVersion: nil, afterVersion: 1)
    }

    static func audited(_ store: RecordStore, id: String, serial: Int, _ entry: AuditEntry) throws {
        try store.write(audited: { _ in RecordLine(record: makeRecord(id: id, serial: serial), audit: entry) })
    }

    @Test func aRecordWriteAndItsAuditEntryCostOneWriteAndOneFsync() throws {
        let dir = try TemporaryDirectory()
        let calls = CallLog(wrapping: POSIXFileSystem())
        let audit = try AuditLog(directory: dir.path, fileSystem: calls)
        let store = try RecordStore(directory: dir.path, fileSystem: calls, audit: audit)
        let before = calls.calls.count
        try Self.audited(store, id: "r1", serial: 1, Self.entry(1, target: "r1"))
        let made = calls.calls.dropFirst(before)
        #expect(Array(made) == ["write \(dir.file("records.jsonl"))", "fdatasync \(dir.file("records.jsonl"))"])
        #expect(audit.entries() == [Self.entry(1, target: "r1")])
        #expect(dir.text("audit.jsonl").isEmpty)
        #expect(dir.text("records.jsonl").hasPrefix(#"{"audit":{"action":"record.create","#))
    }

    @Test func entriesOfBothFilesComeBackAfterARestartInCommitOrder() throws {
        let dir = try TemporaryDirectory()
        do {
            let audit = try AuditLog(directory: dir.path)
            let store = try RecordStore(directory: dir.path, audit: audit)
            try audit.append(Self.entry(1, action: "catalogue.import", target: "catalogue"))
            try Self.audited(store, id: "r1", serial: 1, Self.entry(2, target: "r1"))
            try audit.append(Self.entry(3, action: "calendar.put", target: "2026"))
            try Self.audited(store, id: "r2", serial: 2, Self.entry(4, target: "r2"))
            try store.write { _ in makeRecord(id: "r3", serial: 3) }  // no entry: nothing to add
            #expect(audit.entries().map(\.target) == ["r2", "2026", "r1", "catalogue"])
        }
        let audit = try AuditLog(directory: dir.path)
        let store = try RecordStore(directory: dir.path, audit: audit)
        #expect(store.snapshot().count == 3)
        #expect(audit.entries().map(\.target) == ["r2", "2026", "r1", "catalogue"])
        #expect(audit.entries(limit: 1) == [Self.entry(4, target: "r2")])
    }

    /// Data directories from before the change: plain record lines, record entries in audit.jsonl.
    @Test func anOlderDataDirectoryLoadsUnchanged() throws {
        let dir = try TemporaryDirectory()
        let records = [makeRecord(id: "r1", serial: 1), makeRecord(id: "r2", serial: 2)]
        dir.write(records.map { String(decoding: $0.jsonBytes, as: UTF8.self) + "\n" }.joined(), to: "records.jsonl")
        let old = [Self.entry(1, target: "r1"), Self.entry(2, target: "r2")]
        dir.write(old.map { String(decoding: $0.jsonBytes, as: UTF8.self) + "\n" }.joined(), to: "audit.jsonl")
        let audit = try AuditLog(directory: dir.path)
        let store = try RecordStore(directory: dir.path, audit: audit)
        #expect(store.snapshot().record(id: "r2") == records[1])
        #expect(audit.entries() == old.reversed())
        try Self.audited(store, id: "r3", serial: 3, Self.entry(3, target: "r3"))
        #expect(audit.entries().map(\.target) == ["r3", "r2", "r1"])
    }

    @Test func aFailedWriteLeavesNeitherTheRecordNorItsAuditEntry() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let audit = try AuditLog(directory: dir.path, fileSystem: fs)
        let store = try RecordStore(directory: dir.path, fileSystem: fs, audit: audit)
        fs.inject(.fsyncError, pathContains: "records")
        #expect(throws: StorageError.self) { try Self.audited(store, id: "r1", serial: 1, Self.entry(1, target: "r1")) }
        #expect(audit.entries().isEmpty)
        #expect(store.snapshot().count == 0)
    }

    @Test func aTornAuditedLastLineIsCutWithItsEntry() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try RecordStore(directory: dir.path, audit: try AuditLog(directory: dir.path))
            try Self.audited(store, id: "r1", serial: 1, Self.entry(1, target: "r1"))
        }
        let torn = RecordLine(record: makeRecord(id: "r2", serial: 2), audit: Self.entry(2, target: "r2")).jsonBytes
        dir.write(dir.text("records.jsonl") + String(decoding: torn.prefix(torn.count - 9), as: UTF8.self), to: "records.jsonl")
        let audit = try AuditLog(directory: dir.path)
        let store = try RecordStore(directory: dir.path, audit: audit)
        #expect(store.truncatedTail)
        #expect(audit.entries().map(\.target) == ["r1"])
        #expect(store.snapshot().count == 1)
    }
}
