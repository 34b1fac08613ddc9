import Foundation
import GongkaiDomain
import GongkaiStorage
import Testing

/// A child process (this test binary, re-run on one test) writes records from several threads and
/// prints `ACK <id>` after each write returns; the parent kills it with SIGKILL mid-stream, reopens
/// the store and checks every acknowledged record is there, intact. SIGKILL loses the process,
/// not the page cache: this proves the protocol (no acknowledgement before the write, recovery of
/// a torn tail), not durability against power loss — that is what the fsync checks are for.
@Suite struct CrashTests {
    static let childDirectoryVariable = "GONGKAI_CRASH_CHILD_DIR"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[Self.childDirectoryVariable] == nil))
    func acknowledgedWritesSurviveKillDashNine() throws {
        let executable = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        guard executable.hasSuffix(".xctest") else { return }  // not run by `swift test`: nothing to re-run
        let dir = try TemporaryDirectory()
        var acknowledged: Set<String> = []
        for round in 0..<5 {
            acknowledged.formUnion(try Self.runChildUntilKilled(executable, directory: dir.path, round: round,
                                                                acknowledgements: Int.random(in: 40...200)))
            let store = try RecordStore(directory: dir.path)
            let snapshot = store.snapshot()
            print("CRASHTEST round \(round): \(acknowledged.count) acknowledged, \(snapshot.count) stored, torn tail cut: \(store.truncatedTail)")
            for id in acknowledged {
                let record = snapshot.record(id: id)
                #expect(record?.title == Self.title(for: id), "acknowledged \(id) lost after round \(round)")
            }
            #expect(Set(snapshot.records.values.map(\.indexNumber)).count == snapshot.count)
        }
        #expect(acknowledged.count >= 200)
    }

    /// Starts the child, lets it acknowledge at least `acknowledgements` writes, kills it.
    static func runChildUntilKilled(_ executable: String, directory: String, round: Int,
                                    acknowledgements: Int) throws -> Set<String> {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["--testing-library", "swift-testing", "--filter", "childWritesUntilKilled"]
        var environment = ProcessInfo.processInfo.environment
        environment[childDirectoryVariable] = directory
        environment["GONGKAI_CRASH_CHILD_ROUND"] = String(round)
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        let pid = child.processIdentifier
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: 60)
            kill(pid, SIGKILL)
        }
        watchdog.start()
        var seen: Set<String> = []
        var pending = ""
        var killed = false
        while true {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            pending += String(decoding: data, as: UTF8.self)
            while let newline = pending.firstIndex(of: "\n") {
                let line = pending[..<newline]
                if line.hasPrefix("ACK ") { seen.insert(String(line.dropFirst(4))) }
                pending = String(pending[pending.index(after: newline)...])
            }
            if !killed && seen.count >= acknowledgements {
                kill(pid, SIGKILL)
                killed = true
            }
        }
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal, "the child should die by SIGKILL")
        return seen
    }

    static func title(for id: String) -> String { "崩溃测试 \(id) 的标题" }

    /// The child's body: 4 threads writing until killed. Only runs inside the child.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[Self.childDirectoryVariable] != nil))
    func childWritesUntilKilled() throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try #require(environment[Self.childDirectoryVariable])
        let round = environment["GONGKAI_CRASH_CHILD_ROUND"] ?? "0"
        let store = try RecordStore(directory: directory)
        runOnThreads(4) { thread in
            for n in 0..<1_000_000 {
                let id = "r\(round)-t\(thread)-\(n)"
                do {
                    try store.write { snapshot in
                        var record = makeRecord(id: id, serial: snapshot.maxSerial(year: 2025, agencyCode: "GK-GXJ") + 1)
                        record.title = Self.title(for: id)
                        return record
                    }
                } catch {
                    continue
                }
                let line = Array("ACK \(id)\n".utf8)
                _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            }
        }
    }
}
