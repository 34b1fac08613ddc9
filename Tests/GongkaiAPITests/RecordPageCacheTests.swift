import GongkaiDomain
import Testing
@testable import GongkaiAPI

/// A remembered list answer is reused only under the exact stamp it was made under: any write
/// (index version), a new calendar, a catalogue change or the next day in China misses.
@Suite struct RecordPageCacheTests {
    let stamp = RecordPageCache.Stamp(index: 7, calendar: 1, catalogue: 3, today: LocalDate(year: 2026, month: 11, day: 30)!)

    func entry(_ stamp: RecordPageCache.Stamp, _ body: String) -> RecordPageCache.Entry {
        RecordPageCache.Entry(stamp: stamp, body: Array(body.utf8), etag: "\"\(body)\"")
    }

    @Test func anAnswerIsReusedOnlyUnderTheStampItWasMadeUnder() {
        let cache = RecordPageCache()
        var q = RecordQuery()
        q.office = "中小企业科"
        cache.remember(entry(stamp, "a"), for: q)
        #expect(cache.entry(for: q, stamp: stamp)?.body == Array("a".utf8))
        var other = q
        other.pendingVisibleTo = ["中小企业科"]  // another caller's view of the same list
        #expect(cache.entry(for: other, stamp: stamp) == nil)
        var changed = [stamp, stamp, stamp, stamp]
        changed[0].index += 1
        changed[1].calendar += 1
        changed[2].catalogue += 1
        changed[3].today = stamp.today.adding(days: 1)
        for s in changed { #expect(cache.entry(for: q, stamp: s) == nil, "\(s)") }
    }

    @Test func itStartsAgainEmptyWhenFullAndSkipsHugeAnswers() {
        let cache = RecordPageCache(capacityBytes: 40)
        var queries: [RecordQuery] = []
        for n in 0..<5 {
            var q = RecordQuery()
            q.limit = n + 1
            queries.append(q)
            cache.remember(entry(stamp, "0123456789"), for: q)
        }
        #expect(cache.entry(for: queries[4], stamp: stamp) != nil)
        #expect(cache.entry(for: queries[0], stamp: stamp) == nil)
        var big = RecordQuery()
        big.limit = 99
        cache.remember(entry(stamp, String(repeating: "x", count: 11)), for: big)
        #expect(cache.entry(for: big, stamp: stamp) == nil)
    }
}
