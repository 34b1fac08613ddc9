import Foundation
import GongkaiStorage
import Testing

@Suite struct AtomicFileTests {
    @Test func writtenBytesReadBackUnchangedWithTheRequestedMode() throws {
        let dir = try TemporaryDirectory()
        let bytes = Array("{\"标题\": \"通知\"}\n".utf8)
        try AtomicFile.write(bytes, to: dir.file("a.json"))
        #expect(try AtomicFile.read(dir.file("a.json")) == bytes)
        #expect(dir.mode("a.json") == 0o640)
        try AtomicFile.write([1, 2, 3], to: dir.file("secret.json"), mode: 0o600)
        #expect(dir.mode("secret.json") == 0o600)
        #expect(dir.temporaryFiles().isEmpty)
    }

    @Test func readingAMissingFileGivesNil() throws {
        let dir = try TemporaryDirectory()
        #expect(try AtomicFile.read(dir.file("absent.json")) == nil)
    }

    @Test func replacingAFileLeavesOnlyTheNewContent() throws {
        let dir = try TemporaryDirectory()
        try AtomicFile.write(Array("old".utf8), to: dir.file("doc.json"))
        try AtomicFile.write(Array("new".utf8), to: dir.file("doc.json"))
        #expect(dir.text("doc.json") == "new")
        #expect(dir.names() == ["doc.json"])
    }

    @Test(arguments: [
        (FaultPlan.Fault.writeError, StorageError.io(operation: "write", path: "", errno: EIO)),
        (.shortWrite, .io(operation: "write", path: "", errno: EIO)),
        (.fsyncError, .io(operation: "fsync", path: "", errno: EIO)),
        (.diskFull, .diskFull(path: "")),
    ])
    func aFaultFailsTheWriteKeepsTheOldContentAndLeavesNoTempFile(fault: FaultPlan.Fault, expected: StorageError) throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        try AtomicFile.write(Array("old content".utf8), to: dir.file("doc.json"), fileSystem: fs)
        fs.inject(fault)
        let error = #expect(throws: StorageError.self) {
            try AtomicFile.write(Array("new content that is long".utf8), to: dir.file("doc.json"), fileSystem: fs)
        }
        #expect(Self.kind(error) == Self.kind(expected))
        #expect(dir.text("doc.json") == "old content")
        #expect(dir.temporaryFiles().isEmpty)
        try AtomicFile.write(Array("after".utf8), to: dir.file("doc.json"), fileSystem: fs)
        #expect(dir.text("doc.json") == "after")
    }

    /// The error's case and operation, ignoring the (temp) path.
    static func kind(_ error: StorageError?) -> String {
        switch error {
        case .io(let operation, _, let code)?: "io \(operation) \(code)"
        case .diskFull?: "disk full"
        case let other: "\(String(describing: other))"
        }
    }
}
