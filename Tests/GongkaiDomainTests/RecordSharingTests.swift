import GongkaiDomain
import Testing

/// Records share their fields between copies (RSS: the store and the index hold the same
/// records, issue 6); a change to one copy never shows in another.
@Suite struct RecordSharingTests {
    @Test func aChangeToACopyNeverShowsInTheOriginal() {
        let original = makeRecord(formedOn: "2026-03-01", publishedOn: "2026-03-02")
        var copy = original
        #expect(copy == original)
        copy.title = "更正"
        copy.version += 1
        copy.channels.append(Channel(name: "公告栏"))
        #expect(original.title != "更正")
        #expect(original.version + 1 == copy.version)
        #expect(original.channels.count + 1 == copy.channels.count)
        #expect(copy != original)
        var back = copy
        back.title = original.title
        back.version = original.version
        back.channels = original.channels
        #expect(back == original)
    }
}
