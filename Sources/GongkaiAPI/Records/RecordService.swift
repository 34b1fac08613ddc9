import Glibc
import GongkaiDomain
import GongkaiStorage
import GongkaiSync

/// Creates and changes publication records: durable in the store first, then visible in
/// the in-memory index that serves every read.
final class RecordService: Sendable {
    let store: RecordStore
    let index: ReadWriteLock<RecordIndex>
    let agencyCode: String
    /// False only when GONGKAI_BENCH_SEARCH_SCAN=1: `q` is then answered by scanning every
    /// record instead of the bigram index (same results; for bench/ to show the difference).
    let searchUsesIndex: Bool
    /// Confirmed hits of recent `q` searches: confirming a common needle on every text is
    /// milliseconds at 100k records; a cached result catches up with writes in microseconds.
    private let textHits = PThreadLock(TextHitCache())
    /// Totals (and sorted matches) per query selection, for the current index version.
    private let selections = PThreadLock(SelectionCache())

    init(store: RecordStore, agencyCode: String) {
        self.store = store
        self.agencyCode = agencyCode
        index = ReadWriteLock(RecordIndex(store.snapshot().records.allValues))
        searchUsesIndex = getenv("GONGKAI_BENCH_SEARCH_SCAN").map { String(cString: $0) } != "1"
    }

    func record(id: String) -> Record? { index.read { $0.record(id: id) } }

    /// Records (any state) filed under the given items.
    func ids(referencingItems items: Set<String>) -> [String] {
        index.read { index in index.all.filter { items.contains($0.itemId) }.map(\.id).sorted() }
    }

    /// Which of the given items have any record at all.
    func itemIds(withRecordsAmong items: Set<String>) -> [String] {
        index.read { index in Set(index.all.lazy.filter { items.contains($0.itemId) }.map(\.itemId)).sorted() }
    }

    /// How many records are published, pending and withdrawn.
    func stateCounts() -> [String: Int] {
        index.read { index in
            var counts = ["published": 0, "pending": 0, "withdrawn": 0]
            for r in index.all { counts[r.isWithdrawn ? "withdrawn" : (r.isPending ? "pending" : "published"), default: 0] += 1 }
            return counts
        }
    }

    func allRecords() -> [Record] { index.read { $0.all } }

    func publishedCounts() -> [String: Int] { index.read { $0.publishedCountByItem } }

    func query(_ q: RecordQuery) -> RecordPage { query(q, useIndex: searchUsesIndex) }

    func query(_ q: RecordQuery, useIndex: Bool) -> RecordPage { versionedQuery(q, useIndex: useIndex).page }

    /// The index version now (it moves with every write).
    var version: Int { index.read { $0.version } }

    /// A page with the index version it was read from.
    func versionedQuery(_ q: RecordQuery) -> (page: RecordPage, version: Int) { versionedQuery(q, useIndex: searchUsesIndex) }

    private func versionedQuery(_ q: RecordQuery, useIndex: Bool) -> (page: RecordPage, version: Int) {
        index.read { index in
            // The caches are read and updated under the index's read lock: no write can slip in
            // between, so nothing is stored as exact for a version it was not made from.
            guard useIndex else { return (index.query(q, useIndex: false), index.version) }
            var hits: TextHits?
            if let needle = RecordIndex.searchKey(q) {
                let cached = textHits.withLock { $0[needle] }
                hits = index.textHits(needle, updating: cached)
                if let hits, hits.version != cached?.version { textHits.withLock { $0.remember(hits, for: needle) } }
            }
            let known = selections.withLock { $0.selection(of: q, version: index.version) }
            let (page, selection) = index.query(q, useIndex: true, textHits: hits, selection: known)
            // Also when a walk gave up and sorted: later pages are then slices.
            if known == nil || (known?.isSorted == false && selection.isSorted) {
                selections.withLock { $0.remember(selection, of: q, version: index.version) }
            }
            return (page, index.version)
        }
    }

    /// Registers a new record; it gets the next 索引号 serial of its year. Throws what is wrong
    /// with the request (nothing is written); `then` gets the stored record once it is durable
    /// and visible to reads, or the storage error, on the store's flusher thread.
    func create(_ input: RecordInput, caller: Caller, rules: RecordRules, nowText: String,
                then: @escaping @Sendable (Result<Record, any Error>) -> Void) throws {
        let item = try rules.item(input.itemId.value ?? "")
        let office = try rules.office(for: caller, requested: input.office.value)
        try rules.authorize(caller, office: office, item: item)
        let channels = try rules.channels(input.channels.value, item: item)
        let publishedOn: LocalDate? = input.publishedOn.isAbsent ? rules.today : input.publishedOn.value
        if let related = input.relatedRecordId.value, record(id: related) == nil {
            throw APIError.invalidFields([FieldProblem("related_record_id", "没有记录 \(related)", "no record \(related)")])
        }
        let year = (publishedOn ?? rules.today).year
        var draft = Record(id: "", indexNumber: "", itemId: item.id, office: office, title: input.title.value ?? "",
                           documentNumber: input.documentNumber.value, summary: input.summary.value,
                           body: input.body.value, url: input.url.value.flatMap { $0.isEmpty ? nil : $0 },
                           formedOn: input.formedOn.value ?? rules.today, publishedOn: publishedOn, channels: channels,
                           documentType: input.documentType.value, repealedOn: input.repealedOn.value,
                           relatedRecordId: input.relatedRecordId.value, eventOn: input.eventOn.value,
                           createdBy: caller.tokenName, createdAt: nowText, updatedAt: nowText, version: 1)
        try rules.checkDates(draft)
        let agencyCode = self.agencyCode
        try store.write(audited: { snapshot in
            // Ids must stay unique even if the agency code in config.json ever changes.
            var serial = snapshot.maxSerial(year: year, agencyCode: agencyCode) + 1
            while snapshot.record(id: "\(year)-\(Self.pad5(serial))") != nil { serial += 1 }
            let suffix = "\(year)-\(Self.pad5(serial))"
            draft.id = suffix
            draft.indexNumber = "\(agencyCode)/\(suffix)"
            return RecordLine(record: draft, audit: Self.audit(caller, "record.create", draft, before: nil, at: nowText))
        }, whenDurable: publish(then))
    }

    /// Makes a durable record visible to reads before its writer hears of it. Upserts may
    /// arrive out of order across batches; the index keeps the highest version.
    private func publish(_ then: @escaping @Sendable (Result<Record, any Error>) -> Void)
        -> @Sendable (Result<Record, StorageError>) -> Void {
        let index = self.index
        return { result in
            if case .success(let saved) = result { index.write { $0.upsert(saved) } }
            then(result.mapError { $0 })
        }
    }

    /// Applies a change to an existing record under an If-Match precondition; the audit entry
    /// (`action`, `detail`) is stored in the same line.
    /// Like `create`, `then` gets the changed record once durable and visible.
    func update(id: String, ifMatch: String?, caller: Caller, nowText: String, action: String = "record.update",
                detail: String? = nil, _ change: (inout Record) throws -> Void,
                then: @escaping @Sendable (Result<Record, any Error>) -> Void) throws {
        guard let ifMatch else { throw APIError.preconditionRequired }
        try store.write(audited: { snapshot in
            guard var record = snapshot.records[id] else { throw APIError.notFound(Message("没有记录 \(id)", "no record \(id)")) }
            try Self.authorizeChange(caller, record)
            guard ETags.matches(ifMatch, Self.etag(record)) else { throw APIError.preconditionFailed(current: Self.etag(record)) }
            try change(&record)
            record.version += 1
            record.updatedAt = nowText
            return RecordLine(record: record, audit: Self.audit(caller, action, record, before: record.version - 1,
                                                                at: nowText, detail: detail))
        }, whenDurable: publish(then))
    }

    /// The audit entry of a record write, naming the token (what `Services.recordAudit` makes
    /// for other writes).
    static func audit(_ caller: Caller, _ action: String, _ record: Record, before: Int?, at: String,
                      detail: String? = nil) -> AuditEntry {
        AuditEntry(at: at, token: caller.tokenName, role: caller.role.rawValue, action: action, target: record.id,
                   beforeVersion: before, afterVersion: record.version, detail: detail)
    }

    static func authorizeChange(_ caller: Caller, _ record: Record) throws {
        guard caller.isAdmin || caller.office == record.office else {
            throw APIError.forbidden(Message("只能修改本科室的记录（此记录属于 \(record.office)）", "an office may change only its own records (this one belongs to \(record.office))"))
        }
    }

    /// Whether the caller may see a record (pending ones are their office's and admins' only).
    static func isVisible(_ record: Record, to caller: Caller?) -> Bool {
        guard record.isPending else { return true }
        guard let caller else { return false }
        return caller.isAdmin || caller.office == record.office
    }

    static func etag(_ record: Record) -> String { "\"r\(record.id)-v\(record.version)\"" }

    static func pad5(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 5 ? s : String(repeating: "0", count: 5 - s.count) + s
    }
}
