import Foundation
import Glibc
import GongkaiDomain
import GongkaiStorage
import Testing

/// Numbers for issue 6 (floors 4–6), not pass/fail checks: run in release with
/// `GONGKAI_STORAGE_BENCH=1 swift test -c release --filter StorageBenchmarkTests`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["GONGKAI_STORAGE_BENCH"] == "1"))
struct StorageBenchmarkTests {
    /// Writes `count` records straight into `records.jsonl`, as a long-running register would hold.
    static func seed(_ dir: TemporaryDirectory, count: Int) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for n in 0..<count {
            var record = makeRecord(id: "seed-\(n)", serial: n % 99_999 + 1, year: 2000 + n / 99_999)
            record.summary = "为贯彻落实《中华人民共和国中小企业促进法》，第\(n)号摘要，涉及专项资金申报、评审与公示等事项。"
            bytes += Array(try encoder.encode(record))
            bytes.append(10)
        }
        _ = FileManager.default.createFile(atPath: dir.file("records.jsonl"), contents: Data(bytes))
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// CPU time of the whole process (all threads), immune to other processes on the machine.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    static func create(_ store: RecordStore, id: String) throws {
        try store.write { snapshot in
            makeRecord(id: id, serial: snapshot.maxSerial(year: 2030, agencyCode: "GK-GXJ") + 1, year: 2030)
        }
    }

    @Test(arguments: [1_000, 100_000])
    func startupAndSingleClientWriteCost(records: Int) throws {
        let dir = try TemporaryDirectory()
        try Self.seed(dir, count: records)
        var store: RecordStore?
        var startup = Double.infinity, startupCPU = Double.infinity
        for _ in 0..<3 {
            store = nil
            let cpuBefore = Self.processCPUSeconds()
            startup = min(startup, try Self.seconds { store = try RecordStore(directory: dir.path) })
            startupCPU = min(startupCPU, Self.processCPUSeconds() - cpuBefore)
        }
        let durable = try #require(store)
        var latencies: [Double] = []
        for n in 0..<300 {
            latencies.append(try Self.seconds { try Self.create(durable, id: "w\(n)") })
        }
        let noSync = try RecordStore(directory: dir.path, fileSystem: NoSyncFileSystem())
        var cpu: [Double] = []
        for n in 0..<2_000 {
            cpu.append(try Self.seconds { try Self.create(noSync, id: "c\(n)") })
        }
        print(String(format: "BENCH records=%d startup=%.3fs (cpu %.3fs) write p50=%.3fms p99=%.3fms | without fsync p50=%.1fµs p99=%.1fµs",
                     records, startup, startupCPU, Self.percentile(latencies, 0.5) * 1e3, Self.percentile(latencies, 0.99) * 1e3,
                     Self.percentile(cpu, 0.5) * 1e6, Self.percentile(cpu, 0.99) * 1e6))
    }

    @Test func thirtyTwoConcurrentWritersShareFsyncs() throws {
        let dir = try TemporaryDirectory()
        try Self.seed(dir, count: 1_000)
        let fs = FaultInjectingFileSystem()
        let store = try RecordStore(directory: dir.path, fileSystem: fs)
        let path = dir.file("records.jsonl")
        let before = fs.fsyncs(path: path)
        let latencies = Collected<Double>()
        let threads = 32, perThread = 100
        let elapsed = Self.seconds {
            runOnThreads(threads) { thread in
                for n in 0..<perThread {
                    let t = (try? Self.seconds { try Self.create(store, id: "t\(thread)-\(n)") }) ?? .infinity
                    latencies.add(t)
                }
            }
        }
        let writes = threads * perThread
        let fsyncs = fs.fsyncs(path: path) - before
        print(String(format: "BENCH concurrent writers=%d writes=%d %.0f writes/s fsyncs=%d (%.3f per write) p50=%.2fms p99=%.2fms",
                     threads, writes, Double(writes) / elapsed, fsyncs, Double(fsyncs) / Double(writes),
                     Self.percentile(latencies.all, 0.5) * 1e3, Self.percentile(latencies.all, 0.99) * 1e3))
        #expect(store.snapshot().count == 1_000 + writes)
    }
}

/// The real file system with fsync turned into a no-op: isolates the CPU cost of a write.
/// For measurement only; never for anything that must be durable.
struct NoSyncFileSystem: FileSystem {
    let base = POSIXFileSystem()
    func open(_ path: String, flags: Int32, mode: mode_t) throws(StorageError) -> OpenFile { try base.open(path, flags: flags, mode: mode) }
    func openDirectory(_ path: String) throws(StorageError) -> OpenFile { try base.openDirectory(path) }
    func write(_ file: OpenFile, _ bytes: ArraySlice<UInt8>) throws(StorageError) -> Int { try base.write(file, bytes) }
    func fsync(_ file: OpenFile) throws(StorageError) {}
    func fdatasync(_ file: OpenFile) throws(StorageError) {}
    func truncate(_ file: OpenFile, to size: Int64) throws(StorageError) { try base.truncate(file, to: size) }
    func close(_ file: OpenFile) throws(StorageError) { try base.close(file) }
    func rename(_ source: String, to destination: String) throws(StorageError) { try base.rename(source, to: destination) }
    func unlink(_ path: String) throws(StorageError) { try base.unlink(path) }
    func readFile(_ path: String) throws(StorageError) -> [UInt8]? { try base.readFile(path) }
    func listDirectory(_ path: String) throws(StorageError) -> [String]? { try base.listDirectory(path) }
    func makeDirectory(_ path: String, mode: mode_t) throws(StorageError) -> Bool { try base.makeDirectory(path, mode: mode) }
    func removeDirectory(_ path: String) throws(StorageError) { try base.removeDirectory(path) }
    func size(_ file: OpenFile) throws(StorageError) -> Int64 { try base.size(file) }
    func status(_ path: String) throws(StorageError) -> FileStatus? { try base.status(path) }
}
