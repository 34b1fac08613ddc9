import GongkaiDomain
import GongkaiStorage
import Testing

@Suite struct DocumentFileTests {
    struct Settings: Codable, Sendable, Equatable {
        var version: Int
        var name: String
    }

    @Test func aSavedDocumentLoadsBackAndReadsAsPrettySortedUTF8() throws {
        let dir = try TemporaryDirectory()
        let file = DocumentFile<Settings>(path: dir.file("settings.json"))
        #expect(try file.load() == nil)
        try file.save(Settings(version: 3, name: "工业和信息化局/办公室"))
        #expect(file.value?.version == 3)
        let text = dir.text("settings.json")
        #expect(text == "{\n  \"name\" : \"工业和信息化局/办公室\",\n  \"version\" : 3\n}\n")
        let again = DocumentFile<Settings>(path: dir.file("settings.json"))
        #expect(try again.load() == Settings(version: 3, name: "工业和信息化局/办公室"))
    }

    @Test func aCalendarYearGoesIntoItsOwnFolder() throws {
        let dir = try TemporaryDirectory()
        let file = DocumentFile<[String]>(path: dir.file("calendar/2025.json"))
        try file.save(["2025-01-01"])
        #expect(dir.names("calendar") == ["2025.json"])
    }

    @Test func updateSeesTheCurrentValueAndAFailedSaveKeepsTheOldOne() throws {
        let dir = try TemporaryDirectory()
        let fs = FaultInjectingFileSystem()
        let file = DocumentFile<Settings>(path: dir.file("settings.json"), fileSystem: fs)
        try file.save(Settings(version: 1, name: "a"))
        let next = try file.update { current in Settings(version: (current?.version ?? 0) + 1, name: "b") }
        #expect(next.version == 2)
        fs.inject(.fsyncError)
        #expect(throws: StorageError.self) { try file.save(Settings(version: 3, name: "c")) }
        #expect(file.value?.version == 2)
        #expect(try DocumentFile<Settings>(path: dir.file("settings.json")).load()?.version == 2)
    }

    @Test func aDamagedDocumentIsReportedByName() throws {
        let dir = try TemporaryDirectory()
        dir.write("{\"version\": 1, \"name\": ", to: "settings.json")
        let error = #expect(throws: StorageError.self) { try DocumentFile<Settings>(path: dir.file("settings.json")).load() }
        guard case .corrupt(let path, _, _)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(path == dir.file("settings.json"))
    }

    @Test func theCatalogueRoundTrips() throws {
        let dir = try TemporaryDirectory()
        let catalogue = Catalogue(title: "某局政府信息公开基本目录", agency: "某局", channels: ["政府网站"], items: [])
        let file = DocumentFile<Catalogue>(path: dir.file("catalogue.json"))
        try file.save(catalogue)
        #expect(try DocumentFile<Catalogue>(path: dir.file("catalogue.json")).load() == catalogue)
    }
}
