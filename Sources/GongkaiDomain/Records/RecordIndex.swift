/// The in-memory register of records: newest-first order, filters, keyset paging and an
/// n-gram index for Chinese substring search. Updated in place per write, so the cost of one
/// write does not grow with the number of records (apart from one array insertion).
public struct RecordIndex: Sendable {
    private var records: [Record] = []
    private var searchable: [[Unicode.Scalar]] = []
    private var ordinals: [String: Int] = [:]
    /// Ordinals in newest-first order.
    private var order: [Int] = []
    /// Index key → ascending ordinals of records whose text has that key (a superset after
    /// edits; every hit is confirmed against the text).
    private var postings: [UInt64: [Int32]] = [:]
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

    public init<S: Sequence>(_ records: S) where S.Element == Record {
        for r in records { upsert(r) }
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
            count(old, -1)
            count(record, +1)
            records[ordinal] = record
            facets[ordinal] = facet(record)
            if oldKey != newKey { order.insert(ordinal, at: insertionPoint(newKey)) }
            let text = Self.searchText(record)
            let added = SearchText.keys(of: text).subtracting(SearchText.keys(of: searchable[ordinal]))
            searchable[ordinal] = text
            for key in added { insertPosting(key, Int32(ordinal)) }
        } else {
            let ordinal = records.count
            records.append(record)
            facets.append(facet(record))
            let text = Self.searchText(record)
            searchable.append(text)
            ordinals[record.id] = ordinal
            for key in SearchText.keys(of: text) { postings[key, default: []].append(Int32(ordinal)) }
            order.insert(ordinal, at: insertionPoint(RecordOrderKey(record)))
            count(record, +1)
        }
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
        guard let filter = FacetFilter(q, items: itemCodes, offices: officeCodes) else {
            return RecordPage(records: [], total: 0, next: nil)  // names an office no record has
        }
        if !needle.isEmpty, useIndex {
            let candidates = self.candidates(for: needle)
            if candidates.isEmpty { return RecordPage(records: [], total: 0, next: nil) }
            // Many hits: one pass over the order with a bitmap beats sorting them.
            if candidates.count > order.count / 16 {
                var isCandidate = [Bool](repeating: false, count: records.count)
                for ordinal in candidates { isCandidate[Int(ordinal)] = true }
                return scan(q, filter) { isCandidate[$0] && SearchText.contains(searchable[$0], needle) }
            }
            var hits: [Int] = []
            for candidate in candidates {
                let ordinal = Int(candidate)
                if filter.matches(facets[ordinal]), SearchText.contains(searchable[ordinal], needle) { hits.append(ordinal) }
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
        if needle.isEmpty, q.itemIds == nil, q.from == nil, q.to == nil { return stateOnly(q, filter) }
        if needle.isEmpty { return scan(q, filter) { _ in true } }
        return scan(q, filter) { SearchText.contains(searchable[$0], needle) }
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
    private func scan(_ q: RecordQuery, _ filter: FacetFilter, _ accept: (Int) -> Bool) -> RecordPage {
        var page: [Record] = []
        var total = 0
        var next: RecordOrderKey?
        let start = q.after.map { insertionPoint(after: $0) } ?? 0
        for i in order.indices {
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

    /// A `RecordQuery`'s filters over interned item and office codes.
    private struct FacetFilter {
        var items: Set<Int32>?
        var office: Int32?
        var includeWithdrawn: Bool
        var onlyPending: Bool
        var pendingVisibleTo: Set<Int32>?
        var from: Int?
        var to: Int?
        var hasDates: Bool

        /// nil when the query names an office that no record has: nothing can match.
        init?(_ q: RecordQuery, items itemCodes: [String: Int32], offices officeCodes: [String: Int32]) {
            items = q.itemIds.map { Set($0.compactMap { itemCodes[$0] }) }
            if let name = q.office {
                guard let code = officeCodes[name] else { return nil }
                office = code
            }
            includeWithdrawn = q.includeWithdrawn
            onlyPending = q.onlyPending
            pendingVisibleTo = q.pendingVisibleTo.map { Set($0.compactMap { officeCodes[$0] }) }
            from = q.from?.dayNumber
            to = q.to?.dayNumber
            hasDates = q.from != nil || q.to != nil
        }

        func matches(_ f: Facet) -> Bool {
            if let items, !items.contains(f.item) { return false }
            if let office, f.office != office { return false }
            if f.withdrawn, !includeWithdrawn { return false }
            let pending = f.published == nil
            if onlyPending, !pending { return false }
            if pending, let visible = pendingVisibleTo, !visible.contains(f.office) { return false }
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
        let lists = SearchText.queryKeys(of: needle).map { postings[$0] ?? [] }.sorted { $0.count < $1.count }
        guard var result = lists.first else { return [] }
        for list in lists.dropFirst() {
            var kept: [Int32] = []
            kept.reserveCapacity(result.count)
            var j = 0
            for ordinal in result {
                while j < list.count, list[j] < ordinal { j += 1 }
                if j == list.count { break }
                if list[j] == ordinal { kept.append(ordinal) }
            }
            result = kept
            if result.isEmpty { break }
        }
        return result
    }

    private mutating func insertPosting(_ key: UInt64, _ ordinal: Int32) {
        var list = postings[key, default: []]
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < ordinal { lo = mid + 1 } else { hi = mid }
        }
        if lo == list.count || list[lo] != ordinal { list.insert(ordinal, at: lo) }
        postings[key] = list
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
        let parts = [r.title, r.documentNumber ?? "", r.indexNumber, r.summary ?? "", r.body ?? ""]
        return SearchText.normalize(parts.joined(separator: "\n"))
    }
}
