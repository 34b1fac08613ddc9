import Foundation
import GongkaiDomain
import GongkaiImport
import GongkaiStorage

/// `gongkai export`: the catalogue and the records of a data directory in the API's formats,
/// read without writing anything, so it is safe while the server runs. Records come from
/// `records.jsonl` up to its last complete line (a line being appended is left out).
public struct DataExport: Sendable {
    public enum CatalogueFormat: String, CaseIterable, Sendable {
        /// As `GET /api/v1/catalogue` serves it.
        case json
        /// As `GET /api/v1/catalogue.csv`: UTF-8 with BOM, CRLF.
        case csv
        /// The tab-separated table layout of the published catalogue, which `gongkai import` reads.
        case text
    }

    public enum RecordFormat: String, CaseIterable, Sendable {
        /// As `GET /api/v1/records` with every match on one page.
        case json
        /// As `GET /api/v1/records.csv`.
        case csv
    }

    /// Which records to export; nil and false filter nothing.
    public struct RecordFilter: Sendable {
        public var items: [String]?
        public var office: String?
        public var from: String?
        public var to: String?
        public var text: String?
        public var includeWithdrawn = false
        public var includePending = false

        public init() {}
    }

    let stored: StoredCatalogue
    let records: RecordIndex
    let calendar: WorkingCalendar
    let now: Double

    /// Reads the data directory of `config` (the embedded seed catalogue when it has none).
    public init(config: ServerConfig, now: Double = Date().timeIntervalSince1970) throws {
        let data = config.dataDirectory
        let fileSystem = POSIXFileSystem()
        guard try fileSystem.status(data)?.isDirectory == true else {
            throw ConfigError(message: "数据目录不存在 (no such data directory): \(data)")
        }
        if let stored = try DocumentFile<StoredCatalogue>(path: data + "/catalogue.json", fileSystem: fileSystem).load() {
            self.stored = CatalogueService.withRules(stored)
        } else {
            let seed = try CatalogueImporter.parse(EmbeddedSeedCatalogue.text)
            self.stored = CatalogueService.withRules(StoredCatalogue(version: 1, updatedAt: Timestamp.iso(now), catalogue: seed))
        }
        let path = data + "/" + RecordStore.fileName
        var versions: [Record] = []
        if let bytes = try fileSystem.readFile(path) {
            versions = try AppendLog.parse(bytes, path: path) { line in
                try JSONDecoder().decode(Record.self, from: Data(line))
            }.values
        }
        records = RecordIndex(RecordSnapshot(versions: versions).records.values)
        calendar = try CalendarService(dataDirectory: data, fileSystem: fileSystem).current
        self.now = now
    }

    /// The catalogue, whole.
    public func catalogue(_ format: CatalogueFormat) -> [UInt8] {
        switch format {
        case .json: JSONOutput.encode(CatalogueDocument(stored), pretty: true) + [10]
        case .csv: CSV.encode(ExportTables.catalogueRows(stored.catalogue.items))
        case .text: Array(CatalogueTextWriter.text(stored.catalogue).utf8)
        }
    }

    /// Items whose empty 公开依据 or 公开时限 the text layout cannot carry (see `CatalogueTextWriter`).
    public var inexactTextItems: [(id: String, field: String)] { CatalogueTextWriter.inexactItems(stored.catalogue) }

    /// The records matching `filter`, newest first.
    public func records(_ format: RecordFormat, filter: RecordFilter) throws -> [UInt8] {
        var q = RecordQuery()
        q.itemIds = filter.items.map(Set.init)
        q.office = filter.office
        func date(_ text: String?, _ name: String) throws -> LocalDate? {
            guard let text else { return nil }
            guard let d = LocalDate(iso: text) else { throw ConfigError(message: "--\(name) 必须是 YYYY-MM-DD 格式的日期 (must be a date YYYY-MM-DD): \(text)") }
            return d
        }
        q.from = try date(filter.from, "from")
        q.to = try date(filter.to, "to")
        q.text = filter.text
        q.includeWithdrawn = filter.includeWithdrawn
        q.pendingVisibleTo = filter.includePending ? nil : []
        q.limit = Int.max
        let page = records.query(q)
        let snapshot = CatalogueSnapshot(stored)
        let index = records
        let presenter = RecordPresenter(catalogue: snapshot, calendar: calendar, today: LocalDate.todayInChina(now: now),
                                        lookup: { index.record(id: $0) })
        let views = page.records.map(presenter.view)
        switch format {
        case .json: return JSONOutput.encode(RecordList(records: views, total: page.total, next: nil), pretty: true) + [10]
        case .csv: return CSV.encode(ExportTables.recordRows(views, catalogue: snapshot))
        }
    }
}
