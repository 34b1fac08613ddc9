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
            if oldKey != newKey { order.insert(ordinal, at: insertionPoint(newKey)) }
            let text = Self.searchText(record)
            let added = SearchText.keys(of: text).subtracting(SearchText.keys(of: searchable[ordinal]))
            searchable[ordinal] = text
            for key in added { insertPosting(key, Int32(ordinal)) }
        } else {
            let ordinal = records.count
            records.append(record)
            let text = Self.searchText(record)
            searchable.append(text)
            ordinals[record.id] = ordinal
            for key in SearchText.keys(of: text) { postings[key, default: []].append(Int32(ordinal)) }
            order.insert(ordinal, at: insertionPoint(RecordOrderKey(record)))
            count(record, +1)
        }
    }

    private mutating func count(_ r: Record, _ delta: Int) {
        guard !r.isPending, !r.isWithdrawn else { return }
        publishedCountByItem[r.itemId, default: 0] += delta
    }

    /// Runs a query. `useIndex: false` scans every record instead (kept for benchmarks).
    public func query(_ q: RecordQuery, useIndex: Bool = true) -> RecordPage {
        let needle = q.text.map(SearchText.normalize) ?? []
        var candidates: Set<Int32>?
        if !needle.isEmpty, useIndex {
            candidates = self.candidates(for: needle)
            if candidates?.isEmpty == true { return RecordPage(records: [], total: 0, next: nil) }
        }
        var page: [Record] = []
        var total = 0
        var next: RecordOrderKey?
        let start = q.after.map { insertionPoint(after: $0) } ?? 0
        // Records before the cursor still count towards the total.
        for (i, ordinal) in order.enumerated() {
            if let candidates, !candidates.contains(Int32(ordinal)) { continue }
            let record = records[ordinal]
            guard matches(record, q), needle.isEmpty || SearchText.contains(searchable[ordinal], needle) else { continue }
            total += 1
            guard i >= start else { continue }
            if page.count < q.limit {
                page.append(record)
            } else if next == nil {
                next = RecordOrderKey(page[page.count - 1])
            }
        }
        return RecordPage(records: page, total: total, next: next)
    }

    private func matches(_ r: Record, _ q: RecordQuery) -> Bool {
        if let items = q.itemIds, !items.contains(r.itemId) { return false }
        if let office = q.office, r.office != office { return false }
        if r.isWithdrawn, !q.includeWithdrawn { return false }
        if q.onlyPending, !r.isPending { return false }
        if r.isPending, let visible = q.pendingVisibleTo, !visible.contains(r.office) { return false }
        if q.from != nil || q.to != nil {
            guard let published = r.publishedOn else { return false }
            if let from = q.from, published < from { return false }
            if let to = q.to, published > to { return false }
        }
        return true
    }

    private func candidates(for needle: [Unicode.Scalar]) -> Set<Int32> {
        let lists = SearchText.queryKeys(of: needle).map { postings[$0] ?? [] }.sorted { $0.count < $1.count }
        guard var result = lists.first.map(Set.init) else { return [] }
        for list in lists.dropFirst() {
            result.formIntersection(list)
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
