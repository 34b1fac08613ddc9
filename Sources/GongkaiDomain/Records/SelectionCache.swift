/// What each recent query selection (`RecordQuery.selection`) yielded, for one index version:
/// its total and, when it had to sort its matches, the sorted matches (`RecordIndex.Selection`).
///
/// `total` is part of the API, and counting it means visiting every match (20k records for a
/// busy item at 100k), while a page needs only the first limit + 1 from the cursor. Pages of
/// one list differ only in cursor and limit, so this is worked out once per index version and
/// reused. Any write makes every entry stale (the version moves). Bounded by entries and by
/// ordinals held: when a new entry would pass either, it starts again empty.
public struct SelectionCache: Sendable {
    private var version = 0
    private var entries: [RecordQuery: RecordIndex.Selection] = [:]
    private var ordinals = 0
    public let maxEntries: Int
    public let maxOrdinals: Int

    public init(maxEntries: Int = 512, maxOrdinals: Int = 250_000) {
        self.maxEntries = maxEntries
        self.maxOrdinals = maxOrdinals
    }

    /// What `q`'s selection yielded at index `version`, if remembered.
    public func selection(of q: RecordQuery, version: Int) -> RecordIndex.Selection? {
        version == self.version ? entries[q.selection] : nil
    }

    public mutating func remember(_ selection: RecordIndex.Selection, of q: RecordQuery, version: Int) {
        guard version >= self.version else { return }  // a reader of an older index, late
        let key = q.selection
        let full = entries[key] == nil && entries.count >= maxEntries
        if version != self.version || full || ordinals + selection.size > maxOrdinals {
            entries.removeAll(keepingCapacity: true)
            ordinals = 0
            self.version = version
        }
        ordinals += selection.size - (entries.updateValue(selection, forKey: key)?.size ?? 0)
    }
}
