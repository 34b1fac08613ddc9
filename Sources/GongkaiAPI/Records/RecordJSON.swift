import GongkaiDomain

/// Writes record views and record lists as JSON bytes directly, byte for byte what
/// `JSONOutput.encode` makes of `RecordView` and `RecordList` (keys in UTF-8 order, slashes and
/// non-ASCII unescaped, absent values as null), at a fraction of the cost: Foundation's
/// JSONEncoder spent about 200 µs per record, two thirds of a `GET /api/v1/records` (issue 6).
/// `RecordJSONTests` holds the two encodings equal; a field added to `Record` or `RecordView`
/// must be added here too (that test fails until it is).
enum RecordJSON {
    static func list(_ list: RecordList) -> [UInt8] {
        Self.list(next: list.next, total: list.total, count: list.records.count) { out in
            for (i, view) in list.records.enumerated() {
                if i > 0 { out.append(0x2C) }
                write(view, &out)
            }
        }
    }

    /// A list whose records' JSON (comma-separated) `records` appends.
    static func list(next: String?, total: Int, count: Int, records: (inout [UInt8]) -> Void) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + count * 1024)
        out.append(contentsOf: #"{"next":"#.utf8)
        string(next, &out)
        out.append(contentsOf: #","records":["#.utf8)
        records(&out)
        out.append(contentsOf: #"],"total":"#.utf8)
        int(total, &out)
        out.append(0x7D)
        return out
    }

    static func view(_ view: RecordView) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(view, &out)
        return out
    }

    static func write(_ v: RecordView, _ out: inout [UInt8]) {
        let r = v.record
        let d = v.deadline
        key("body", first: true, &out); string(r.body, &out)
        key("calendar_missing", &out); JSONBytes.bool(d.calendarMissing, &out)
        key("channels", &out); JSONBytes.channels(r.channels, &out)
        key("compliance", &out); string(d.compliance.rawValue, &out)
        key("created_at", &out); string(r.createdAt, &out)
        key("created_by", &out); string(r.createdBy, &out)
        key("document_number", &out); string(r.documentNumber, &out)
        key("document_type", &out); string(r.documentType, &out)
        key("due_on", &out); date(d.dueOn, &out)
        key("event_on", &out); date(r.eventOn, &out)
        key("formed_on", &out); date(r.formedOn, &out)
        key("id", &out); string(r.id, &out)
        key("index_number", &out); string(r.indexNumber, &out)
        key("item_id", &out); string(r.itemId, &out)
        key("late_by_working_days", &out)
        if let late = d.lateByWorkingDays { int(late, &out) } else { JSONBytes.null(&out) }
        key("office", &out); string(r.office, &out)
        key("published_on", &out); date(r.publishedOn, &out)
        key("related_record_id", &out); string(r.relatedRecordId, &out)
        key("repealed_on", &out); date(r.repealedOn, &out)
        key("state", &out); string(v.state, &out)
        key("summary", &out); string(r.summary, &out)
        key("title", &out); string(r.title, &out)
        key("updated_at", &out); string(r.updatedAt, &out)
        key("url", &out); string(r.url, &out)
        key("version", &out); int(r.version, &out)
        key("withdrawn", &out); JSONBytes.withdrawal(r.withdrawn, &out)
        out.append(0x7D)
    }

    private static func key(_ name: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        JSONBytes.key(name, first: first, &out)
    }

    private static func string(_ s: String?, _ out: inout [UInt8]) { JSONBytes.string(s, &out) }
    private static func date(_ d: LocalDate?, _ out: inout [UInt8]) { JSONBytes.date(d, &out) }
    private static func int(_ value: Int, _ out: inout [UInt8]) { JSONBytes.int(value, &out) }
}
