/// The in-memory register of records: newest-first order, filters, keyset paging and an
/// n-gram index for Chinese substring search. Updated in place per write, so the cost of one
/// write does not grow with the number of records (apart from one array insertion).
public struct RecordIndex: Sendable {
    private var records: [Record] = []
    /// Each record's normalised search text, as UTF-8.
    private var searchable: [[UInt8]] = []
    private var ordinals: [String: Int] = [:]
    /// Ordinals in newest-first order.
    private var order: [Int] = []
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
    }

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
        order = Array(0..<all.count).sorted { a, b in
            facets[a].day != facets[b].day ? facets[a].day > facets[b].day : all[a].id > all[b].id
        }
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
        } else {
            append(record)
            order.insert(records.count - 1, at: insertionPoint(RecordOrderKey(record)))
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
              withdrawn: r.isWithdrawn)
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

    /// Runs a query. `useIndex: false` scans every record instead (kept for benchmarks).
    ///
    /// Filters read the integer facets only; a `Record` is copied just for the page. With the
    /// index, the candidates (the intersection of the query's postings) are filtered and then
    /// put in newest-first order themselves, so the cost follows the number of hits rather than
    /// the size of the register.
    public func query(_ q: RecordQuery, useIndex: Bool = true) -> RecordPage {
        let needle = q.text.map(SearchText.normalize) ?? []
        let needleBytes = SearchText.utf8(needle)
        guard let filter = FacetFilter(q, items: itemCodes, offices: officeCodes) else {
            return RecordPage(records: [], total: 0, next: nil)  // names an office no record has
        }
        let empty = RecordPage(records: [], total: 0, next: nil)
        let range = dayRange(q)
        let textTest: ((Int) -> Bool)? = needle.isEmpty ? nil : { SearchText.contains(searchable[$0], needleBytes) }
        // Candidates, ascending ordinals: the text's postings and/or the named items' records.
        var candidates: [Int32]?
        if !needle.isEmpty, useIndex {
            candidates = self.candidates(for: needle)
        }
        if let names = q.itemIds {
            var union: [Int32] = []
            for name in names { if let code = itemCodes[name] { union += itemOrdinals[Int(code)] } }
            union.sort()
            union = Self.unique(union)
            candidates = candidates.map { Self.intersect($0, union) } ?? union
        }
        if let candidates {
            if candidates.isEmpty { return empty }
            // Many hits: one pass over the order with a bitmap beats sorting them.
            if candidates.count > range.count / 16 {
                var isCandidate = [Bool](repeating: false, count: records.count)
                for ordinal in candidates { isCandidate[Int(ordinal)] = true }
                return scan(q, filter, range) { isCandidate[$0] && (textTest?($0) ?? true) }
            }
            var hits: [Int] = []
            for candidate in candidates {
                let ordinal = Int(candidate)
                if filter.matches(facets[ordinal]), textTest?(ordinal) ?? true { hits.append(ordinal) }
            }
            hits.sort { a, b in
                facets[a].day != facets[b].day ? facets[a].day > facets[b].day : records[a].id > records[b].id
            }
            var total = 0
            var page: [Record] = []
            var next: RecordOrderKey?
            for ordinal in hits {
                total += 1
                if let after = q.after, !(after < RecordOrderKey(day: facets[ordinal].day, id: records[ordinal].id)) { continue }
                if page.count < q.limit {
                    page.append(records[ordinal])
                } else if next == nil {
                    next = RecordOrderKey(page[page.count - 1])
                }
            }
            return RecordPage(records: page, total: total, next: next)
        }
        if let textTest { return scan(q, filter, range, textTest) }
        if q.from == nil, q.to == nil { return stateOnly(q, filter) }
        return scan(q, filter, range) { _ in true }
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

    private static func unique(_ sorted: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(sorted.count)
        for x in sorted where out.last != x { out.append(x) }
        return out
    }

    /// The common elements of two ascending lists (galloping through the longer one).
    private static func intersect(_ short: [Int32], _ long: [Int32]) -> [Int32] {
        let (result, list) = short.count <= long.count ? (short, long) : (long, short)
        var kept: [Int32] = []
        kept.reserveCapacity(result.count)
        var j = 0
        let gallop = list.count > 8 * result.count
        for ordinal in result {
            if gallop {
                var step = 1
                while j + step < list.count, list[j + step] < ordinal { j += step; step *= 2 }
                var lo = j, hi = min(j + step, list.count)
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if list[mid] < ordinal { lo = mid + 1 } else { hi = mid }
                }
                j = lo
            } else {
                while j < list.count, list[j] < ordinal { j += 1 }
            }
            if j == list.count { break }
            if list[j] == ordinal { kept.append(ordinal) }
        }
        return kept
    }

    /// A query filtered by state and office only: the total from `stateCounts`, the page by
    /// walking the order from the cursor until it is full.
    private func stateOnly(_ q: RecordQuery, _ filter: FacetFilter) -> RecordPage {
        var total = 0
        for (key, n) in stateCounts where n > 0 {
            let facet = Facet(day: 0, published: key.pending ? nil : 0, item: 0, office: key.office, withdrawn: key.withdrawn)
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

    /// Walks the whole newest-first order; records before the cursor still count to the total.
    private func scan(_ q: RecordQuery, _ filter: FacetFilter, _ range: Range<Int>, _ accept: (Int) -> Bool) -> RecordPage {
        var page: [Record] = []
        var total = 0
        var next: RecordOrderKey?
        let start = q.after.map { insertionPoint(after: $0) } ?? 0
        for i in range {
            let ordinal = order[i]
            guard filter.matches(facets[ordinal]), accept(ordinal) else { continue }
            total += 1
            guard i >= start else { continue }
            if page.count < q.limit {
                page.append(records[ordinal])
            } else if next == nil {
                next = RecordOrderKey(page[page.count - 1])
            }
        }
        return RecordPage(records: page, total: total, next: next)
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
            result = Self.intersect(result, list)
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
