import GongkaiDomain

/// An immutable view of the publication records: what `RecordStore.snapshot()` hands readers.
///
/// Taking one is O(1) and it never changes, however many writes follow; updating it (inside the
/// store) costs the same at 1k and 100k records.
public struct RecordSnapshot: Sendable {
    /// The latest version of every record, by id (withdrawn ones included).
    public private(set) var records = PersistentMap<Record>()
    /// Highest 索引号 serial per agency code and year, over all records ever stored.
    private var serials: [SerialKey: Int] = [:]
    /// How many record versions have been applied: changes whenever the contents change.
    public private(set) var revision = 0

    public init() {}

    /// The state after applying `versions` in order (as read from the log at start-up).
    public init<S: Collection>(versions: S) where S.Element == Record {
        records = PersistentMap(versions.lazy.map { (key: $0.id, value: $0) })
        // The highest serial per key, found without a dictionary update per record (start-up
        // at 100k records, issue 6): records of one agency and year come in runs.
        var current: (key: SerialKey, serial: Int)?
        for record in versions {
            guard let (key, serial) = Self.parseIndexNumber(record.indexNumber, agencyLike: current?.key.agencyCode) else { continue }
            if let run = current, run.key == key {
                current = (key, max(run.serial, serial))
                continue
            }
            if let run = current { note(run.key, run.serial) }
            current = (key, serial)
        }
        if let run = current { note(run.key, run.serial) }
        revision = versions.count
    }

    public var count: Int { records.count }

    public func record(id: String) -> Record? { records[id] }

    /// The highest serial used in `year` under `agencyCode` (0 when none): 索引号 are never reused,
    /// so withdrawn records count too.
    public func maxSerial(year: Int, agencyCode: String) -> Int {
        serials[SerialKey(agencyCode: agencyCode, year: year), default: 0]
    }

    /// The next free 索引号 `<agency code>/<year>-<5-digit serial>`.
    public func nextIndexNumber(agencyCode: String, year: Int) -> String {
        let serial = String(maxSerial(year: year, agencyCode: agencyCode) + 1)
        let padded = String(repeating: "0", count: max(0, 5 - serial.count)) + serial
        return "\(agencyCode)/\(year)-\(padded)"
    }

    /// Applies one record version: it replaces any earlier version with the same id.
    public mutating func apply(_ record: Record) {
        records.set(record, for: record.id)
        noteSerial(of: record)
        revision += 1
    }

    private mutating func noteSerial(of record: Record) {
        if let (key, serial) = Self.parseIndexNumber(record.indexNumber) { note(key, serial) }
    }

    private mutating func note(_ key: SerialKey, _ serial: Int) {
        if serial > serials[key, default: 0] { serials[key] = serial }
    }

    public func applying(_ record: Record) -> RecordSnapshot {
        var copy = self
        copy.apply(record)
        return copy
    }

    struct SerialKey: Hashable, Sendable {
        var agencyCode: String
        var year: Int
    }

    /// Splits `<agency code>/<year>-<serial>`; nil when the text has another shape. Reads the
    /// UTF-8 bytes (no grapheme breaking); `agencyLike`, when its text equals the agency code,
    /// is returned instead of a new copy of it.
    static func parseIndexNumber(_ text: String, agencyLike: String? = nil) -> (SerialKey, Int)? {
        let utf8 = text.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let tail = utf8[utf8.index(after: slash)...]
        guard let dash = tail.firstIndex(of: UInt8(ascii: "-")),
              let year = Int(Substring(tail[..<dash])),
              let serial = Int(Substring(tail[utf8.index(after: dash)...])) else { return nil }
        let prefix = Substring(utf8[..<slash])
        let agency = agencyLike.map { $0 == prefix } == true ? agencyLike! : String(prefix)
        return (SerialKey(agencyCode: agency, year: year), serial)
    }
}
