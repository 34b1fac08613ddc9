/// Published records of a year counted by 一级事项, item, office and month.
public struct PublicationStats: Sendable, Encodable {
    public var year: Int
    public var total = 0
    public var byCategory: [String: Int] = [:]
    public var byItem: [String: Int] = [:]
    public var byOffice: [String: Int] = [:]
    /// Index 0 is January.
    public var byMonth = [Int](repeating: 0, count: 12)

    public init(year: Int, items: [CatalogueItem], records: [Record]) {
        self.year = year
        let categoryOf = Dictionary(items.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        for r in records where !r.isWithdrawn {
            guard let published = r.publishedOn, published.year == year else { continue }
            total += 1
            byCategory[categoryOf[r.itemId] ?? "（目录中已删除的事项）", default: 0] += 1
            byItem[r.itemId, default: 0] += 1
            byOffice[r.office, default: 0] += 1
            byMonth[published.month - 1] += 1
        }
    }

    enum CodingKeys: String, CodingKey {
        case year, total
        case byCategory = "by_category"
        case byItem = "by_item"
        case byOffice = "by_office"
        case byMonth = "by_month"
    }
}
