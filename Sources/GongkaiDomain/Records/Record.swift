/// A 发布记录: one piece of information an office published (or registered to publish)
/// under a catalogue item.
///
/// A value type whose fields live in one shared, immutable box: copying a `Record` copies a
/// pointer. The store's durable snapshot and the API's index hold the same records, and with
/// the fields inline each held its own ~400-byte copy of all 100k of them (RSS at 100k
/// records, issue 6); now both point at one box. Setting a field makes a new box (copy on
/// write), so a record handed to another thread never changes under it.
public struct Record: Sendable, Equatable, Codable {
    private var box: Box
    public var id: String {
        get { box.fields.id }
        set { change { $0.id = newValue } }
    }
    /// 索引号 `<agency code>/<year>-<5-digit serial>`: unique, never reused, never changed.
    public var indexNumber: String {
        get { box.fields.indexNumber }
        set { change { $0.indexNumber = newValue } }
    }
    public var itemId: String {
        get { box.fields.itemId }
        set { change { $0.itemId = newValue } }
    }
    public var office: String {
        get { box.fields.office }
        set { change { $0.office = newValue } }
    }
    public var title: String {
        get { box.fields.title }
        set { change { $0.title = newValue } }
    }
    /// 文号
    public var documentNumber: String? {
        get { box.fields.documentNumber }
        set { change { $0.documentNumber = newValue } }
    }
    public var summary: String? {
        get { box.fields.summary }
        set { change { $0.summary = newValue } }
    }
    public var body: String? {
        get { box.fields.body }
        set { change { $0.body = newValue } }
    }
    public var url: String? {
        get { box.fields.url }
        set { change { $0.url = newValue } }
    }
    /// 形成/成文日期: the day the information was formed or changed.
    public var formedOn: LocalDate {
        get { box.fields.formedOn }
        set { change { $0.formedOn = newValue } }
    }
    /// nil while the record is pending (registered before publication).
    public var publishedOn: LocalDate? {
        get { box.fields.publishedOn }
        set { change { $0.publishedOn = newValue } }
    }
    public var channels: [Channel] {
        get { box.fields.channels }
        set { change { $0.channels = newValue } }
    }
    /// 规章, 行政规范性文件 or 其他 — feeds the annual report.
    public var documentType: String? {
        get { box.fields.documentType }
        set { change { $0.documentType = newValue } }
    }
    public var repealedOn: LocalDate? {
        get { box.fields.repealedOn }
        set { change { $0.repealedOn = newValue } }
    }
    /// The policy record a 解读 explains (its publication starts the 解读's clock).
    public var relatedRecordId: String? {
        get { box.fields.relatedRecordId }
        set { change { $0.relatedRecordId = newValue } }
    }
    /// A date the item's rule counts from, e.g. the day a consultation closed.
    public var eventOn: LocalDate? {
        get { box.fields.eventOn }
        set { change { $0.eventOn = newValue } }
    }
    public var withdrawn: Withdrawal? {
        get { box.fields.withdrawn }
        set { change { $0.withdrawn = newValue } }
    }
    /// The token name that created the record.
    public var createdBy: String {
        get { box.fields.createdBy }
        set { change { $0.createdBy = newValue } }
    }
    public var createdAt: String {
        get { box.fields.createdAt }
        set { change { $0.createdAt = newValue } }
    }
    public var updatedAt: String {
        get { box.fields.updatedAt }
        set { change { $0.updatedAt = newValue } }
    }
    /// Bumped on every change; the ETag is derived from it.
    public var version: Int {
        get { box.fields.version }
        set { change { $0.version = newValue } }
    }

    public init(id: String, indexNumber: String, itemId: String, office: String, title: String,
                documentNumber: String? = nil, summary: String? = nil, body: String? = nil, url: String? = nil,
                formedOn: LocalDate, publishedOn: LocalDate?, channels: [Channel],
                documentType: String? = nil, repealedOn: LocalDate? = nil,
                relatedRecordId: String? = nil, eventOn: LocalDate? = nil, withdrawn: Withdrawal? = nil,
                createdBy: String, createdAt: String, updatedAt: String, version: Int) {
        box = Box(Fields(
            id: id,
            indexNumber: indexNumber,
            itemId: itemId,
            office: office,
            title: title,
            documentNumber: documentNumber,
            summary: summary,
            body: body,
            url: url,
            formedOn: formedOn,
            publishedOn: publishedOn,
            channels: channels,
            documentType: documentType,
            repealedOn: repealedOn,
            relatedRecordId: relatedRecordId,
            eventOn: eventOn,
            withdrawn: withdrawn,
            createdBy: createdBy,
            createdAt: createdAt,
            updatedAt: updatedAt,
            version: version))
    }

    public var isPending: Bool { publishedOn == nil }
    public var isWithdrawn: Bool { withdrawn != nil }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// The stored fields.
    struct Fields: Sendable, Equatable {
        var id: String
        var indexNumber: String
        var itemId: String
        var office: String
        var title: String
        var documentNumber: String?
        var summary: String?
        var body: String?
        var url: String?
        var formedOn: LocalDate
        var publishedOn: LocalDate?
        var channels: [Channel]
        var documentType: String?
        var repealedOn: LocalDate?
        var relatedRecordId: String?
        var eventOn: LocalDate?
        var withdrawn: Withdrawal?
        var createdBy: String
        var createdAt: String
        var updatedAt: String
        var version: Int
    }

    /// Immutable, hence `Sendable` without locks: a change makes a new box.
    final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private mutating func change(_ apply: (inout Fields) -> Void) {
        var fields = box.fields
        apply(&fields)
        box = Box(fields)
    }

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

    /// What the synthesised decoder did: required fields must be there, optional ones may be
    /// absent or null.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        box = Box(Fields(
            id: try c.decode(String.self, forKey: .id),
            indexNumber: try c.decode(String.self, forKey: .indexNumber),
            itemId: try c.decode(String.self, forKey: .itemId),
            office: try c.decode(String.self, forKey: .office),
            title: try c.decode(String.self, forKey: .title),
            documentNumber: try c.decodeIfPresent(String.self, forKey: .documentNumber),
            summary: try c.decodeIfPresent(String.self, forKey: .summary),
            body: try c.decodeIfPresent(String.self, forKey: .body),
            url: try c.decodeIfPresent(String.self, forKey: .url),
            formedOn: try c.decode(LocalDate.self, forKey: .formedOn),
            publishedOn: try c.decodeIfPresent(LocalDate.self, forKey: .publishedOn),
            channels: try c.decode([Channel].self, forKey: .channels),
            documentType: try c.decodeIfPresent(String.self, forKey: .documentType),
            repealedOn: try c.decodeIfPresent(LocalDate.self, forKey: .repealedOn),
            relatedRecordId: try c.decodeIfPresent(String.self, forKey: .relatedRecordId),
            eventOn: try c.decodeIfPresent(LocalDate.self, forKey: .eventOn),
            withdrawn: try c.decodeIfPresent(Withdrawal.self, forKey: .withdrawn),
            createdBy: try c.decode(String.self, forKey: .createdBy),
            createdAt: try c.decode(String.self, forKey: .createdAt),
            updatedAt: try c.decode(String.self, forKey: .updatedAt),
            version: try c.decode(Int.self, forKey: .version)))
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
