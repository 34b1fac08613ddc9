import GongkaiDomain
import GongkaiStorage
import GongkaiSync

/// Encoded `GET /api/v1/records` answers, reused while nothing they were made from changed:
/// the register (its index version), the calendar, the catalogue (item rules) and the day in
/// China. The public first page and a handful of filters take most of the reads, and between
/// two writes their bytes are the same; "encode once, reuse bytes", as for the catalogue.
/// The query itself is part of the key, caller visibility included (`pendingVisibleTo`).
///
/// Bounded by bytes: when full it starts again empty.
final class RecordPageCache: Sendable {
    /// Everything but the query that a list body depends on.
    struct Stamp: Equatable, Sendable {
        var index: Int
        var calendar: Int
        var catalogue: Int
        var today: LocalDate
    }

    struct Entry: Sendable {
        var stamp: Stamp
        var body: [UInt8]
        var etag: String
    }

    private let state: PThreadLock<(entries: [RecordQuery: Entry], size: Int)>
    let capacityBytes: Int

    init(capacityBytes: Int = 4 << 20) {
        state = PThreadLock(([:], 0))
        self.capacityBytes = capacityBytes
    }

    func entry(for q: RecordQuery, stamp: Stamp) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[q], entry.stamp == stamp else { return nil }
            return entry
        }
    }

    func remember(_ entry: Entry, for q: RecordQuery) {
        guard entry.body.count <= capacityBytes / 4 else { return }
        state.withLock { state in
            if state.size + entry.body.count > capacityBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.size = 0
            }
            if let old = state.entries.updateValue(entry, forKey: q) { state.size -= old.body.count }
            state.size += entry.body.count
        }
    }
}
