import GongkaiDomain

/// One line of `records.jsonl`: a record version and the audit entry of the write that made it.
///
/// **Why the audit entry rides in the record's line** (issue 6, floor 4): one append, one
/// `fdatasync` per record write, and the entry is exactly as durable as the record — the same
/// bytes reach the disk in the same `write`, so no crash can keep one without the other.
///
/// The line is the record's own JSON object with one more key, `audit`, which sorts before
/// every record key: `{"audit":{…},"body":…,…}`. A reader that knows only records (older
/// versions of Gongkai, scripts, `DataExport`) still decodes the record and ignores the key.
/// Lines written before this change carry no `audit` key (their entries are in `audit.jsonl`).
public struct RecordLine: Sendable, Equatable {
    public var record: Record
    public var audit: AuditEntry?

    public init(record: Record, audit: AuditEntry? = nil) {
        self.record = record
        self.audit = audit
    }

    /// Compact, sorted-key JSON without a newline: the bytes JSONEncoder would make for an
    /// object holding the audit entry under `audit` beside the record's own keys.
    public var jsonBytes: [UInt8] {
        let record = self.record.jsonBytes
        guard let audit else { return record }
        var out: [UInt8] = []
        out.reserveCapacity(record.count + 256)
        JSONBytes.key("audit", first: true, &out)
        out += audit.jsonBytes
        out.append(0x2C)  // `,` then the record's keys: its `{` is dropped
        out += record.dropFirst()
        return out
    }

    /// Decodes a line through the fast reader; when it declines, through `JSONCoding.decode`,
    /// which is the reference and names what is wrong.
    static func decode(_ bytes: ArraySlice<UInt8>, pool: inout RecordLineReader.Pool) throws -> RecordLine {
        if let line = RecordLineReader.read(bytes, pool: &pool) { return line }
        return RecordLine(record: try JSONCoding.decode(Record.self, from: bytes),
                          audit: try JSONCoding.decode(AuditHolder.self, from: bytes).audit)
    }

    static func decode(_ bytes: ArraySlice<UInt8>) throws -> RecordLine {
        var pool = RecordLineReader.Pool()
        return try decode(bytes, pool: &pool)
    }

    /// Encodes the line, refusing one whose bytes do not decode back to an equal value (the
    /// same guard `JSONCoding.encodeLine` gives every other stored value).
    static func encode(_ line: RecordLine, path: String) throws(StorageError) -> [UInt8] {
        let bytes = line.jsonBytes
        guard (try? decode(bytes[...])) == line else {
            throw StorageError.invalid("a record line does not survive a JSON round trip; not writing it to \(path)")
        }
        return bytes
    }

    /// The `audit` key of a line, for the Codable fallback.
    private struct AuditHolder: Decodable {
        var audit: AuditEntry?
    }
}

extension AuditEntry {
    /// This entry as compact, sorted-key JSON: the bytes of the Codable line encoder
    /// (`RecordLineTests` compares them), without Foundation on the write path.
    public var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(224)
        JSONBytes.key("action", first: true, &out); JSONBytes.string(action, &out)
        JSONBytes.key("after_version", &out); Self.int(afterVersion, &out)
        JSONBytes.key("at", &out); JSONBytes.string(at, &out)
        JSONBytes.key("before_version", &out); Self.int(beforeVersion, &out)
        JSONBytes.key("detail", &out); JSONBytes.string(detail, &out)
        JSONBytes.key("role", &out); JSONBytes.string(role, &out)
        JSONBytes.key("target", &out); JSONBytes.string(target, &out)
        JSONBytes.key("token", &out); JSONBytes.string(token, &out)
        out.append(0x7D)
        return out
    }

    private static func int(_ value: Int?, _ out: inout [UInt8]) {
        if let value { JSONBytes.int(value, &out) } else { JSONBytes.null(&out) }
    }
}
