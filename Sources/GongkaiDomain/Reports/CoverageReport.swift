/// Catalogue items with no published record in a year: an empty column on a government
/// website is an inspection finding.
public struct CoverageReport: Sendable, Encodable {
    public struct Gap: Sendable, Encodable {
        public var id: String
        public var category: String
        public var subcategory: String
        public var office: String
        public var method: [String]
    }

    public var year: Int
    public var itemCount: Int
    public var coveredCount: Int
    public var uncovered: [Gap]

    public init(year: Int, items: [CatalogueItem], records: [Record]) {
        self.year = year
        var covered = Set<String>()
        for r in records where !r.isWithdrawn && r.publishedOn?.year == year { covered.insert(r.itemId) }
        itemCount = items.count
        coveredCount = items.filter { covered.contains($0.id) }.count
        uncovered = items.filter { !covered.contains($0.id) }.map {
            Gap(id: $0.id, category: $0.category, subcategory: $0.subcategory, office: $0.office, method: $0.method)
        }
    }

    enum CodingKeys: String, CodingKey {
        case year, uncovered
        case itemCount = "item_count"
        case coveredCount = "covered_count"
    }
}
