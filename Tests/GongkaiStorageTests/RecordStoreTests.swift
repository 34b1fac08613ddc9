import Foundation
import GongkaiDomain
import GongkaiStorage
import Testing

@Suite struct RecordStoreTests {
    /// Writes a new record taking the next serial of 2025.
    @discardableResult
    static func create(_ store: RecordStore, id: String) throws -> Record {
        try store.write { snapshot in
            let serial = snapshot.maxSerial(year: 2025, agencyCode: "GK-GXJ") + 1
            return makeRecord(id: id, serial: serial)
        }
    }

    @Test func recordsSurviveARestartAndTheLastVersionWins() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try RecordStore(directory: dir.path)
            try Self.create(store, id: "r1")
            try Self.create(store, id: "r2")
            try store.write { snapshot in
                var record = try #require(snapshot.record(id: "r1"))
                record.title = "更正：关于专项资金的公示"
                record.version += 1
                return record
            }
        }
        let reopened = try RecordStore(directory: dir.path)
        let snapshot = reopened.snapshot()
        #expect(snapshot.count == 2)
        #expect(snapshot.record(id: "r1")?.version == 2)
        #expect(snapshot.record(id: "r1")?.title == "更正：关于专项资金的公示")
        #expect(snapshot.maxSerial(year: 2025, agencyCode: "GK-GXJ") == 2)
        #expect(snapshot.nextIndexNumber(agencyCode: "GK-GXJ", year: 2025) == "GK-GXJ/2025-00003")
        #expect(!reopened.truncatedTail)
    }

    @Test func linesAreCompactSortedUTF8JSON() throws {
        let dir = try TemporaryDirectory()
        let store = try RecordStore(directory: dir.path)
        try Self.create(store, id: "r1")
        let text = dir.text("records.jsonl")
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.contains("中小企业科"))
        #expect(text.contains("https://example.gov.cn/a/r1"))
        #expect(text.contains(#""body":null"#))
        #expect(text.hasPrefix(#"{"body":null,"channels":"#))
    }

    @Test func aSnapshotTakenEarlierNeverChanges() throws {
        let dir = try TemporaryDirectory()
        let store = try RecordStore(directory: dir.path)
        try Self.create(store, id: "r1")
        let before = store.snapshot()
        try Self.create(store, id: "r2")
        #expect(before.count == 1)
        #expect(before.record(id: "r2") == nil)
        #expect(store.snapshot().count == 2)
        #expect(store.snapshot().revision == before.revision + 1)
    }

    @Test func concurrentWritersGetUniqueSerials() throws {
        let dir = try TemporaryDirectory()
        let store = try RecordStore(directory: dir.path)
        let failures = Collected<String>()
        runOnThreads(16) { thread in
            for index in 0..<10 {
                do { try Self.create(store, id: "t\(thread)-\(index)") } catch { failures.add("\(error)") }
            }
        }
        #expect(failures.all.isEmpty)
        let snapshot = try RecordStore(directory: dir.path).snapshot()
        #expect(snapshot.count == 160)
        let serials = Set(snapshot.records.values.map(\.indexNumber))
        #expect(serials.count == 160)
        #expect(snapshot.maxSerial(year: 2025, agencyCode: "GK-GXJ") == 160)
    }

    @Test func aDomainErrorPropagatesUnchangedAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let store = try RecordStore(directory: dir.path, fileSystem: fs)
        try Self.create(store, id: "r1")
        let writes = fs.counts.writes
        #expect(throws: DomainRefusal()) {
            try store.write { (_: RecordSnapshot) throws(DomainRefusal) -> Record in throw DomainRefusal() }
        }
        #expect(fs.counts.writes == writes)
        #expect(store.snapshot().count == 1)
        #expect(try Self.create(store, id: "r2").indexNumber == "GK-GXJ/2025-00002")
    }

    @Test(arguments: [FaultPlan.Fault.writeError, .shortWrite, .fsyncError, .diskFull])
    func aStorageFailureRollsBackToTheDurableState(fault: FaultPlan.Fault) throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let store = try RecordStore(directory: dir.path, fileSystem: fs)
        try Self.create(store, id: "r1")
        fs.inject(fault, pathContains: "records.jsonl")
        #expect(throws: StorageError.self) { try Self.create(store, id: "lost") }
        #expect(store.snapshot().record(id: "lost") == nil)
        let next = try Self.create(store, id: "r2")
        #expect(next.indexNumber == "GK-GXJ/2025-00002", "the failed write's serial was never durable")
        let reopened = try RecordStore(directory: dir.path).snapshot()
        #expect(Set(reopened.records.keys) == ["r1", "r2"])
    }

    @Test func underConcurrencyEveryAcknowledgedWriteIsStoredAndNoFailedOne() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let store = try RecordStore(directory: dir.path, fileSystem: fs)
        try Self.create(store, id: "seed")
        let acknowledged = Collected<Record>()
        let failed = Collected<String>()
        runOnThreads(12) { thread in
            for index in 0..<15 {
                if thread == 0 && index == 3 { fs.inject(.fsyncError, pathContains: "records.jsonl") }
                if thread == 1 && index == 9 { fs.inject(.diskFull, pathContains: "records.jsonl") }
                let id = "t\(thread)-\(index)"
                do { acknowledged.add(try Self.create(store, id: id)) } catch { failed.add(id) }
            }
        }
        #expect(!failed.all.isEmpty)
        let reopened = try RecordStore(directory: dir.path).snapshot()
        #expect(reopened.count == acknowledged.all.count + 1)
        for record in acknowledged.all { #expect(reopened.record(id: record.id) == record) }
        for id in failed.all { #expect(reopened.record(id: id) == nil) }
        #expect(Set(reopened.records.values.map(\.indexNumber)).count == reopened.count)
        #expect(store.snapshot().count == reopened.count)
    }

    @Test func aTornLastLineIsDroppedAtStartAndReported() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try RecordStore(directory: dir.path)
            try Self.create(store, id: "r1")
        }
        let handle = try #require(FileHandle(forWritingAtPath: dir.file("records.jsonl")))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"half"#.utf8))
        handle.closeFile()
        let store = try RecordStore(directory: dir.path)
        #expect(store.truncatedTail)
        #expect(store.snapshot().count == 1)
        try Self.create(store, id: "r2")
        #expect(try RecordStore(directory: dir.path).snapshot().count == 2)
    }

    @Test func aDamagedLineStopsTheStartNamingFileAndLine() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try RecordStore(directory: dir.path)
            try Self.create(store, id: "r1")
            try Self.create(store, id: "r2")
        }
        let text = dir.text("records.jsonl").replacingOccurrences(of: #""id":"r1""#, with: #""id":1"#)
        dir.write(text, to: "records.jsonl")
        let error = #expect(throws: StorageError.self) { try RecordStore(directory: dir.path) }
        guard case .corrupt(let path, let lineNumber, let reason)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(path == dir.file("records.jsonl"))
        #expect(lineNumber == 1)
        #expect(reason.contains("id"))
        #expect(error?.description.contains("records.jsonl line 1") == true)
    }

    @Test func awkwardTextSurvivesTheRoundTripExactly() throws {
        let dir = try TemporaryDirectory()
        let titles = ["引号\"与反斜杠\\", "换行\n制表\t回车\r", "NUL\u{0}与\u{1F}", "😀 emoji 与 \u{2028}", "a/b\\/c", "", "💡中文🀄️"]
        do {
            let store = try RecordStore(directory: dir.path)
            for (n, title) in titles.enumerated() {
                try store.write { _ in makeRecord(id: "t\(n)", serial: n + 1, title: title) }
            }
        }
        let snapshot = try RecordStore(directory: dir.path).snapshot()
        for (n, title) in titles.enumerated() { #expect(snapshot.record(id: "t\(n)")?.title == title) }
    }

    @Test func handWrittenEscapesDecodeAsJSONDecoderWould() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try RecordStore(directory: dir.path)
            try store.write { _ in makeRecord(id: "r1", serial: 1, title: "PLACEHOLDER") }
        }
        let text = dir.text("records.jsonl").replacingOccurrences(of: "PLACEHOLDER", with: #"\u4e2d\ud83d\ude00\/\"x\""#)
        dir.write(text, to: "records.jsonl")
        let expected = try JSONDecoder().decode(Record.self, from: Data(text.utf8.dropLast()))
        let record = try #require(try RecordStore(directory: dir.path).snapshot().record(id: "r1"))
        #expect(record.title == "中😀/\"x\"")
        #expect(record == expected)
    }

    @Test func aDeferredWriteIsToldItsRecordOnlyOnceItIsInTheDurableSnapshot() throws {
        let dir = try TemporaryDirectory()
        let store = try RecordStore(directory: dir.path)
        let told = DispatchSemaphore(value: 0)
        let seen = Locked<(id: String?, visible: Bool)>((nil, false))
        try store.write(audited: { snapshot in
            RecordLine(record: makeRecord(id: "r1", serial: snapshot.maxSerial(year: 2025, agencyCode: "GK-GXJ") + 1))
        }, whenDurable: { result in
            let id = try? result.get().id
            seen.withLock { $0 = (id, store.snapshot().record(id: "r1") != nil) }
            told.signal()
        })
        #expect(told.wait(timeout: .now() + 10) == .success)
        #expect(seen.withLock { $0.id } == "r1")
        #expect(seen.withLock { $0.visible })
        #expect(try RecordStore(directory: dir.path).snapshot().record(id: "r1") != nil, "on disk")
    }

    @Test func aDeferredWriteWhoseBuildThrowsQueuesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try RecordStore(directory: dir.path)
        #expect(throws: DomainRefusal.self) {
            try store.write(audited: { _ throws(DomainRefusal) -> RecordLine in throw DomainRefusal() },
                            whenDurable: { _ in Issue.record("told about a write that was never queued") })
        }
        #expect(dir.text("records.jsonl").isEmpty)
    }
}
