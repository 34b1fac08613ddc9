import Foundation
import GongkaiDomain
import Testing
@testable import GongkaiStorage

/// `Record.jsonBytes` (the hand-written encoder of the write path, issue 6) must make exactly
/// the bytes of the Codable line encoder, so records.jsonl looks the same whichever wrote it.
@Suite struct RecordLineTests {
    static let pieces = ["", "标题", "安工信发〔2026〕1号", "a/b", "\"q\"", "b\\s", "t\tx", "l\nb", "\r\u{8}\u{C}",
                         "\u{0}\u{1}\u{1F}\u{7F}", "\u{2028}", "😀", "ｇｂ", "<&>"]

    static func text(_ rng: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func maybe<T>(_ value: T, _ rng: inout SystemRandomNumberGenerator) -> T? { Bool.random(using: &rng) ? value : nil }

    @Test func recordLinesMatchTheCodableEncoding() throws {
        var rng = SystemRandomNumberGenerator()
        let day = LocalDate(year: 2026, month: 3, day: 9)!
        for _ in 0..<500 {
            var r = Record(
                id: Self.text(&rng), indexNumber: Self.text(&rng), itemId: Self.text(&rng), office: Self.text(&rng), title: Self.text(&rng),
                documentNumber: Self.maybe(Self.text(&rng), &rng), summary: Self.maybe(Self.text(&rng), &rng),
                body: Self.maybe(Self.text(&rng), &rng), url: Self.maybe("https://x.gov.cn/a/b", &rng), formedOn: day,
                publishedOn: Self.maybe(day.adding(days: 1), &rng),
                channels: (0..<Int.random(in: 0...3, using: &rng)).map { _ in Channel(name: Self.text(&rng), note: Self.maybe(Self.text(&rng), &rng)) },
                documentType: Self.maybe(Self.text(&rng), &rng), repealedOn: Self.maybe(day, &rng),
                relatedRecordId: Self.maybe(Self.text(&rng), &rng), eventOn: Self.maybe(day, &rng),
                createdBy: Self.text(&rng), createdAt: Self.text(&rng), updatedAt: Self.text(&rng), version: Int.random(in: 1...1_000_000, using: &rng))
            if Bool.random(using: &rng) { r.withdrawn = Withdrawal(reason: Self.text(&rng), at: Self.text(&rng), by: Self.text(&rng)) }
            let slow = Array(try JSONCoding.lineEncoder().encode(r))
            #expect(r.jsonBytes == slow, "\(String(decoding: r.jsonBytes, as: UTF8.self))\n\(String(decoding: slow, as: UTF8.self))")
            #expect(try JSONCoding.encodeLine(r, path: "test") == slow)
        }
    }
}

/// The line format of issue 6: the audit entry rides in the record's line.
@Suite struct AuditedRecordLineTests {
    static let entry = AuditEntry(at: "2026-03-09T10:00:00.123+08:00", token: "中小企业科-1", role: "office",
                                  action: "record.withdraw", target: "r1", beforeVersion: 1, afterVersion: 2,
                                  detail: "重复\t\"发布\"")

    @Test func auditEntriesMatchTheCodableEncoding() throws {
        for entry in [Self.entry, AuditEntry(at: "a", token: "b", role: "admin", action: "record.create", target: "c")] {
            #expect(entry.jsonBytes == Array(try JSONCoding.lineEncoder().encode(entry)))
        }
    }

    /// Sorted keys, as JSONEncoder writes an object holding both: `audit` sorts first.
    @Test func theLineIsTheRecordObjectWithAnAuditKeyFirst() throws {
        let line = RecordLine(record: makeRecord(id: "r1", serial: 1), audit: Self.entry)
        struct Both: Encodable {
            var audit: AuditEntry
            var record: Record
            func encode(to encoder: any Encoder) throws {
                try record.encode(to: encoder)
                enum Key: CodingKey { case audit }
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(audit, forKey: .audit)
            }
        }
        let expected = Array(try JSONCoding.lineEncoder().encode(Both(audit: Self.entry, record: line.record)))
        #expect(line.jsonBytes == expected)
        #expect(String(decoding: line.jsonBytes, as: UTF8.self).hasPrefix(#"{"audit":{"action":"record.withdraw","#))
        #expect(RecordLine(record: line.record).jsonBytes == line.record.jsonBytes)
    }

    @Test func readersThatKnowOnlyRecordsStillDecodeTheRecord() throws {
        let line = RecordLine(record: makeRecord(id: "r1", serial: 1), audit: Self.entry)
        #expect(try JSONDecoder().decode(Record.self, from: Data(line.jsonBytes)) == line.record)
        #expect(try RecordLine.decode(line.jsonBytes[...]) == line)
        #expect(try RecordLine.encode(line, path: "test") == line.jsonBytes)
    }
}
