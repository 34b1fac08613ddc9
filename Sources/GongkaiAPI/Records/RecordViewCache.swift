import GongkaiDomain
import GongkaiStorage

/// What record reads remember between requests (issue 6, floor 3): each record's deadline
/// (`DeadlineCache`) and the JSON bytes of its view. Before, every read recomputed the
/// deadline of every record on the page by walking the calendar and re-encoded ~1 KB of JSON
/// per record — together four fifths of the CPU of a `GET /api/v1/records`.
///
/// Neither can go stale: a deadline entry is used only while its inputs are unchanged (see
/// `DeadlineCache`), and encoded bytes are used only for a view equal to the one they were
/// encoded from (record, state and deadline; strings that share storage compare by identity,
/// so the check is cheap).
final class RecordViewCache: Sendable {
    private let deadlineCache: PThreadLock<DeadlineCache>
    private let encoded: PThreadLock<EncodedViews>

    init(deadlineCapacity: Int = 20_000, encodedCapacityBytes: Int = 8 << 20) {
        deadlineCache = PThreadLock(DeadlineCache(capacity: deadlineCapacity))
        encoded = PThreadLock(EncodedViews(capacityBytes: encodedCapacityBytes))
    }

    /// The deadline of each record, computed only for those not remembered.
    func deadlines(_ records: [Record], calculator: DeadlineCalculator, calendarVersion: Int, today: LocalDate,
                   inputs: (Record) -> (rule: DeadlineRule, relatedPublishedOn: LocalDate?)) -> [DeadlineStatus] {
        // The inputs are looked up outside the lock: `inputs` reads the record index.
        let looked = records.map(inputs)
        return deadlineCache.withLock { cache in
            zip(records, looked).map { r, input in
                cache.status(of: r, rule: input.rule, relatedPublishedOn: input.relatedPublishedOn, today: today,
                             calculator: calculator, calendarVersion: calendarVersion)
            }
        }
    }

    /// Appends the JSON of each view, comma-separated, encoding only those not remembered
    /// (outside the lock) and remembering them.
    func appendJSON(_ views: [RecordView], to out: inout [UInt8]) {
        var parts = encoded.withLock { cache in views.map { cache.bytes(for: $0) } }
        var fresh: [(RecordView, [UInt8])] = []
        for i in views.indices where parts[i] == nil {
            let bytes = RecordJSON.view(views[i])
            parts[i] = bytes
            fresh.append((views[i], bytes))
        }
        if !fresh.isEmpty {
            encoded.withLock { cache in for (view, bytes) in fresh { cache.remember(bytes, for: view) } }
        }
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(contentsOf: part!)
        }
    }
}

/// Encoded views by record id, bounded by their total size: when full it starts again empty
/// (no LRU bookkeeping on the read path; a page costs one encoding more afterwards).
struct EncodedViews: Sendable {
    private var entries: [String: (view: RecordView, bytes: [UInt8])] = [:]
    private var size = 0
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    func bytes(for view: RecordView) -> [UInt8]? {
        guard let entry = entries[view.record.id], entry.view == view else { return nil }
        return entry.bytes
    }

    mutating func remember(_ bytes: [UInt8], for view: RecordView) {
        if size + bytes.count > capacityBytes {
            entries.removeAll(keepingCapacity: true)
            size = 0
        }
        if let old = entries.updateValue((view, bytes), forKey: view.record.id) { size -= old.bytes.count }
        size += bytes.count
    }
}
