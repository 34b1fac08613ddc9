/// Where a record sits in the newest-first order of lists and feeds.
///
/// Records sort by publication date (pending ones by their 成文日期), then by 索引号 year and
/// serial, all descending. The key is also the keyset cursor: paging never skips or repeats a
/// record when others are added meanwhile, unlike offset paging.
public struct RecordOrderKey: Hashable, Comparable, Sendable {
    public var day: Int
    public var id: String

    public init(day: Int, id: String) {
        self.day = day
        self.id = id
    }

    public init(_ record: Record) {
        self.init(day: (record.publishedOn ?? record.formedOn).dayNumber, id: record.id)
    }

    /// `a < b` means a comes first in the newest-first order.
    public static func < (a: RecordOrderKey, b: RecordOrderKey) -> Bool {
        if a.day != b.day { return a.day > b.day }
        return a.id > b.id
    }

    /// An opaque cursor for the API (`day.id`, hex-free and URL-safe).
    public var cursor: String { "\(day)~\(id)" }

    public init?(cursor: String) {
        guard let sep = cursor.firstIndex(of: "~"), let day = Int(cursor[..<sep]),
              abs(day) < 10_000_000 else { return nil }
        let id = String(cursor[cursor.index(after: sep)...])
        guard !id.isEmpty, id.count <= 64 else { return nil }
        self.init(day: day, id: id)
    }
}
