/// What a client asked of the record list. Empty fields filter nothing.
public struct RecordQuery: Sendable, Hashable {
    public var itemIds: Set<String>?
    public var office: String?
    /// Inclusive bounds on `published_on`.
    public var from: LocalDate?
    public var to: LocalDate?
    /// Substring searched in 标题, 文号, 索引号, 摘要 and 正文 (case-insensitive for Latin letters).
    public var text: String?
    public var includeWithdrawn = false
    /// Offices whose pending records the caller may see; nil means every office (an admin).
    public var pendingVisibleTo: Set<String>? = []
    /// Only pending records (the office's to-do list).
    public var onlyPending = false
    public var limit = 20
    public var after: RecordOrderKey?

    public init() {}

    /// The same query without its cursor and page size: what `RecordPage.total` depends on.
    public var selection: RecordQuery {
        var q = self
        q.after = nil
        q.limit = 0
        return q
    }
}

/// One page of a record list.
public struct RecordPage: Sendable {
    public var records: [Record]
    /// How many records match in all, across pages.
    public var total: Int
    /// The cursor of the next page, nil on the last one.
    public var next: RecordOrderKey?
}
