import Foundation
import GongkaiDomain
import Testing
@testable import GongkaiStorage

/// The fast reader of record lines (start-up, issue 6) against the reference decoder: it must
/// decode every stored line exactly as `JSONCoding.decode` does, and never accept a line the
/// reference refuses (it may decline anything and let the reference decide).
@Suite struct RecordLineReaderTests {
    static func randomLine(_ rng: inout SystemRandomNumberGenerator) -> RecordLine {
        let day = LocalDate(year: 2026, month: 3, day: 9)!
        let text = { (rng: inout SystemRandomNumberGenerator) in RecordLineTests.text(&rng) }
        var r = Record(
            id: text(&rng), indexNumber: text(&rng), itemId: text(&rng), office: text(&rng), title: text(&rng),
            documentNumber: RecordLineTests.maybe(text(&rng), &rng), summary: RecordLineTests.maybe(text(&rng), &rng),
            body: RecordLineTests.maybe(text(&rng), &rng), url: RecordLineTests.maybe("https://x.gov.cn/a/b", &rng),
            formedOn: day, publishedOn: RecordLineTests.maybe(day.adding(days: 1), &rng),
            channels: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                Channel(name: text(&rng), note: RecordLineTests.maybe(text(&rng), &rng))
            },
            documentType: RecordLineTests.maybe(text(&rng), &rng), repealedOn: RecordLineTests.maybe(day, &rng),
            relatedRecordId: RecordLineTests.maybe(text(&rng), &rng), eventOn: RecordLineTests.maybe(day, &rng),
            createdBy: text(&rng), createdAt: text(&rng), updatedAt: text(&rng),
            version: Int.random(in: -5...Int.max, using: &rng))
        if Bool.random(using: &rng) { r.withdrawn = Withdrawal(reason: text(&rng), at: text(&rng), by: text(&rng)) }
        let audit = Bool.random(using: &rng) ? nil : AuditEntry(
            at: text(&rng), token: text(&rng), role: "office", action: "record.update", target: r.id,
            beforeVersion: RecordLineTests.maybe(Int.random(in: 0...99, using: &rng), &rng),
            afterVersion: RecordLineTests.maybe(Int.random(in: 0...99, using: &rng), &rng),
            detail: RecordLineTests.maybe(text(&rng), &rng))
        return RecordLine(record: r, audit: audit)
    }

    /// What the reference decoders make of `bytes` (nil: refused).
    static func reference(_ bytes: [UInt8]) -> RecordLine? {
        struct Holder: Decodable { var audit: AuditEntry? }
        guard let record = try? JSONDecoder().decode(Record.self, from: Data(bytes)),
              let holder = try? JSONDecoder().decode(Holder.self, from: Data(bytes)) else { return nil }
        return RecordLine(record: record, audit: holder.audit)
    }

    @Test func storedLinesDecodeExactlyAsTheReferenceDecodesThem() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let line = Self.randomLine(&rng)
            var pool = RecordLineReader.Pool()
            let fast = RecordLineReader.read(line.jsonBytes[...], pool: &pool)
            #expect(fast == line)
            #expect(Self.reference(line.jsonBytes) == line)
        }
    }

    @Test func damagedLinesAreNeverAcceptedWhereTheReferenceRefusesThem() {
        var rng = SystemRandomNumberGenerator()
        let junk: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x00],
                               Array(#"\u"#.utf8), Array(#"\ud800"#.utf8), Array(#"\x"#.utf8), Array("\"".utf8),
                               Array(",".utf8), Array("}".utf8), Array(" ".utf8), Array("1.5".utf8), Array("null".utf8)]
        for _ in 0..<2_000 {
            var bytes = Self.randomLine(&rng).jsonBytes
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes.removeSubrange(at...)
            case 1: bytes.insert(contentsOf: junk.randomElement(using: &rng)!, at: at)
            default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            }
            var pool = RecordLineReader.Pool()
            guard let fast = RecordLineReader.read(bytes[...], pool: &pool) else { continue }
            let reference = Self.reference(bytes)
            #expect(reference == fast, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// The reader's own UTF-8 check accepts a string exactly when the standard library does.
    @Test func stringsAreAcceptedExactlyWhenTheyAreWellFormedUTF8() {
        let line = String(decoding: RecordLine(record: makeRecord(id: "r1", serial: 1)).jsonBytes, as: UTF8.self)
        let parts = line.components(separatedBy: #""title":""#)
        for lead in UInt8(0x80)...0xFF {
            for second: UInt8 in [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
                for rest: [UInt8] in [[], [0x80], [0xBF, 0x80], [0xC0], [0x80, 0x41], [0x80, 0x80, 0x80]] {
                    let text = [lead, second] + rest
                    let bytes = Array(parts[0].utf8) + Array(#""title":""#.utf8) + text + Array(parts[1].utf8)
                    var pool = RecordLineReader.Pool()
                    let read = RecordLineReader.read(bytes[...], pool: &pool)
                    let valid = String(validating: text, as: UTF8.self) != nil
                    #expect((read != nil) == valid, "\(text)")
                }
            }
        }
    }

    @Test func unusualButValidLinesAreLeftToTheReference() throws {
        let line = RecordLine(record: makeRecord(id: "r1", serial: 1))
        let text = String(decoding: line.jsonBytes, as: UTF8.self)
        for variant in [text.replacingOccurrences(of: #""version":1"#, with: #""version":1.0"#),
                        text.replacingOccurrences(of: #""body":null"#, with: #""body":null,"extra":1"#),
                        text.replacingOccurrences(of: #""body":null"#, with: #""b\u006fdy":null"#)] {
            var pool = RecordLineReader.Pool()
            #expect(RecordLineReader.read(Array(variant.utf8)[...], pool: &pool) == nil)
            let decoded = try RecordLine.decode(Array(variant.utf8)[...])
            #expect(decoded.record.id == "r1")
        }
    }

    @Test func escapesAndSupplementaryCharactersDecodeAsJSONDecoderWould() throws {
        let text = #"{"body":"\"q\" \\ \/ \b\f\n\r\t \u00e9\u4e2d 😀","channels":[],"created_at":"a","created_by":"b","formed_on":"2026-01-31","id":"x","index_number":"y","item_id":"1","office":"o","published_on":null,"title":"t","updated_at":"a","version":0}"#
        var pool = RecordLineReader.Pool()
        let fast = try #require(RecordLineReader.read(Array(text.utf8)[...], pool: &pool))
        #expect(fast == Self.reference(Array(text.utf8)))
        #expect(fast.record.body == "\"q\" \\ / \u{8}\u{C}\n\r\t é中 😀")
        #expect(fast.audit == nil)
    }
}
