/// Pieces of JSON written straight into a byte array, exactly as Foundation's JSONEncoder
/// writes them with `[.sortedKeys, .withoutEscapingSlashes]`: for the hand-written encoders of
/// the hot paths (a record line in storage, record views in the API; issue 6), which callers
/// keep byte-identical to the Codable encoding with tests. Keys must be given in UTF-8 order.
public enum JSONBytes {
    /// `{"name":` for the first key of an object, `,"name":` for the others.
    public static func key(_ name: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        out.append(first ? 0x7B : 0x2C)
        out.append(0x22)
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(0x22)
        out.append(0x3A)
    }

    public static func null(_ out: inout [UInt8]) {
        out.append(contentsOf: "null".utf8)
    }

    public static func bool(_ value: Bool, _ out: inout [UInt8]) {
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public static func int(_ value: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    public static func date(_ d: LocalDate?, _ out: inout [UInt8]) {
        string(d?.description, &out)
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string (null for nil). Runs of bytes that need no escape are copied whole.
    public static func string(_ s: String?, _ out: inout [UInt8]) {
        guard var s else { return null(&out) }
        out.append(0x22)
        s.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                out.append(0x5C)
                switch byte {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    out.append(contentsOf: "u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(0x22)
    }

    /// A channel list: `[{"name":…,"note":…},…]`.
    public static func channels(_ channels: [Channel], _ out: inout [UInt8]) {
        out.append(0x5B)
        for (i, channel) in channels.enumerated() {
            if i > 0 { out.append(0x2C) }
            key("name", first: true, &out); string(channel.name, &out)
            key("note", &out); string(channel.note, &out)
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    /// A withdrawal or null: `{"at":…,"by":…,"reason":…}`.
    public static func withdrawal(_ w: Withdrawal?, _ out: inout [UInt8]) {
        guard let w else { return null(&out) }
        key("at", first: true, &out); string(w.at, &out)
        key("by", &out); string(w.by, &out)
        key("reason", &out); string(w.reason, &out)
        out.append(0x7D)
    }
}

extension Record {
    /// This record as one compact JSON object with sorted keys: the bytes
    /// `JSONEncoder([.sortedKeys, .withoutEscapingSlashes]).encode(self)` makes, ~20× faster.
    public var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(768)
        JSONBytes.key("body", first: true, &out); JSONBytes.string(body, &out)
        JSONBytes.key("channels", &out); JSONBytes.channels(channels, &out)
        JSONBytes.key("created_at", &out); JSONBytes.string(createdAt, &out)
        JSONBytes.key("created_by", &out); JSONBytes.string(createdBy, &out)
        JSONBytes.key("document_number", &out); JSONBytes.string(documentNumber, &out)
        JSONBytes.key("document_type", &out); JSONBytes.string(documentType, &out)
        JSONBytes.key("event_on", &out); JSONBytes.date(eventOn, &out)
        JSONBytes.key("formed_on", &out); JSONBytes.date(formedOn, &out)
        JSONBytes.key("id", &out); JSONBytes.string(id, &out)
        JSONBytes.key("index_number", &out); JSONBytes.string(indexNumber, &out)
        JSONBytes.key("item_id", &out); JSONBytes.string(itemId, &out)
        JSONBytes.key("office", &out); JSONBytes.string(office, &out)
        JSONBytes.key("published_on", &out); JSONBytes.date(publishedOn, &out)
        JSONBytes.key("related_record_id", &out); JSONBytes.string(relatedRecordId, &out)
        JSONBytes.key("repealed_on", &out); JSONBytes.date(repealedOn, &out)
        JSONBytes.key("summary", &out); JSONBytes.string(summary, &out)
        JSONBytes.key("title", &out); JSONBytes.string(title, &out)
        JSONBytes.key("updated_at", &out); JSONBytes.string(updatedAt, &out)
        JSONBytes.key("url", &out); JSONBytes.string(url, &out)
        JSONBytes.key("version", &out); JSONBytes.int(version, &out)
        JSONBytes.key("withdrawn", &out); JSONBytes.withdrawal(withdrawn, &out)
        out.append(0x7D)
        return out
    }
}
