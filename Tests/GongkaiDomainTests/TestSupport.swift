import Foundation
import GongkaiDomain

/// A date from `YYYY-MM-DD`; test data only.
func day(_ iso: String) -> LocalDate {
    guard let d = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return d
}

enum Fixtures {
    /// The shipped holidays-cn.json, 2020–2026.
    static func holidayBundle() -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "holidays-cn", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url) else {
            fatalError("Fixtures/holidays-cn.json is missing from the test bundle")
        }
        return [UInt8](data)
    }

    static let calendar: WorkingCalendar = {
        do { return try WorkingCalendar.decodeBundle(holidayBundle()) } catch {
            fatalError("shipped holiday data does not load: \(error)")
        }
    }()
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, seeded, the same sequence on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range`, without depending on the standard library's sampling algorithm.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }
}

/// An independent reading of holidays-cn.json for the property tests: parsed with
/// JSONSerialization and expanded by hand, sharing no code with HolidayYear or WorkingCalendar.
struct OracleCalendar {
    var offDays: Set<String> = []
    var makeUpDays: Set<String> = []
    var years: Set<Int> = []

    init(bundle: [UInt8]) {
        let root = try! JSONSerialization.jsonObject(with: Data(bundle)) as! [String: Any]
        for (key, value) in root["years"] as! [String: Any] {
            years.insert(Int(key)!)
            let year = value as! [String: Any]
            for h in year["holidays"] as! [[String: Any]] {
                var d = day(h["from"] as! String)
                let end = day(h["to"] as! String)
                while d <= end {
                    offDays.insert(d.description)
                    d = d.adding(days: 1)
                }
            }
            for w in year["workdays"] as! [String] { makeUpDays.insert(w) }
        }
    }

    func isWorkingDay(_ d: LocalDate) -> Bool {
        if makeUpDays.contains(d.description) { return true }
        if offDays.contains(d.description) { return false }
        return d.weekday <= 5
    }
}

func makeRecord(formedOn: String, publishedOn: String?, eventOn: String? = nil,
                relatedRecordId: String? = nil) -> Record {
    Record(id: "r1", indexNumber: "000000000/2026-00001", itemId: "1", office: "办公室", title: "测试",
           formedOn: day(formedOn), publishedOn: publishedOn.map(day), channels: [],
           relatedRecordId: relatedRecordId, eventOn: eventOn.map(day),
           createdBy: "test", createdAt: "2026-01-01T00:00:00+08:00",
           updatedAt: "2026-01-01T00:00:00+08:00", version: 1)
}

enum JSONEncoderForTests {
    /// Compact JSON with sorted keys, as a string.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

enum JSONDecoderForTests {
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
