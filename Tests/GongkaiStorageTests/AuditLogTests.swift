import GongkaiStorage
import Testing

@Suite struct AuditLogTests {
    static func entry(_ n: Int) -> AuditEntry {
        AuditEntry(at: Timestamp.chinaISO8601(1_740_000_000 + n), token: "sme", role: "office",
                   action: "record.update", target: "r\(n)", beforeVersion: n, afterVersion: n + 1)
    }

    @Test func entriesComeBackNewestFirstAndSurviveARestart() throws {
        let dir = try TemporaryDirectory()
        do {
            let audit = try AuditLog(directory: dir.path)
            for n in 1...5 { try audit.append(Self.entry(n)) }
            #expect(audit.entries(limit: 2).map(\.target) == ["r5", "r4"])
        }
        let reopened = try AuditLog(directory: dir.path)
        #expect(reopened.entries().map(\.target) == ["r5", "r4", "r3", "r2", "r1"])
        #expect(reopened.entries(limit: 0).isEmpty)
        let text = dir.text("audit.jsonl")
        #expect(text.contains(#""before_version":1"#))
        #expect(text.contains(#""detail":null"#))
    }

    @Test func timestampsAreChinaTimeWithTheirOffset() {
        #expect(Timestamp.chinaISO8601(0) == "1970-01-01T08:00:00+08:00")
        #expect(Timestamp.chinaISO8601(1_735_660_800) == "2025-01-01T00:00:00+08:00")
    }

    @Test func aFailedAppendIsNotKeptInMemory() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let audit = try AuditLog(directory: dir.path, fileSystem: fs)
        try audit.append(Self.entry(1))
        fs.inject(.diskFull, pathContains: "audit")
        #expect(throws: StorageError.diskFull(path: dir.file("audit.jsonl"))) { try audit.append(Self.entry(2)) }
        #expect(audit.entries().map(\.target) == ["r1"])
    }
}
