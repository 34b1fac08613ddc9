/// The records whose search text contains a needle, confirmed on the text: what a `q` search
/// starts from. Confirming a common needle means a substring check of thousands of texts
/// (`太平新城`: ~10k at 100k records, ~3 ms), so the result is kept (`TextHitCache`) and
/// brought up to date from the index's change log instead of being recomputed per request.
public struct TextHits: Sendable {
    /// The index version (`RecordIndex.version`) the ordinals are exact for.
    public let version: Int
    /// Ascending ordinals of the matching records.
    public let ordinals: [Int32]

    public var count: Int { ordinals.count }
}

/// Text hits by normalised needle, for the index version each was made at. Bounded: when a
/// new entry would pass either limit the cache starts again empty (a search costs one full
/// computation more afterwards; no LRU bookkeeping on the read path).
public struct TextHitCache: Sendable {
    private var entries: [[UInt8]: TextHits] = [:]
    private var ordinals = 0
    public let maxEntries: Int
    public let maxOrdinals: Int

    public init(maxEntries: Int = 256, maxOrdinals: Int = 500_000) {
        self.maxEntries = maxEntries
        self.maxOrdinals = maxOrdinals
    }

    public subscript(needle: [UInt8]) -> TextHits? { entries[needle] }

    public var count: Int { entries.count }

    /// Keeps `hits` unless a result of a later version is already held.
    public mutating func remember(_ hits: TextHits, for needle: [UInt8]) {
        let old = entries[needle]
        if let old, old.version >= hits.version { return }
        if old == nil, entries.count >= maxEntries || ordinals + hits.count > maxOrdinals {
            entries.removeAll(keepingCapacity: true)
            ordinals = 0
        }
        ordinals += hits.count - (entries.updateValue(hits, forKey: needle)?.count ?? 0)
    }
}
