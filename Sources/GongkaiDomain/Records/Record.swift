/// A 发布记录: one piece of information an office published (or registered to publish)
/// under a catalogue item.
public struct Record: Sendable, Equatable, Codable {
    public var id: String
    /// 索引号 `<agency code>/<year>-<5-digit serial>`: unique, never reused, never changed.
    public var indexNumber: String
    public var itemId: String
    public var office: String
    public var title: String
    /// 文号
    public var documentNumber: String?
    public var summary: String?
    public var body: String?
    public var url: String?
    /// 形成/成文日期: the day the information was formed or changed.
    public var formedOn: LocalDate
    /// nil while the record is pending (registered before publication).
    public var publishedOn: LocalDate?
    public var channels: [Channel]
    /// 规章, 行政规范性文件 or 其他 — feeds the annual report.
    public var documentType: String?
    public var repealedOn: LocalDate?
    /// The policy record a 解读 explains (its publication starts the 解读's clock).
    public var relatedRecordId: String?
    /// A date the item's rule counts from, e.g. the day a consultation closed.
    public var eventOn: LocalDate?
    public var withdrawn: Withdrawal?
    /// The token name that created the record.
    public var createdBy: String
    public var createdAt: String
    public var updatedAt: String
    /// Bumped on every change; the ETag is derived from it.
    public var version: Int

    public init(id: String, indexNumber: String, itemId: String, office: String, title: String,
                documentNumber: String? = nil, summary: String? = nil, body: String? = nil, url: String? = nil,
                formedOn: LocalDate, publishedOn: LocalDate?, channels: [Channel],
                documentType: String? = nil, repealedOn: LocalDate? = nil,
                relatedRecordId: String? = nil, eventOn: LocalDate? = nil, withdrawn: Withdrawal? = nil,
                createdBy: String, createdAt: String, updatedAt: String, version: Int) {
        self.id = id
        self.indexNumber = indexNumber
        self.itemId = itemId
        self.office = office
        self.title = title
        self.documentNumber = documentNumber
        self.summary = summary
        self.body = body
        self.url = url
        self.formedOn = formedOn
        self.publishedOn = publishedOn
        self.channels = channels
        self.documentType = documentType
        self.repealedOn = repealedOn
        self.relatedRecordId = relatedRecordId
        self.eventOn = eventOn
        self.withdrawn = withdrawn
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    public var isPending: Bool { publishedOn == nil }
    public var isWithdrawn: Bool { withdrawn != nil }

    enum CodingKeys: String, CodingKey {
        case id, office, title, summary, body, url, channels, withdrawn, version
        case indexNumber = "index_number"
        case itemId = "item_id"
        case documentNumber = "document_number"
        case formedOn = "formed_on"
        case publishedOn = "published_on"
        case documentType = "document_type"
        case repealedOn = "repealed_on"
        case relatedRecordId = "related_record_id"
        case eventOn = "event_on"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    // Absent values are written as null so every client sees the full shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(indexNumber, forKey: .indexNumber)
        try c.encode(itemId, forKey: .itemId)
        try c.encode(office, forKey: .office)
        try c.encode(title, forKey: .title)
        try c.encode(documentNumber, forKey: .documentNumber)
        try c.encode(summary, forKey: .summary)
        try c.encode(body, forKey: .body)
        try c.encode(url, forKey: .url)
        try c.encode(formedOn, forKey: .formedOn)
        try c.encode(publishedOn, forKey: .publishedOn)
        try c.encode(channels, forKey: .channels)
        try c.encode(documentType, forKey: .documentType)
        try c.encode(repealedOn, forKey: .repealedOn)
        try c.encode(relatedRecordId, forKey: .relatedRecordId)
        try c.encode(eventOn, forKey: .eventOn)
        try c.encode(withdrawn, forKey: .withdrawn)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
    }
}

/// A withdrawn record is kept, with why and when, and hidden from lists by default.
public struct Withdrawal: Sendable, Equatable, Codable {
    public var reason: String
    public var at: String
    public var by: String

    public init(reason: String, at: String, by: String) {
        self.reason = reason
        self.at = at
        self.by = by
    }
}
