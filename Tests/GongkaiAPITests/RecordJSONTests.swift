import Foundation
import GongkaiDomain
import Testing
@testable import GongkaiAPI

/// The hand-written record encoder (issue 6) must write exactly the bytes the Codable path
/// writes: same keys in the same order, same escaping, same nulls.
@Suite struct RecordJSONTests {
    static let pieces = ["", "标题", "安工信发〔2026〕1号", "a/b", "\"quoted\"", "back\\slash", "tab\there", "line\nbreak",
                         "\r\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}", "\u{2028}\u{2029}", "😀 emoji", "ｇｂ ＡＢＣ", "<script>&amp;"]

    static func text(_ rng: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func maybe<T>(_ value: T, _ rng: inout SystemRandomNumberGenerator) -> T? { Bool.random(using: &rng) ? value : nil }

    static func view(_ rng: inout SystemRandomNumberGenerator) -> RecordView {
        let day = LocalDate(year: 2026, month: 3, day: 9)!
        var record = Record(
            id: "2026-00042", indexNumber: "11530181MB1234567X/2026-00042", itemId: text(&rng), office: text(&rng),
            title: text(&rng), documentNumber: maybe(text(&rng), &rng), summary: maybe(text(&rng), &rng),
            body: maybe(text(&rng), &rng), url: maybe("https://example.gov.cn/a/b?c=d", &rng), formedOn: day,
            publishedOn: maybe(day.adding(days: 3), &rng),
            channels: (0..<Int.random(in: 0...3, using: &rng)).map { _ in Channel(name: text(&rng), note: maybe(text(&rng), &rng)) },
            documentType: maybe(text(&rng), &rng), repealedOn: maybe(day.adding(days: 400), &rng),
            relatedRecordId: maybe("2025-00001", &rng), eventOn: maybe(day.adding(days: -2), &rng),
            createdBy: text(&rng), createdAt: "2026-03-09T10:00:00.000+08:00", updatedAt: text(&rng),
            version: Int.random(in: 1...100_000, using: &rng))
        if Bool.random(using: &rng) { record.withdrawn = Withdrawal(reason: text(&rng), at: text(&rng), by: text(&rng)) }
        let deadline = DeadlineStatus(dueOn: maybe(day.adding(days: 20), &rng), calendarMissing: Bool.random(using: &rng),
                                      compliance: Compliance.allCases.randomElement(using: &rng)!,
                                      lateByWorkingDays: maybe(Int.random(in: 0...30, using: &rng), &rng))
        return RecordView(record: record, state: ["published", "pending", "withdrawn"].randomElement(using: &rng)!, deadline: deadline)
    }

    @Test func singleViewsMatchTheCodableEncoding() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let v = Self.view(&rng)
            let fast = RecordJSON.view(v), slow = JSONOutput.encode(v)
            #expect(fast == slow, "\(String(decoding: fast, as: UTF8.self))\n\(String(decoding: slow, as: UTF8.self))")
        }
    }

    @Test func listsMatchTheCodableEncoding() {
        var rng = SystemRandomNumberGenerator()
        for n in [0, 1, 7] {
            let list = RecordList(records: (0..<n).map { _ in Self.view(&rng) }, total: Int.random(in: 0...100_000, using: &rng),
                                  next: Self.maybe("20523~2026-00042", &rng))
            #expect(RecordJSON.list(list) == JSONOutput.encode(list))
        }
    }

    @Test func rememberedViewBytesMatchTheCodableEncodingAndFollowANewDeadlineOrVersion() {
        var rng = SystemRandomNumberGenerator()
        let cache = RecordViewCache(encodedCapacityBytes: 6_000)  // small: it also starts again empty
        var records: [Record] = []
        var deadlines: [DeadlineStatus] = []
        for n in 0..<12 {
            var view = Self.view(&rng)
            view.record.id = "2026-\(n)"
            records.append(view.record)
            deadlines.append(view.deadline)
        }
        for round in 0..<40 {
            let i = Int.random(in: 0..<records.count, using: &rng)
            if round % 3 == 1 { deadlines[i] = Self.view(&rng).deadline }
            if round % 3 == 2 {
                records[i].title += "改"
                records[i].version += 1
            }
            let page = Array(records.indices.shuffled(using: &rng).prefix(Int.random(in: 0...8, using: &rng)))
            let views = page.map { RecordView(record: records[$0], state: RecordView.state(of: records[$0]), deadline: deadlines[$0]) }
            let cached = RecordJSON.list(next: nil, total: page.count, count: page.count) { out in
                cache.appendJSON(page.map { records[$0] }, page.map { deadlines[$0] }, to: &out)
            }
            #expect(cached == JSONOutput.encode(RecordList(records: views, total: page.count, next: nil)), "round \(round)")
        }
    }
}
