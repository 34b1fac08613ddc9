import GongkaiDomain

/// The fields a client may send when creating or changing a record, already type-checked.
/// Cross-field and catalogue rules are checked by `RecordRules`.
struct RecordInput {
    typealias Presence = FieldReader.Presence

    var itemId: Presence<String> = .absent
    var title: Presence<String> = .absent
    var formedOn: Presence<LocalDate> = .absent
    var publishedOn: Presence<LocalDate> = .absent
    var documentNumber: Presence<String> = .absent
    var summary: Presence<String> = .absent
    var body: Presence<String> = .absent
    var url: Presence<String> = .absent
    var channels: Presence<[String]> = .absent
    var documentType: Presence<String> = .absent
    var repealedOn: Presence<LocalDate> = .absent
    var relatedRecordId: Presence<String> = .absent
    var eventOn: Presence<LocalDate> = .absent
    var office: Presence<String> = .absent

    static let fields: Set<String> = [
        "item_id", "title", "formed_on", "published_on", "document_number", "summary", "body", "url",
        "channels", "document_type", "repealed_on", "related_record_id", "event_on", "office",
    ]
    static let documentTypes = ["规章", "行政规范性文件", "其他"]
    static let maxTitle = 200

    /// Reads a body. `creating` makes item_id, title and formed_on required.
    init(_ object: [String: JSONValue], creating: Bool) throws {
        var r = try FieldReader(object, allowed: Self.fields)
        itemId = r.string("item_id", maxLength: 32)
        title = r.string("title", maxLength: Self.maxTitle)
        formedOn = r.date("formed_on")
        publishedOn = r.date("published_on")
        documentNumber = r.string("document_number", maxLength: 100, allowEmpty: true)
        summary = r.string("summary", maxLength: 2_000, allowEmpty: true, multiline: true)
        body = r.string("body", maxLength: 200_000, allowEmpty: true, multiline: true)
        url = r.string("url", maxLength: 2_000, allowEmpty: true)
        channels = r.strings("channels", maxCount: 30, maxLength: 50)
        documentType = r.string("document_type", maxLength: 20)
        repealedOn = r.date("repealed_on")
        relatedRecordId = r.string("related_record_id", maxLength: 32)
        eventOn = r.date("event_on")
        office = r.string("office", maxLength: 50)

        func required<T>(_ field: String, _ value: Presence<T>) {
            switch value {
            case .value: break
            case .null: r.fail(field, "不能为 null", "must not be null")
            case .absent where creating && !r.problems.contains(where: { $0.field == field }):
                r.fail(field, "必填", "is required")
            case .absent: break
            }
        }
        required("item_id", itemId)
        required("title", title)
        required("formed_on", formedOn)
        if case .null = channels { r.fail("channels", "不能为 null（省略即使用事项的渠道）", "must not be null (omit it to use the item's channels)") }
        if let u = url.value, !u.isEmpty, !(u.hasPrefix("https://") || u.hasPrefix("http://")) || u.contains(" ") {
            r.fail("url", "必须是 http:// 或 https:// 开头的地址", "must be an http:// or https:// address")
        }
        if let t = documentType.value, !Self.documentTypes.contains(t) {
            r.fail("document_type", "必须是 \(Self.documentTypes.joined(separator: "、")) 之一", "must be one of \(Self.documentTypes.joined(separator: ", "))")
        }
        try r.finish()
    }
}
