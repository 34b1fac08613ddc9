/// The in-memory register of records: newest-first order, filters, keyset paging and an
/// n-gram index for Chinese substring search. Updated in place per write, so the cost of one
/// write does not grow with the number of records (apart from one array insertion).
public struct RecordIndex: Sendable {
    private var records: [Record] = []
    /// Each record's normalised search text, as UTF-8.
    private var searchable: [[UInt8]] = []
    private var ordinals: [String: Int] = [:]
    /// Ordinals in newest-first order.
    private var order = NewestFirstOrder()
    /// Index key → ascending ordinals of records whose text has that key (a superset after
    /// edits; every hit is confirmed against the text).
    private var postings = PostingTable()
    /// Published, not withdrawn records per catalogue item (the public record_count).
    public private(set) var publishedCountByItem: [String: Int] = [:]
    /// Per ordinal, what the filters read: plain integers, so that a query over 100k records
    /// never copies a `Record` (and retains its strings) just to look at it.
    private var facets: [Facet] = []
    private var itemCodes: [String: Int32] = [:]
    private var officeCodes: [String: Int32] = [:]
    /// Records per (pending, withdrawn, office): the total of a list filtered by those alone
    /// (the public list, an office's list) without walking the register.
    private var stateCounts: [StateKey: Int] = [:]
    /// Ascending ordinals per item code (a superset after an item change; filters confirm).
    private var itemOrdinals: [[Int32]] = []

    private struct StateKey: Hashable {
        var pending: Bool
        var withdrawn: Bool
        var office: Int32
    }

    private struct Facet {
        /// The order day: published_on, or formed_on while pending.
        var day: Int
        /// published_on as a day number; nil while pending.
        var published: Int?
        var item: Int32
        var office: Int32
        var withdrawn: Bool
        /// Whether the id is ASCII; then `idPrefix` (its first 8 bytes, big-endian, zero-padded)
        /// orders two ids as `String` does whenever the prefixes differ.
        var idIsASCII: Bool
        var idPrefix: UInt64
    }

    /// Bumped by every `upsert`: the version `TextHits` are exact for.
    public private(set) var version = 0
    /// The ordinals the latest upserts changed, oldest first: element i made version
    /// `changeLogStart + i + 1`. Lets cached search hits catch up with the writes since;
    /// bounded, older changes are forgotten (those hits are then recomputed).
    private var changeLog: [Int32] = []
    private var changeLogStart = 0
    private static let changeLogLimit = 4_096

    public init() {}

    /// Builds the index at once: the latest version of each id (as `upsert` keeps), then one
    /// sort of the order instead of a sorted insertion per record (start-up at 100k: issue 6).
    public init<S: Sequence>(_ records: S) where S.Element == Record {
        for record in records {
            if let ordinal = ordinals[record.id] {
                if record.version >= self.records[ordinal].version { replace(ordinal, with: record) }
            } else {
                append(record)
            }
        }
        postings.compact()
        let facets = self.facets, all = self.records
        order = NewestFirstOrder(Array(0..<all.count).sorted { a, b in
            facets[a].day != facets[b].day ? facets[a].day > facets[b].day : all[a].id > all[b].id
        })
    }

    public var count: Int { records.count }

    public func record(id: String) -> Record? { ordinals[id].map { records[$0] } }

    /// Every record, in no particular order.
    public var all: [Record] { records }

    /// Adds a record or replaces an older version of it. An older version than the one held
    /// is ignored, so concurrent writers may apply their results in any order.
    public mutating func upsert(_ record: Record) {
        if let ordinal = ordinals[record.id] {
            let old = records[ordinal]
            guard record.version >= old.version else { return }
            let oldKey = RecordOrderKey(old), newKey = RecordOrderKey(record)
            // Remove before replacing: the binary search reads keys through `records`.
            if oldKey != newKey { order.remove(at: position(of: oldKey)) }
            replace(ordinal, with: record)
            if oldKey != newKey { order.insert(ordinal, at: insertionPoint(newKey)) }
            logChange(ordinal)
        } else {
            append(record)
            order.insert(records.count - 1, at: insertionPoint(RecordOrderKey(record)))
            logChange(records.count - 1)
        }
    }

    private mutating func logChange(_ ordinal: Int) {
        version += 1
        changeLog.append(Int32(ordinal))
        if changeLog.count > Self.changeLogLimit {
            let dropped = changeLog.count / 2
            changeLog.removeFirst(dropped)
            changeLogStart += dropped
        }
    }

    /// Replaces the version at `ordinal` everywhere but in `order`. Keys of the old text stay
    /// in the postings (a superset; every hit is confirmed against the text).
    private mutating func replace(_ ordinal: Int, with record: Record) {
        count(records[ordinal], -1)
        count(record, +1)
        records[ordinal] = record
        facets[ordinal] = facet(record)
        addItemOrdinal(ordinal)
        let text = Self.searchText(record)
        let added = SearchText.keys(of: text).subtracting(SearchText.keys(of: SearchText.scalars(utf8: searchable[ordinal])))
        searchable[ordinal] = SearchText.utf8(text)
        for key in added { insertPosting(key, Int32(ordinal)) }
    }

    /// Adds a record not yet held, everywhere but in `order`.
    private mutating func append(_ record: Record) {
        let ordinal = records.count
        records.append(record)
        facets.append(facet(record))
        addItemOrdinal(ordinal)
        let value = Int32(ordinal)
        searchable.append(SearchText.index(Self.searchParts(record)) { key in postings.append(value, for: key) })
        ordinals[record.id] = ordinal
        count(record, +1)
    }

    private mutating func facet(_ r: Record) -> Facet {
        Facet(day: RecordOrderKey(r).day, published: r.publishedOn?.dayNumber,
              item: Self.code(r.itemId, in: &itemCodes), office: Self.code(r.office, in: &officeCodes),
              withdrawn: r.isWithdrawn, idIsASCII: r.id.utf8.allSatisfy { $0 < 0x80 }, idPrefix: Self.prefix(r.id))
    }

    /// The first 8 bytes of `id`, big-endian, zero-padded.
    private static func prefix(_ id: String) -> UInt64 {
        var value: UInt64 = 0, n = 0
        for byte in id.utf8.prefix(8) {
            value = value << 8 | UInt64(byte)
            n += 1
        }
        return n == 0 ? 0 : value << (8 * UInt64(8 - n))
    }

    private static func code(_ text: String, in codes: inout [String: Int32]) -> Int32 {
        if let code = codes[text] { return code }
        let code = Int32(codes.count)
        codes[text] = code
        return code
    }

    private mutating func count(_ r: Record, _ delta: Int) {
        let key = StateKey(pending: r.isPending, withdrawn: r.isWithdrawn, office: Self.code(r.office, in: &officeCodes))
        stateCounts[key, default: 0] += delta
        guard !r.isPending, !r.isWithdrawn else { return }
        publishedCountByItem[r.itemId, default: 0] += delta
    }

    /// Runs a query. `useIndex: false` answers a text search by scanning every record instead
    /// (kept for benchmarks; same results).
    public func query(_ q: RecordQuery, useIndex: Bool = true) -> RecordPage {
        query(q, useIndex: useIndex, textHits: nil, selection: nil).page
    }

    /// Runs a query, reusing what earlier requests learnt, and returns what this one learnt.
    ///
    /// Filters read the integer facets only; a `Record` is copied just for the page. With the
    /// index, a text search starts from its confirmed hits and a list of items from their
    /// per-item lists, so the cost follows the number of hits rather than the register's size.
    /// Two things a caller may remember between requests make it cheaper still:
    /// - `textHits`: the hits of `searchKey(q)` from an earlier version (brought up to date);
    /// - `selection`: what an earlier query with the same `RecordQuery.selection` (cursor and
    ///   limit aside) returned at this same `version` — its total, so counting is skipped, and
    ///   its sorted matches when it had to sort them, so pages are slices.
    public func query(_ q: RecordQuery, useIndex: Bool = true, textHits cached: TextHits?,
                      selection known: Selection?) -> (page: RecordPage, selection: Selection) {
        guard let filter = FacetFilter(q, items: itemCodes, offices: officeCodes) else {
            // Names an office no record has.
            return (RecordPage(records: [], total: 0, next: nil), Selection(total: 0, ordered: nil))
        }
        let range = dayRange(q)
        let needle = Self.searchKey(q)
        if let needle, !useIndex {
            return scan(q, filter, range, knownTotal: nil) { SearchText.contains(searchable[$0], needle) }
        }
        // Where the matches lie (ascending ordinals): the text's hits and/or the named items' records.
        let textOrdinals = needle.map { textHits($0, updating: cached).ordinals }
        let itemLists = q.itemIds.map { names in names.compactMap { name in itemCodes[name].map { itemOrdinals[Int($0)] } } }
        if textOrdinals == nil, itemLists == nil {
            if q.from == nil, q.to == nil {
                let page = stateOnly(q, filter)
                return (page, Selection(total: page.total, ordered: nil))
            }
            return scan(q, filter, range, knownTotal: known?.total) { _ in true }
        }
        func candidates() -> [Int32] {
            guard let itemLists else { return textOrdinals ?? [] }
            let items = SortedOrdinals.union(itemLists)
            return textOrdinals.map { SortedOrdinals.intersect($0, items) } ?? items
        }
        return page(q, filter, range, known: known, textOrdinals: textOrdinals, candidates: candidates)
    }

    /// What a query's selection (`RecordQuery.selection`) yields at one index version: the
    /// same for every page of the list, so a caller may keep it for the next page.
    public struct Selection: Sendable {
        public let total: Int
        /// Every match in newest-first order, when the query sorted its matches (few of them,
        /// spread over the register); nil when pages are found by walking the order.
        let ordered: [Int32]?

        /// Ordinals held (for a cache's memory bound).
        public var size: Int { ordered?.count ?? 0 }

        /// Whether it holds the sorted matches (pages of it are then slices).
        public var isSorted: Bool { ordered != nil }
    }

    /// The page and total of a query whose matches all lie in `candidates()` (ascending
    /// ordinals; the filter confirms each, and every one passing counts to the total).
    ///
    /// The page comes from walking the newest-first order from the cursor until limit + 1
    /// match — when matches are dense that is short: ~(limit + 1) × positions / matches steps
    /// (the filter checks the items, a bitmap the text hits) — or else from sorting all the
    /// matches and slicing after the cursor; the sorted list is returned in the selection, so
    /// later pages of the list are slices. Matches are not spread evenly (a 文号 of one year
    /// clusters in that year), so a walk that takes four times longer than expected gives up
    /// and sorts.
    private func page(_ q: RecordQuery, _ filter: FacetFilter, _ range: Range<Int>, known: Selection?,
                      textOrdinals: [Int32]?, candidates: () -> [Int32]) -> (page: RecordPage, selection: Selection) {
        if let known, let ordered = known.ordered {
            return (slice(ordered, q, total: known.total), known)
        }
        var list: [Int32]?
        var total = 0
        if let known {
            total = known.total
        } else {
            let all = candidates()
            for c in all where filter.matches(facets[Int(c)]) { total += 1 }
            list = all
        }
        guard total > 0 else { return (RecordPage(records: [], total: 0, next: nil), Selection(total: 0, ordered: nil)) }
        let walk = (q.limit + 1) * range.count / total
        let sort = total * (Int.bitWidth - total.leadingZeroBitCount + 1)
        if walk <= sort {
            var page: [Record] = []
            page.reserveCapacity(min(q.limit, total))
            let member = textOrdinals.map { OrdinalBits($0, capacity: records.count) }
            var i = max(range.lowerBound, q.after.map { insertionPoint(after: $0) } ?? 0)
            let budget = i + max(4 * walk, 1_024)
            while i < range.upperBound, i < budget {
                let ordinal = order[i]
                i += 1
                guard member?.contains(ordinal) ?? true, filter.matches(facets[ordinal]) else { continue }
                if page.count == q.limit {
                    let next = RecordOrderKey(page[page.count - 1])
                    return (RecordPage(records: page, total: total, next: next), Selection(total: total, ordered: nil))
                }
                page.append(records[ordinal])
            }
            if i >= range.upperBound {
                return (RecordPage(records: page, total: total, next: nil), Selection(total: total, ordered: nil))
            }
        }
        var hits: [Int32] = []
        hits.reserveCapacity(total)
        for c in list ?? candidates() where filter.matches(facets[Int(c)]) { hits.append(c) }
        hits.sort { precedes(Int($0), Int($1)) }
        return (slice(hits, q, total: total), Selection(total: total, ordered: hits))
    }

    /// The page after the cursor from all matches in newest-first order.
    private func slice(_ ordered: [Int32], _ q: RecordQuery, total: Int) -> RecordPage {
        var lo = 0
        if let after = q.after {
            // First match after the cursor: `follows` is false, then true, along the order.
            var hi = ordered.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if follows(Int(ordered[mid]), after) { hi = mid } else { lo = mid + 1 }
            }
        }
        let end = min(ordered.count, lo + q.limit)
        let page = ordered[lo..<end].map { records[Int($0)] }
        let next = end < ordered.count && !page.isEmpty ? RecordOrderKey(page[page.count - 1]) : nil
        return RecordPage(records: page, total: total, next: next)
    }

    /// Whether the record at ordinal `a` comes before the one at `b` in the newest-first order
    /// (`RecordOrderKey.<`), comparing integers and falling back to the ids' strings only when
    /// the day and the ids' ASCII prefixes tie.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let fa = facets[a], fb = facets[b]
        if fa.day != fb.day { return fa.day > fb.day }
        if fa.idIsASCII, fb.idIsASCII, fa.idPrefix != fb.idPrefix { return fa.idPrefix > fb.idPrefix }
        return records[a].id > records[b].id
    }

    /// Whether the record at `ordinal` comes after the cursor `key` (`key < RecordOrderKey(record)`).
    private func follows(_ ordinal: Int, _ key: RecordOrderKey) -> Bool {
        let day = facets[ordinal].day
        if day != key.day { return day < key.day }
        return records[ordinal].id < key.id
    }

    /// The key of a text search in a `TextHitCache`: the query's text as the index matches it
    /// (normalised, UTF-8); nil when there is no text to search.
    public static func searchKey(_ q: RecordQuery) -> [UInt8]? {
        guard let text = q.text else { return nil }
        let needle = SearchText.utf8(SearchText.normalize(text))
        return needle.isEmpty ? nil : needle
    }

    /// The records whose text contains `needle` (a `searchKey`), exact for this version.
    /// `cached` — hits for the same needle from an earlier version — is brought up to date by
    /// re-checking only the records changed since, while the change log reaches back that far;
    /// otherwise the needle's postings are intersected and every candidate confirmed.
    public func textHits(_ needle: [UInt8], updating cached: TextHits? = nil) -> TextHits {
        if let cached, cached.version == version { return cached }
        if let cached, cached.version >= changeLogStart, cached.version < version {
            var ordinals = cached.ordinals
            for change in changeLog[(cached.version - changeLogStart)...] {
                let at = SortedOrdinals.position(of: change, in: ordinals)
                let held = at < ordinals.count && ordinals[at] == change
                let matches = SearchText.contains(searchable[Int(change)], needle)
                if held, !matches { ordinals.remove(at: at) }
                if !held, matches { ordinals.insert(change, at: at) }
            }
            return TextHits(version: version, ordinals: ordinals)
        }
        let candidates = self.candidates(for: SearchText.scalars(utf8: needle))
        return TextHits(version: version, ordinals: candidates.filter { SearchText.contains(searchable[Int($0)], needle) })
    }

    /// The positions of `order` a query can match: with from/to, only published records of
    /// those days match, and a published record's order day is its published_on.
    private func dayRange(_ q: RecordQuery) -> Range<Int> {
        var lo = 0, hi = order.count
        if let to = q.to?.dayNumber {
            // First position whose day is not after `to` (days descend along the order).
            var a = 0, b = order.count
            while a < b {
                let mid = (a + b) / 2
                if facets[order[mid]].day > to { a = mid + 1 } else { b = mid }
            }
            lo = a
        }
        if let from = q.from?.dayNumber {
            var a = 0, b = order.count
            while a < b {
                let mid = (a + b) / 2
                if facets[order[mid]].day >= from { a = mid + 1 } else { b = mid }
            }
            hi = a
        }
        return lo..<max(lo, hi)
    }

    /// A query filtered by state and office only: the total from `stateCounts`, the page by
    /// walking the order from the cursor until it is full.
    private func stateOnly(_ q: RecordQuery, _ filter: FacetFilter) -> RecordPage {
        var total = 0
        for (key, n) in stateCounts where n > 0 {
            let facet = Facet(day: 0, published: key.pending ? nil : 0, item: 0, office: key.office, withdrawn: key.withdrawn,
                              idIsASCII: true, idPrefix: 0)
            if filter.matches(facet) { total += n }
        }
        var page: [Record] = []
        var next: RecordOrderKey?
        var i = q.after.map { insertionPoint(after: $0) } ?? 0
        while i < order.count {
            let ordinal = order[i]
            i += 1
            guard filter.matches(facets[ordinal]) else { continue }
            if page.count < q.limit {
                page.append(records[ordinal])
            } else {
                next = RecordOrderKey(page[page.count - 1])
                break
            }
        }
        return RecordPage(records: page, total: total, next: next)
    }

    /// Walks the newest-first order over `range`; records before the cursor still count to the
    /// total. With `knownTotal` it starts at the cursor and stops once the page is full.
    private func scan(_ q: RecordQuery, _ filter: FacetFilter, _ range: Range<Int>, knownTotal: Int?,
                      _ accept: (Int) -> Bool) -> (page: RecordPage, selection: Selection) {
        var page: [Record] = []
        var total = 0
        var next: RecordOrderKey?
        let start = q.after.map { insertionPoint(after: $0) } ?? 0
        let from = knownTotal == nil ? range.lowerBound : max(range.lowerBound, start)
        for i in from..<max(from, range.upperBound) {
            let ordinal = order[i]
            guard filter.matches(facets[ordinal]), accept(ordinal) else { continue }
            total += 1
            guard i >= start else { continue }
            if page.count < q.limit {
                page.append(records[ordinal])
            } else if next == nil {
                next = RecordOrderKey(page[page.count - 1])
                if knownTotal != nil { break }
            }
        }
        let counted = knownTotal ?? total
        return (RecordPage(records: page, total: counted, next: next), Selection(total: counted, ordered: nil))
    }

    /// A `RecordQuery`'s filters over interned item and office codes; sets become lookup
    /// tables indexed by code, so a check costs a load, not a hash.
    private struct FacetFilter {
        var items: [Bool]?
        var office: Int32?
        var includeWithdrawn: Bool
        var onlyPending: Bool
        var pendingVisibleTo: [Bool]?
        var from: Int?
        var to: Int?
        var hasDates: Bool

        /// nil when the query names an office that no record has: nothing can match.
        init?(_ q: RecordQuery, items itemCodes: [String: Int32], offices officeCodes: [String: Int32]) {
            items = q.itemIds.map { Self.table($0, itemCodes) }
            if let name = q.office {
                guard let code = officeCodes[name] else { return nil }
                office = code
            }
            includeWithdrawn = q.includeWithdrawn
            onlyPending = q.onlyPending
            pendingVisibleTo = q.pendingVisibleTo.map { Self.table($0, officeCodes) }
            from = q.from?.dayNumber
            to = q.to?.dayNumber
            hasDates = q.from != nil || q.to != nil
        }

        private static func table(_ names: Set<String>, _ codes: [String: Int32]) -> [Bool] {
            var table = [Bool](repeating: false, count: codes.count)
            for name in names { if let code = codes[name] { table[Int(code)] = true } }
            return table
        }

        func matches(_ f: Facet) -> Bool {
            if let items, !items[Int(f.item)] { return false }
            if let office, f.office != office { return false }
            if f.withdrawn, !includeWithdrawn { return false }
            let pending = f.published == nil
            if onlyPending, !pending { return false }
            if pending, let visible = pendingVisibleTo, !visible[Int(f.office)] { return false }
            if hasDates {
                guard let published = f.published else { return false }
                if let from, published < from { return false }
                if let to, published > to { return false }
            }
            return true
        }
    }

    /// Ascending ordinals in every posting list of the query's keys (merged, no hashing).
    private func candidates(for needle: [Unicode.Scalar]) -> [Int32] {
        let lists = SearchText.queryKeys(of: needle).map { postings[$0] }.sorted { $0.count < $1.count }
        guard var result = lists.first else { return [] }
        for list in lists.dropFirst() {
            result = SortedOrdinals.intersect(result, list)
            if result.isEmpty { break }
        }
        return result
    }

    /// Files `ordinal` under its (current) item's list, in order, once.
    private mutating func addItemOrdinal(_ ordinal: Int) {
        let item = Int(facets[ordinal].item)
        while itemOrdinals.count <= item { itemOrdinals.append([]) }
        let value = Int32(ordinal)
        if itemOrdinals[item].last.map({ $0 < value }) ?? true {
            itemOrdinals[item].append(value)
            return
        }
        var lo = 0, hi = itemOrdinals[item].count
        while lo < hi {
            let mid = (lo + hi) / 2
            if itemOrdinals[item][mid] < value { lo = mid + 1 } else { hi = mid }
        }
        if lo == itemOrdinals[item].count || itemOrdinals[item][lo] != value { itemOrdinals[item].insert(value, at: lo) }
    }

    private mutating func insertPosting(_ key: UInt64, _ ordinal: Int32) {
        postings.insert(ordinal, for: key)
    }

    /// First position whose key is not before `key`.
    private func insertionPoint(_ key: RecordOrderKey) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if RecordOrderKey(records[order[mid]]) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// First position strictly after `key`.
    private func insertionPoint(after key: RecordOrderKey) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if RecordOrderKey(records[order[mid]]) <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func position(of key: RecordOrderKey) -> Int {
        let i = insertionPoint(key)
        precondition(i < order.count && RecordOrderKey(records[order[i]]) == key, "record order out of step")
        return i
    }

    static func searchText(_ r: Record) -> [Unicode.Scalar] {
        SearchText.normalize(searchParts(r).joined(separator: "\n"))
    }

    /// The fields search looks in, in order (joined by "\n", which no index key spans).
    static func searchParts(_ r: Record) -> [String] {
        [r.title, r.documentNumber ?? "", r.indexNumber, r.summary ?? "", r.body ?? ""]
    }
}
