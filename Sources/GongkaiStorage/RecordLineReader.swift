import Glibc
import GongkaiDomain

/// Reads a `records.jsonl` line straight from its bytes into a `RecordLine`.
///
/// Start-up reads every line of the register (100k records: 78 MB), and going through a
/// `JSONValue` tree and `Decodable` cost most of the start-up CPU (issue 6, floor 6). This
/// reader knows the line's shape and builds the values directly.
///
/// It is strict and conservative: it accepts only RFC 8259 JSON of exactly the stored shape
/// (known keys, each once; strings valid UTF-8 without raw control characters; integers
/// without fraction or exponent; dates `YYYY-MM-DD`). Anything else — damage, or a line some
/// other writer produced — makes it return nil, and the caller decodes the line with
/// `JSONCoding.decode` instead, which decides and names the problem. So it never accepts a
/// line the reference decoder would refuse, and never decodes one differently
/// (`RecordLineReaderTests` compares both over random and damaged lines).
enum RecordLineReader {
    /// Values that repeat over many records (token names, offices, document types, channel
    /// lists), stored once: each line would otherwise keep its own heap copy for the life of
    /// the server (RSS at 100k records, issue 6). Looked up by their raw bytes, before any
    /// `String` is made. One pool per decoding thread.
    struct Pool {
        /// Small strings live inside the `String` value itself: nothing to share.
        fileprivate static let smallString = 15
        /// A few distinct values per field are the norm; past this, new ones are not kept.
        fileprivate static let capacity = 64
        fileprivate var strings: [String] = []
        fileprivate var channels: [(text: [UInt8], list: [Channel])] = []

        init() {}

        fileprivate func string(matching raw: UnsafeBufferPointer<UInt8>) -> String? {
            for candidate in strings where candidate.utf8.count == raw.count {
                if candidate.utf8.withContiguousStorageIfAvailable({ sameBytes($0, raw) }) == true { return candidate }
            }
            return nil
        }

        fileprivate mutating func keep(_ text: String) {
            if strings.count < Self.capacity { strings.append(text) }
        }

        /// A kept channel list whose JSON text starts `rest`, and that text's length.
        fileprivate func channels(at rest: UnsafeBufferPointer<UInt8>) -> (list: [Channel], length: Int)? {
            for entry in channels where entry.text.count <= rest.count {
                if entry.text.withUnsafeBufferPointer({ sameBytes(UnsafeBufferPointer(rebasing: rest[..<$0.count]), $0) }) {
                    return (entry.list, entry.text.count)
                }
            }
            return nil
        }

        fileprivate mutating func keep(_ list: [Channel], text: UnsafeBufferPointer<UInt8>) {
            if channels.count < Self.capacity { channels.append((Array(text), list)) }
        }
    }

    /// Byte equality by `memcmp` (the generic `elementsEqual` cost ~6% of the start-up).
    @inline(__always)
    static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    static func read(_ line: ArraySlice<UInt8>, pool: inout Pool) -> RecordLine? {
        line.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return try? scanner.line(pool: &pool)
        }
    }

    /// "Not understood here": the caller falls back to the reference decoder.
    struct Decline: Error {}

    private enum RecordKey: Int, CaseIterable {
        case audit, body, channels, createdAt, createdBy, documentNumber, documentType, eventOn, formedOn, id,
             indexNumber, itemId, office, publishedOn, relatedRecordId, repealedOn, summary, title, updatedAt, url,
             version, withdrawn

        static let names: [StaticString] = allCases.map { key in
            let name: StaticString = switch key {
            case .audit: "audit"
            case .body: "body"
            case .channels: "channels"
            case .createdAt: "created_at"
            case .createdBy: "created_by"
            case .documentNumber: "document_number"
            case .documentType: "document_type"
            case .eventOn: "event_on"
            case .formedOn: "formed_on"
            case .id: "id"
            case .indexNumber: "index_number"
            case .itemId: "item_id"
            case .office: "office"
            case .publishedOn: "published_on"
            case .relatedRecordId: "related_record_id"
            case .repealedOn: "repealed_on"
            case .summary: "summary"
            case .title: "title"
            case .updatedAt: "updated_at"
            case .url: "url"
            case .version: "version"
            case .withdrawn: "withdrawn"
            }
            return name
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        // MARK: The line

        mutating func line(pool: inout Pool) throws(Decline) -> RecordLine {
            var seen = 0
            var id: String?, indexNumber: String?, itemId: String?, office: String?, title: String?
            var documentNumber: String?, summary: String?, body: String?, url: String?
            var formedOn: LocalDate?, publishedOn: LocalDate?, repealedOn: LocalDate?, eventOn: LocalDate?
            var channels: [Channel]?, documentType: String?, relatedRecordId: String?, withdrawn: Withdrawal?
            var createdBy: String?, createdAt: String?, updatedAt: String?, version: Int?
            var audit: AuditEntry?
            var expected = 0  // stored lines have sorted keys: try the one after the last first
            try objectKeys { scanner, name throws(Decline) in
                guard let key = Self.recordKey(name, expected: expected), seen & (1 << key.rawValue) == 0 else {
                    throw Decline()
                }
                seen |= 1 << key.rawValue
                expected = key.rawValue + 1
                switch key {
                case .audit: audit = try scanner.nullable { s throws(Decline) in try s.auditEntry(pool: &pool) }
                case .body: body = try scanner.optionalString()
                case .channels: channels = try scanner.channels(pool: &pool)
                case .createdAt: createdAt = try scanner.string()
                case .createdBy: createdBy = try scanner.string(pool: &pool)
                case .documentNumber: documentNumber = try scanner.optionalString()
                case .documentType: documentType = try scanner.nullable { s throws(Decline) in try s.string(pool: &pool) }
                case .eventOn: eventOn = try scanner.nullable { s throws(Decline) in try s.date() }
                case .formedOn: formedOn = try scanner.date()
                case .id: id = try scanner.string()
                case .indexNumber: indexNumber = try scanner.string()
                case .itemId: itemId = try scanner.string()
                case .office: office = try scanner.string(pool: &pool)
                case .publishedOn: publishedOn = try scanner.nullable { s throws(Decline) in try s.date() }
                case .relatedRecordId: relatedRecordId = try scanner.optionalString()
                case .repealedOn: repealedOn = try scanner.nullable { s throws(Decline) in try s.date() }
                case .summary: summary = try scanner.optionalString()
                case .title: title = try scanner.string()
                case .updatedAt: updatedAt = try scanner.string()
                case .url: url = try scanner.optionalString()
                case .version: version = try scanner.integer()
                case .withdrawn: withdrawn = try scanner.nullable { s throws(Decline) in try s.withdrawal() }
                }
            }
            skipWhitespace()
            guard index == bytes.count,
                  let id, let indexNumber, let itemId, let office, let title, let formedOn, let channels,
                  let createdBy, let createdAt, let updatedAt, let version else { throw Decline() }
            let record = Record(
                id: id, indexNumber: indexNumber, itemId: itemId, office: office, title: title,
                documentNumber: documentNumber, summary: summary, body: body, url: url, formedOn: formedOn,
                publishedOn: publishedOn, channels: channels, documentType: documentType, repealedOn: repealedOn,
                relatedRecordId: relatedRecordId, eventOn: eventOn, withdrawn: withdrawn, createdBy: createdBy,
                createdAt: createdAt, updatedAt: updatedAt == createdAt ? createdAt : updatedAt, version: version)
            if var entry = audit {
                // The entry's time and target repeat the record's: share their storage.
                if entry.at == record.updatedAt { entry.at = record.updatedAt }
                if entry.target == record.id { entry.target = record.id }
                audit = entry
            }
            return RecordLine(record: record, audit: audit)
        }

        private static func recordKey(_ name: UnsafeBufferPointer<UInt8>, expected: Int) -> RecordKey? {
            let names = RecordKey.names
            if expected < names.count, equals(name, names[expected]) { return RecordKey(rawValue: expected) }
            return names.firstIndex { equals(name, $0) }.flatMap(RecordKey.init(rawValue:))
        }

        mutating func auditEntry(pool: inout Pool) throws(Decline) -> AuditEntry {
            var seen = 0
            var at: String?, token: String?, role: String?, action: String?, target: String?, detail: String?
            var before: Int?, after: Int?
            try objectKeys { s, name throws(Decline) in
                let names: [StaticString] = ["action", "after_version", "at", "before_version", "detail", "role", "target", "token"]
                guard let field = names.firstIndex(where: { Self.equals(name, $0) }), seen & (1 << field) == 0 else {
                    throw Decline()
                }
                seen |= 1 << field
                switch field {
                case 0: action = try s.string(pool: &pool)
                case 1: after = try s.nullable { s throws(Decline) in try s.integer() }
                case 2: at = try s.string()
                case 3: before = try s.nullable { s throws(Decline) in try s.integer() }
                case 4: detail = try s.optionalString()
                case 5: role = try s.string(pool: &pool)
                case 6: target = try s.string()
                default: token = try s.string(pool: &pool)
                }
            }
            guard let at, let token, let role, let action, let target else { throw Decline() }
            return AuditEntry(at: at, token: token, role: role, action: action, target: target,
                              beforeVersion: before, afterVersion: after, detail: detail)
        }

        /// A channel list; one equal to a kept one (the same JSON text) is that one.
        mutating func channels(pool: inout Pool) throws(Decline) -> [Channel] {
            let start = index
            if let (list, length) = pool.channels(at: UnsafeBufferPointer(rebasing: bytes[start...])) {
                index += length
                return list
            }
            let list = try channels()
            pool.keep(list, text: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            return list
        }

        mutating func channels() throws(Decline) -> [Channel] {
            skipWhitespace()
            try expect(UInt8(ascii: "["))
            var list: [Channel] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return list
            }
            while true {
                var name: String?, note: String?, seen = 0
                try objectKeys { s, key throws(Decline) in
                    if Self.equals(key, "name"), seen & 1 == 0 {
                        name = try s.string()
                        seen |= 1
                    } else if Self.equals(key, "note"), seen & 2 == 0 {
                        note = try s.optionalString()
                        seen |= 2
                    } else {
                        throw Decline()
                    }
                }
                guard let name else { throw Decline() }
                list.append(Channel(name: name, note: note))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return list
            }
        }

        mutating func withdrawal() throws(Decline) -> Withdrawal {
            var reason: String?, at: String?, by: String?, seen = 0
            try objectKeys { s, key throws(Decline) in
                let bit: Int
                if Self.equals(key, "reason") {
                    bit = 1
                } else if Self.equals(key, "at") {
                    bit = 2
                } else if Self.equals(key, "by") {
                    bit = 4
                } else {
                    throw Decline()
                }
                guard seen & bit == 0 else { throw Decline() }
                seen |= bit
                let text = try s.string()
                switch bit {
                case 1: reason = text
                case 2: at = text
                default: by = text
                }
            }
            guard let reason, let at, let by else { throw Decline() }
            return Withdrawal(reason: reason, at: at, by: by)
        }

        // MARK: JSON pieces

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                index += 1
            }
        }

        mutating func expect(_ byte: UInt8) throws(Decline) {
            guard current == byte else { throw Decline() }
            index += 1
        }

        /// `{ "key": value, … }`: calls `value` for each key (raw bytes, no escapes), which must
        /// consume the value.
        mutating func objectKeys(_ value: (inout Scanner, UnsafeBufferPointer<UInt8>) throws(Decline) -> Void) throws(Decline) {
            skipWhitespace()
            try expect(UInt8(ascii: "{"))
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                try expect(UInt8(ascii: "\""))
                let start = index
                while let byte = current, byte != UInt8(ascii: "\"") {
                    // Stored keys are plain ASCII names; an escaped one is left to the reference.
                    guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw Decline() }
                    index += 1
                }
                try expect(UInt8(ascii: "\""))
                let key = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                try value(&self, key)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return
            }
        }

        static func equals(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            sameBytes(key, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }

        /// Runs `read` unless the value is `null`.
        mutating func nullable<T>(_ read: (inout Scanner) throws(Decline) -> T) throws(Decline) -> T? {
            if isNull() { return nil }
            return try read(&self)
        }

        mutating func isNull() -> Bool {
            guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
                  bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l") else { return false }
            index += 4
            return true
        }

        mutating func optionalString() throws(Decline) -> String? {
            try nullable { s throws(Decline) in try s.string() }
        }

        mutating func date() throws(Decline) -> LocalDate {
            guard let date = LocalDate(iso: try string()) else { throw Decline() }
            return date
        }

        /// A JSON integer that fits an `Int`: `-?(0|[1-9][0-9]*)`, nothing after it but a delimiter.
        mutating func integer() throws(Decline) -> Int {
            let negative = current == UInt8(ascii: "-")
            if negative { index += 1 }
            let start = index
            var value = 0
            while let byte = current, byte >= 0x30, byte <= 0x39 {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
                guard !o1, !o2 else { throw Decline() }
                value = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != 0x30 else { throw Decline() }
            if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                throw Decline()
            }
            return negative ? -value : value
        }

        /// `string()`, shared through the pool when it is long and repeats (found by its bytes,
        /// before a `String` is made).
        mutating func string(pool: inout Pool) throws(Decline) -> String {
            let start = index + 1
            guard let range = try plainString() else { return try escapedString(from: start) }
            let raw = UnsafeBufferPointer(rebasing: bytes[range])
            guard raw.count > Pool.smallString else { return String(decoding: raw, as: UTF8.self) }
            if let kept = pool.string(matching: raw) { return kept }
            let text = String(decoding: raw, as: UTF8.self)
            pool.keep(text)
            return text
        }

        /// A JSON string: raw runs are validated as UTF-8 and copied; escapes are decoded.
        mutating func string() throws(Decline) -> String {
            let start = index + 1
            if let range = try plainString() {
                // Validated by `plainString`, so nothing is repaired (`String(validating:)` is
                // generic and cost ~8% of the start-up).
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            return try escapedString(from: start)
        }

        /// Scans a string without escapes, validating it: its bytes between the quotes, the
        /// index moved past it. At the first backslash, nil with the index there.
        mutating func plainString() throws(Decline) -> Range<Int>? {
            try expect(UInt8(ascii: "\""))
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return start..<(index - 1)
                }
                if byte == UInt8(ascii: "\\") { return nil }
                if byte >= 0x80 {
                    index += try Self.utf8Sequence(bytes, at: index)
                    continue
                }
                guard byte >= 0x20 else { throw Decline() }
                index += 1
            }
            throw Decline()
        }

        /// The length of the well-formed UTF-8 sequence at `i` (lead byte ≥ 0x80), by
        /// Unicode's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF.
        @inline(__always)  // once per non-ASCII character of the register (start-up)
        static func utf8Sequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) throws(Decline) -> Int {
            let lead = b[i]
            // The common case first: a CJK character, E1…EC or EE…EF then two continuation bytes.
            if lead >= 0xE1, lead <= 0xEF, lead != 0xED, i + 2 < b.count,
               b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
                return 3
            }
            let length: Int, low: UInt8, high: UInt8  // the range of the second byte
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: throw Decline()
            }
            guard i + length <= b.count, (low...high).contains(b[i + 1]) else { throw Decline() }
            for k in 2..<length where b[i + k] & 0xC0 != 0x80 { throw Decline() }
            return length
        }

        private mutating func escapedString(from start: Int) throws(Decline) -> String {
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let string = String(validating: out, as: UTF8.self) else { throw Decline() }
                    return string
                case UInt8(ascii: "\\"):
                    guard let escape = current else { throw Decline() }
                    index += 1
                    switch (escape, JSONEscape.byte(escape)) {
                    case (_, let simple?): out.append(simple)
                    case (UInt8(ascii: "u"), _):
                        // Surrogates (pairs and lone halves) are left to the reference decoder.
                        let unit = try hex4()
                        guard !(0xD800...0xDFFF).contains(unit), let scalar = Unicode.Scalar(unit) else { throw Decline() }
                        out.append(contentsOf: UTF8.encode(scalar)!)
                    default: throw Decline()
                    }
                default:
                    guard byte >= 0x20 else { throw Decline() }
                    out.append(byte)
                }
            }
            throw Decline()
        }

        private mutating func hex4() throws(Decline) -> UInt32 {
            guard index + 4 <= bytes.count else { throw Decline() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = JSONEscape.hexDigit(bytes[index]) else { throw Decline() }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
