import GongkaiDomain
import Testing

/// `RecordIndex.query` against a plain reference (filter every record, sort newest first,
/// page after the cursor), with and without the search index, over random registers, queries
/// and edits. Guards the integer-facet filters and the in-order candidate walk of issue 6.
@Suite struct RecordIndexQueryTests {
    static let offices = ["办公室", "中小企业科", "工业经济科", "节能管理科"]
    static let items = ["1", "12", "33", "35", "32-1"]
    static let words = ["节能监察", "中小企业", "太平新城", "专精特新", "工业互联网", "GB", "ｇｂ", "安工信", "资金", "公示"]

    static func record(_ n: Int, _ rng: inout SplitMix64) -> Record {
        let base = day("2019-01-01").dayNumber
        let published = LocalDate(dayNumber: base + Int.random(in: 0..<400, using: &rng))
        let pending = Int.random(in: 0..<12, using: &rng) == 0
        var title = ""
        for _ in 0..<Int.random(in: 1...3, using: &rng) { title += words.randomElement(using: &rng)! + "的" }
        var r = Record(id: "\(published.year)-\(String(100_000 + n).dropFirst())", indexNumber: "X/\(n)",
                       itemId: items.randomElement(using: &rng)!, office: offices.randomElement(using: &rng)!,
                       title: title, documentNumber: Bool.random(using: &rng) ? "安工信发〔\(published.year)〕\(n)号" : nil,
                       summary: words.randomElement(using: &rng), formedOn: published.adding(days: -3),
                       publishedOn: pending ? nil : published, channels: [], createdBy: "t", createdAt: "", updatedAt: "",
                       version: 1)
        if !pending, Int.random(in: 0..<15, using: &rng) == 0 {
            r.withdrawn = Withdrawal(reason: "x", at: "", by: "t")
            r.version = 2
        }
        return r
    }

    static func randomQuery(_ rng: inout SplitMix64, keys: [RecordOrderKey]) -> RecordQuery {
        var q = RecordQuery()
        if Int.random(in: 0..<3, using: &rng) == 0 { q.itemIds = Set(items.shuffled(using: &rng).prefix(2)).union(Bool.random(using: &rng) ? ["nope"] : []) }
        if Int.random(in: 0..<3, using: &rng) == 0 { q.office = (offices + ["无此科室"]).randomElement(using: &rng) }
        if Int.random(in: 0..<4, using: &rng) == 0 { q.from = day("2019-03-01") }
        if Int.random(in: 0..<4, using: &rng) == 0 { q.to = day("2019-10-31") }
        if Int.random(in: 0..<2, using: &rng) == 0 {
            let w = words.randomElement(using: &rng)!
            q.text = [w, String(w.prefix(1)), w + "的", "的" + w, "2019-0", "〔2019〕"].randomElement(using: &rng)
        }
        q.includeWithdrawn = Int.random(in: 0..<4, using: &rng) == 0
        q.onlyPending = Int.random(in: 0..<6, using: &rng) == 0
        q.pendingVisibleTo = [nil, [], ["中小企业科"], ["办公室", "无此科室"]].randomElement(using: &rng)!
        q.limit = [1, 5, 20, 200].randomElement(using: &rng)!
        if Bool.random(using: &rng), let key = keys.randomElement(using: &rng) { q.after = key }
        return q
    }

    /// The definition: every record that passes, newest first, the page after the cursor.
    static func reference(_ all: [Record], _ q: RecordQuery) -> (ids: [String], total: Int, next: RecordOrderKey?) {
        func fold(_ s: String) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.map { u -> Unicode.Scalar in
                var v = u.value
                if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
                if v == 0x3000 { v = 0x20 }
                if (0x41...0x5A).contains(v) { v += 0x20 }
                return Unicode.Scalar(v) ?? u
            }))
        }
        let matching = all.filter { r in
            if let items = q.itemIds, !items.contains(r.itemId) { return false }
            if let office = q.office, r.office != office { return false }
            if r.isWithdrawn, !q.includeWithdrawn { return false }
            if q.onlyPending, !r.isPending { return false }
            if r.isPending, let visible = q.pendingVisibleTo, !visible.contains(r.office) { return false }
            if q.from != nil || q.to != nil {
                guard let p = r.publishedOn else { return false }
                if let from = q.from, p < from { return false }
                if let to = q.to, p > to { return false }
            }
            if let text = q.text {
                let hay = fold([r.title, r.documentNumber ?? "", r.indexNumber, r.summary ?? "", r.body ?? ""].joined(separator: "\n"))
                let h = Array(hay.unicodeScalars), n = Array(fold(text).unicodeScalars)
                if !(0...max(-1, h.count - n.count)).contains(where: { Array(h[$0..<($0 + n.count)]) == n }) { return false }
            }
            return true
        }.sorted { RecordOrderKey($0) < RecordOrderKey($1) }
        let eligible = matching.filter { q.after == nil || q.after! < RecordOrderKey($0) }
        let page = Array(eligible.prefix(q.limit))
        let next = eligible.count > q.limit ? RecordOrderKey(page[page.count - 1]) : nil
        return (page.map(\.id), matching.count, next)
    }

    @Test(arguments: [1, 2, 3])
    func indexAndScanAgreeWithTheReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var all: [Record] = []
        for n in 0..<(seed == 3 ? 2_000 : 300) { all.append(Self.record(n, &rng)) }
        var index = RecordIndex(all)
        for round in 0..<300 {
            if round % 25 == 24 {
                // Edits: a new title, a withdrawal, a publication day moved (order changes).
                var r = all.randomElement(using: &rng)!
                r.title = Self.words.randomElement(using: &rng)! + "更正"
                r.publishedOn = r.publishedOn?.adding(days: Int.random(in: -30...30, using: &rng))
                r.version += 1
                all[all.firstIndex { $0.id == r.id }!] = r
                index.upsert(r)
            }
            let keys = all.map(RecordOrderKey.init)
            let q = Self.randomQuery(&rng, keys: keys)
            let expected = Self.reference(all, q)
            for useIndex in [true, false] {
                let page = index.query(q, useIndex: useIndex)
                #expect(page.records.map(\.id) == expected.ids, "\(q) index=\(useIndex)")
                #expect(page.total == expected.total, "\(q) index=\(useIndex)")
                #expect(page.next == expected.next, "\(q) index=\(useIndex)")
            }
        }
    }

    /// Edits and additions of the kinds a register sees: a new title, a publication day moved
    /// (the order changes), a withdrawal, a new record.
    static func edit(_ all: inout [Record], _ index: inout RecordIndex, _ rng: inout SplitMix64) {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            all.append(record(all.count, &rng))
            index.upsert(all[all.count - 1])
        default:
            let i = Int.random(in: 0..<all.count, using: &rng)
            var r = all[i]
            r.title = words.randomElement(using: &rng)! + "更正"
            r.publishedOn = r.publishedOn?.adding(days: Int.random(in: -30...30, using: &rng))
            if Int.random(in: 0..<5, using: &rng) == 0, r.withdrawn == nil { r.withdrawn = Withdrawal(reason: "x", at: "", by: "t") }
            r.version += 1
            all[i] = r
            index.upsert(r)
        }
    }

    /// What `RecordService` does between requests: text hits and selections remembered across
    /// pages and writes must give exactly the reference's pages, totals and cursors.
    @Test(arguments: [4, 5])
    func rememberedHitsAndSelectionsAgreeWithTheReferenceAcrossWrites(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var all: [Record] = []
        for n in 0..<(seed == 5 ? 1_500 : 300) { all.append(Self.record(n, &rng)) }
        var index = RecordIndex(all)
        var hitCache = TextHitCache(maxEntries: 6)
        var selections = SelectionCache(maxEntries: 12)
        // A pool of lists, paged through again and again, so the caches are hit.
        let pool = (0..<10).map { _ in Self.randomQuery(&rng, keys: []) }
        for round in 0..<600 {
            if round % 9 == 8 { Self.edit(&all, &index, &rng) }
            var q = pool.randomElement(using: &rng)!
            q.limit = [1, 5, 20, 200].randomElement(using: &rng)!
            q.after = Bool.random(using: &rng) ? all.randomElement(using: &rng).map(RecordOrderKey.init) : nil
            var hits: TextHits?
            if let needle = RecordIndex.searchKey(q) {
                hits = index.textHits(needle, updating: hitCache[needle])
                hitCache.remember(hits!, for: needle)
            }
            let known = selections.selection(of: q, version: index.version)
            let (page, selection) = index.query(q, textHits: hits, selection: known)
            selections.remember(selection, of: q, version: index.version)
            let expected = Self.reference(all, q)
            #expect(page.records.map(\.id) == expected.ids, "round \(round): \(q)")
            #expect(page.total == expected.total, "round \(round): \(q)")
            #expect(page.next == expected.next, "round \(round): \(q)")
        }
    }

    @Test func textHitsOlderThanTheChangeLogAreRecomputedNotPatched() {
        var rng = SplitMix64(seed: 11)
        var all: [Record] = []
        for n in 0..<60 { all.append(Self.record(n, &rng)) }
        var index = RecordIndex(all)
        let needle = RecordIndex.searchKey({ var q = RecordQuery(); q.text = "节能"; return q }())!
        let old = index.textHits(needle)
        var recent = old
        for step in 0..<5_000 {
            Self.edit(&all, &index, &rng)
            if step == 4_990 { recent = index.textHits(needle) }
        }
        let expected = index.textHits(needle)
        #expect(index.textHits(needle, updating: old).ordinals == expected.ordinals)
        #expect(index.textHits(needle, updating: recent).ordinals == expected.ordinals)
        #expect(expected.version == index.version)
        var q = RecordQuery()
        q.text = "节能"
        q.includeWithdrawn = true
        q.pendingVisibleTo = nil
        #expect(index.query(q).total == expected.count)
        #expect(index.query(q, useIndex: false).total == expected.count)
    }

    @Test func aSelectionIsForgottenWhenTheIndexVersionMoves() {
        var rng = SplitMix64(seed: 12)
        var all: [Record] = []
        for n in 0..<100 { all.append(Self.record(n, &rng)) }
        var index = RecordIndex(all)
        var cache = SelectionCache()
        var q = RecordQuery()
        q.itemIds = ["1"]
        let (_, selection) = index.query(q, textHits: nil, selection: nil)
        cache.remember(selection, of: q, version: index.version)
        var other = q
        other.limit = 5
        other.after = RecordOrderKey(all[0])
        #expect(cache.selection(of: other, version: index.version)?.total == selection.total)
        Self.edit(&all, &index, &rng)
        #expect(cache.selection(of: q, version: index.version) == nil)
    }

    @Test func aWalkWhoseMatchesClusterAtTheEndSortsInsteadWithTheSamePages() {
        var rng = SplitMix64(seed: 13)
        var all: [Record] = []
        for n in 0..<3_000 { all.append(Self.record(n, &rng)) }
        // The 60 oldest records hold the word: a walk from the newest expects one match every
        // 50 positions and finds none for 2,940.
        let oldest = Set(all.sorted { RecordOrderKey($0) < RecordOrderKey($1) }.suffix(60).map(\.id))
        for i in all.indices where oldest.contains(all[i].id) { all[i].title += "聚集" }
        let index = RecordIndex(all)
        var selections = SelectionCache()
        var q = RecordQuery()
        q.text = "聚集"
        q.limit = 5
        q.includeWithdrawn = true
        q.pendingVisibleTo = nil
        var pages = 0
        repeat {
            let known = selections.selection(of: q, version: index.version)
            let (page, selection) = index.query(q, textHits: nil, selection: known)
            selections.remember(selection, of: q, version: index.version)
            #expect(selection.isSorted)
            let expected = Self.reference(all, q)
            #expect(page.records.map(\.id) == expected.ids)
            #expect(page.total == 60 && expected.total == 60)
            #expect(page.next == expected.next)
            q.after = page.next
            pages += 1
        } while q.after != nil
        #expect(pages == 12)
    }

    @Test func bulkBuildKeepsTheLatestVersionLikeUpserts() {
        var rng = SplitMix64(seed: 9)
        var versions: [Record] = []
        for n in 0..<200 {
            var r = Self.record(n % 60, &rng)
            r.version = Int.random(in: 1...4, using: &rng)
            versions.append(r)
        }
        var sequential = RecordIndex()
        for r in versions { sequential.upsert(r) }
        let bulk = RecordIndex(versions)
        #expect(bulk.count == sequential.count)
        #expect(bulk.publishedCountByItem == sequential.publishedCountByItem)
        for _ in 0..<100 {
            let q = Self.randomQuery(&rng, keys: [])
            let a = bulk.query(q), b = sequential.query(q)
            #expect(a.records == b.records && a.total == b.total && a.next == b.next, "\(q)")
        }
    }
}
