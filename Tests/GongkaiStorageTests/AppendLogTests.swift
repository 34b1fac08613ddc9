import Foundation
import GongkaiStorage
import Testing

@Suite struct AppendLogTests {
    static func lines(_ path: String) throws -> [String] {
        try AppendLog.load(path: path).values.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func appendedLinesReadBackInOrder() throws {
        let dir = try TemporaryDirectory()
        let log = try AppendLog(path: dir.file("log.jsonl"))
        try log.append([line(#"{"n":1}"#), line(#"{"n":2}"#)])
        try log.append([line(#"{"n":"三"}"#)])
        #expect(dir.text("log.jsonl") == "{\"n\":1}\n{\"n\":2}\n{\"n\":\"三\"}\n")
        #expect(try Self.lines(dir.file("log.jsonl")) == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":"三"}"#])
    }

    @Test func aLoneCallerPaysExactlyOneWriteAndOneFsync() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let log = try AppendLog(path: dir.file("log.jsonl"), fileSystem: fs)
        let before = fs.counts
        try log.append([line(#"{"n":1}"#)])
        #expect(fs.counts.writes - before.writes == 1)
        #expect(fs.counts.fsyncs - before.fsyncs == 1)
    }

    @Test func aLineContainingANewlineIsRefused() throws {
        let dir = try TemporaryDirectory()
        let log = try AppendLog(path: dir.file("log.jsonl"))
        #expect(throws: StorageError.self) { try log.append([line("{\n}")]) }
    }

    @Test func aTornLastLineIsCutOffOnLoad() throws {
        let dir = try TemporaryDirectory()
        dir.write("{\"n\":1}\n{\"n\":2}\n{\"n\":", to: "log.jsonl")
        let loaded = try AppendLog.load(path: dir.file("log.jsonl"))
        #expect(loaded.truncatedTail)
        #expect(loaded.values.count == 2)
        #expect(dir.text("log.jsonl") == "{\"n\":1}\n{\"n\":2}\n")
    }

    @Test func anInvalidCompleteLastLineIsCutOffAsTorn() throws {
        let dir = try TemporaryDirectory()
        dir.write("{\"n\":1}\n\0\0\0\n", to: "log.jsonl")
        let loaded = try AppendLog.load(path: dir.file("log.jsonl"))
        #expect(loaded.truncatedTail)
        #expect(dir.text("log.jsonl") == "{\"n\":1}\n")
    }

    @Test func damageBeforeTheLastLineIsCorruptionNamingTheLine() throws {
        let dir = try TemporaryDirectory()
        dir.write("{\"n\":1}\n{\"n\":\n{\"n\":3}\n", to: "log.jsonl")
        let error = #expect(throws: StorageError.self) { try AppendLog.load(path: dir.file("log.jsonl")) }
        guard case .corrupt(let path, let lineNumber, _)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(path == dir.file("log.jsonl"))
        #expect(lineNumber == 2)
        #expect(dir.text("log.jsonl") == "{\"n\":1}\n{\"n\":\n{\"n\":3}\n", "a damaged log is never rewritten")
    }

    @Test func concurrentAppendsAllLandOnceWithFewerFsyncsThanAppends() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        let fsyncsBefore = fs.fsyncs(path: path)
        let threads = 32, perThread = 20
        let failures = Collected<String>()
        runOnThreads(threads) { thread in
            for index in 0..<perThread {
                do {
                    try log.append([line("{\"thread\":\(thread),\"i\":\(index)}")])
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let stored = try Self.lines(path)
        #expect(stored.count == threads * perThread)
        #expect(Set(stored).count == threads * perThread)
        let fsyncs = fs.fsyncs(path: path) - fsyncsBefore
        #expect(fsyncs < threads * perThread)
        print("group commit: \(threads * perThread) appends from \(threads) threads took \(fsyncs) fsyncs")
    }

    @Test(arguments: [FaultPlan.Fault.writeError, .shortWrite, .fsyncError, .diskFull])
    func afterAFaultClearsTheLogHoldsExactlyTheAcknowledgedLines(fault: FaultPlan.Fault) throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        try log.append([line(#"{"n":1}"#)])
        fs.inject(fault, pathContains: "log.jsonl")
        let error = #expect(throws: StorageError.self) {
            try log.append([line(#"{"n":2,"padding":"xxxxxxxxxxxxxxxx"}"#), line(#"{"n":3}"#)])
        }
        #expect(error?.isDiskFull == (fault == .diskFull))
        #expect(dir.text("log.jsonl") == "{\"n\":1}\n", "the failed batch left nothing behind")
        try log.append([line(#"{"n":4}"#)])
        #expect(try Self.lines(path) == [#"{"n":1}"#, #"{"n":4}"#])
        #expect(log.failureCount == 1)
    }

    @Test func aPersistentFsyncFailureRefusesWritesUntilItClears() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        try log.append([line(#"{"n":1}"#)])
        fs.inject(.fsyncError, once: false, pathContains: "log.jsonl")
        #expect(throws: StorageError.self) { try log.append([line(#"{"n":2}"#)]) }
        #expect(throws: StorageError.self) { try log.append([line(#"{"n":3}"#)]) }
        fs.clear()
        try log.append([line(#"{"n":4}"#)])
        #expect(try Self.lines(path) == [#"{"n":1}"#, #"{"n":4}"#])
    }

    @Test func aFailedFsyncIsNeverRetriedOnTheSameDescriptor() throws {
        let dir = try TemporaryDirectory()
        let faults = FaultInjectingFileSystem()
        let fs = CallLog(wrapping: faults)
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        faults.inject(.fsyncError, pathContains: "log.jsonl")
        #expect(throws: StorageError.self) { try log.append([line(#"{"n":1}"#)]) }
        try log.append([line(#"{"n":2}"#)])
        let calls = fs.calls.filter { $0.hasSuffix(path) }
        let failed = try #require(calls.firstIndex(of: "fdatasync failed \(path)"))
        let after = Array(calls[(failed + 1)...])
        #expect(after.prefix(4) == ["close \(path)", "open \(path)", "ftruncate \(path)", "fdatasync \(path)"])
        #expect(try Self.lines(path) == [#"{"n":2}"#])
    }

    @Test func concurrentCallersOfAFailedBatchAllFailAndTheRestLand() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        fs.inject(.fsyncError, pathContains: "log.jsonl")
        let acknowledged = Collected<String>()
        runOnThreads(16) { thread in
            for index in 0..<10 {
                let text = "{\"t\":\(thread),\"i\":\(index)}"
                if (try? log.append([line(text)])) != nil { acknowledged.add(text) }
            }
        }
        #expect(acknowledged.all.count < 160)
        #expect(Set(try Self.lines(path)) == Set(acknowledged.all))
    }

    // MARK: Deferred callers (the flusher thread)

    /// Queues one deferred line and waits up to 10 s to be told: nil if never told, else the
    /// outcome (`.some(nil)` when durable).
    static func deferredOutcome(of log: AppendLog, _ text: String,
                                ifFailureCountIs expected: Int? = nil) throws -> StorageError?? {
        let told = DispatchSemaphore(value: 0)
        let outcome = Locked<StorageError??>(nil)
        try log.enqueue([line(text)], ifFailureCountIs: expected) { error in
            outcome.withLock { $0 = .some(error) }
            told.signal()
        }
        guard told.wait(timeout: .now() + 10) == .success else { return nil }
        return outcome.withLock { $0 }
    }

    @Test func deferredAppendsAreToldOnceDurableAndShareFsyncs() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        defer { log.stopFlusher() }
        let fsyncsBefore = fs.fsyncs(path: path)
        let outcomes = Collected<String>()
        let done = DispatchGroup()
        let threads = 32, perThread = 20
        runOnThreads(threads) { thread in
            for index in 0..<perThread {
                done.enter()
                do {
                    try log.enqueue([line("{\"t\":\(thread),\"i\":\(index)}")]) { error in
                        // Told only after the fsync that made the line durable.
                        outcomes.add(error == nil && fs.fsyncs(path: path) > fsyncsBefore ? "ok" : "\(String(describing: error))")
                        done.leave()
                    }
                } catch {
                    outcomes.add("\(error)")
                    done.leave()
                }
            }
        }
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(outcomes.all.count == threads * perThread)
        #expect(outcomes.all.allSatisfy { $0 == "ok" })
        #expect(Set(try Self.lines(path)).count == threads * perThread)
        let fsyncs = fs.fsyncs(path: path) - fsyncsBefore
        #expect(fsyncs < threads * perThread)
        print("deferred group commit: \(threads * perThread) appends took \(fsyncs) fsyncs")
    }

    @Test func aFailedFsyncFailsTheDeferredCallersOfItsBatchAndLaterOnesLand() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path, fileSystem: fs)
        defer { log.stopFlusher() }
        fs.inject(.fsyncError, pathContains: "log.jsonl")
        let first = try #require(try Self.deferredOutcome(of: log, #"{"n":1}"#), "told")
        #expect(first != nil, "the batch with the failed fsync fails")
        let second = try #require(try Self.deferredOutcome(of: log, #"{"n":2}"#, ifFailureCountIs: log.failureCount), "told")
        #expect(second == nil, "the next batch lands")
        #expect(try Self.lines(path) == [#"{"n":2}"#])
    }

    @Test func stoppingTheFlusherFinishesEveryQueuedDeferredWriteFirst() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("log.jsonl")
        let log = try AppendLog(path: path)
        let told = Collected<Int>()
        for n in 0..<200 {
            try log.enqueue([line("{\"n\":\(n)}")]) { error in
                if error == nil { told.add(n) }
            }
        }
        log.stopFlusher()  // joins the thread
        #expect(told.all.count == 200)
        #expect(try Self.lines(path).count == 200)
        #expect(throws: StorageError.self) {
            try log.enqueue([line(#"{"n":"late"}"#)]) { _ in }
        }
    }
}
