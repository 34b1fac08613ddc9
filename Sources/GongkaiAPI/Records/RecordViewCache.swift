import GongkaiDomain
import GongkaiStorage
import GongkaiSync

/// What record reads remember between requests (issue 6, floor 3): each record's deadline
/// (`DeadlineCache`) and the JSON bytes of its view. Before, every read recomputed the
/// deadline of every record on the page by walking the calendar and re-encoded ~1 KB of JSON
/// per record — together four fifths of the CPU of a `GET /api/v1/records`.
///
/// Neither can go stale: a deadline entry is used only while its inputs are unchanged (see
/// `DeadlineCache`), and encoded bytes only for the same record version (every change bumps
/// it; it is what the record's ETag promises) with the same deadline — the view's one field
/// that is not stored.
final class RecordViewCache: Sendable {
    private let deadlineCache: PThreadLock<DeadlineCache>
    private let encoded: PThreadLock<EncodedViews>

    init(deadlineCapacity: Int = 16_384, encodedCapacityBytes: Int = 4 << 20) {
        deadlineCache = PThreadLock(DeadlineCache(capacity: deadlineCapacity))
        encoded = PThreadLock(EncodedViews(capacityBytes: encodedCapacityBytes))
    }

    /// The deadline of each record, computed only for those not remembered.
    func deadlines(_ records: [Record], calculator: DeadlineCalculator, calendarVersion: Int, today: LocalDate,
                   inputs: (Record) -> (rule: DeadlineRule, relatedPublishedOn: LocalDate?)) -> [DeadlineStatus] {
        // Looked up outside the lock: `inputs` reads the record index.
        let looked = records.map(inputs)
        return deadlineCache.withLock { cache in
            records.indices.map { i in
                cache.status(of: records[i], rule: looked[i].rule, relatedPublishedOn: looked[i].relatedPublishedOn,
                             today: today, calculator: calculator, calendarVersion: calendarVersion)
            }
        }
    }

    /// Appends the JSON of each record's view, comma-separated, encoding only those not
    /// remembered (outside the lock) and remembering them.
    func appendJSON(_ records: [Record], _ deadlines: [DeadlineStatus], to out: inout [UInt8]) {
        var parts = encoded.withLock { cache in
            records.indices.map { cache.bytes(id: records[$0].id, version: records[$0].version, deadline: deadlines[$0]) }
        }
        var fresh: [Int] = []
        for i in records.indices where parts[i] == nil {
            parts[i] = RecordJSON.view(RecordView(record: records[i], state: RecordView.state(of: records[i]),
                                                  deadline: deadlines[i]))
            fresh.append(i)
        }
        if !fresh.isEmpty {
            encoded.withLock { cache in
                for i in fresh {
                    cache.remember(parts[i]!, id: records[i].id, version: records[i].version, deadline: deadlines[i])
                }
            }
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
    private struct Entry {
        var version: Int
        var deadline: DeadlineStatus
        var bytes: [UInt8]
    }

    private var entries: [String: Entry] = [:]
    private var size = 0
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    func bytes(id: String, version: Int, deadline: DeadlineStatus) -> [UInt8]? {
        guard let entry = entries[id], entry.version == version, entry.deadline == deadline else { return nil }
        return entry.bytes
    }

    mutating func remember(_ bytes: [UInt8], id: String, version: Int, deadline: DeadlineStatus) {
        if size + bytes.count > capacityBytes {
            entries.removeAll(keepingCapacity: true)
            size = 0
        }
        let entry = Entry(version: version, deadline: deadline, bytes: bytes)
        if let old = entries.updateValue(entry, forKey: id) { size -= old.bytes.count }
        size += bytes.count
    }
}
