import GongkaiStorage
import Testing

@Suite struct RecoveryTests {
    @Test func staleTempFilesAreRemovedAndEverythingElseKept() throws {
        let dir = try TemporaryDirectory()
        dir.write("{}", to: "catalogue.json")
        dir.write("half", to: ".tmp-catalogue.json-1a2b")
        dir.write("half", to: ".dat.nosync1234.abcd")
        let calendar = DocumentFile<[String]>(path: dir.file("calendar/2025.json"))
        try calendar.save([])
        dir.write("half", to: "calendar/.tmp-2025.json-ff")
        let report = try Recovery.prepare(dataDirectory: dir.path)
        #expect(report.removedTemporaryFiles.count == 3)
        #expect(dir.names() == ["calendar", "catalogue.json"])
        #expect(dir.names("calendar") == ["2025.json"])
    }

    @Test func aMissingDataDirectoryIsCreated() throws {
        let dir = try TemporaryDirectory()
        let report = try Recovery.prepare(dataDirectory: dir.file("data/nested"))
        #expect(report.createdDataDirectory)
        #expect(dir.names("data") == ["nested"])
    }
}
