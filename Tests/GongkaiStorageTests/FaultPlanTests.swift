import GongkaiStorage
import Testing

@Suite struct FaultPlanTests {
    @Test func theTextFormNamesFaultPathAndRepetition() throws {
        let plan = try FaultPlan(parsing: "fsync@records.jsonl:always, enospc,short-write:once write@audit")
        #expect(plan.rules == [
            .init(.fsyncError, once: false, pathContains: "records.jsonl"),
            .init(.diskFull),
            .init(.shortWrite),
            .init(.writeError, pathContains: "audit"),
        ])
        #expect(try FaultPlan(parsing: "").rules.isEmpty)
        #expect(try FaultPlan(parsing: "none").rules.isEmpty)
    }

    @Test func anUnknownFaultIsRefusedWithTheAcceptedNames() {
        #expect(throws: StorageError.self) { try FaultPlan(parsing: "fsnyc") }
        #expect(throws: StorageError.self) { try FaultPlan(parsing: "write@") }
    }

    @Test func theEnvironmentSelectsTheInjector() throws {
        #expect(try FaultInjectingFileSystem.fromEnvironment([:]) == nil)
        #expect(try FaultInjectingFileSystem.fromEnvironment(["GONGKAI_FAULTS": "fsync"]) != nil)
    }

    @Test func aControlFileTurnsFaultsOnAndOffWhileRunning() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem(controlFile: dir.file("faults"))
        try AtomicFile.write([1], to: dir.file("a.json"), fileSystem: fs)
        dir.write("enospc:always", to: "faults")
        #expect(throws: StorageError.self) { try AtomicFile.write([2], to: dir.file("a.json"), fileSystem: fs) }
        #expect(throws: StorageError.self) { try AtomicFile.write([3], to: dir.file("a.json"), fileSystem: fs) }
        dir.write("", to: "faults")
        try AtomicFile.write([4], to: dir.file("a.json"), fileSystem: fs)
        #expect(dir.bytes("a.json") == [4])
    }
}
