import GongkaiDomain

/// The catalogue filters of `GET /api/v1/catalogue`. Each given filter must match.
struct ItemFilter {
    var category: String?
    var subcategory: String?
    var office: String?
    var channel: String?
    var method: String?
    var audience: String?
    /// Substring over every text field of the item.
    var text: String?

    func matches(_ item: CatalogueItem) -> Bool {
        if let category, item.category != category { return false }
        if let subcategory, item.subcategory != subcategory { return false }
        if let office, !item.office.contains(office) { return false }
        if let channel, !item.channels.contains(where: { $0.name == channel }) { return false }
        if let method, !item.method.contains(method) { return false }
        if let audience, !item.audience.contains(audience) { return false }
        if let text {
            let needle = text.lowercased()
            let fields = [item.id, item.category, item.subcategory, item.content, item.basis, item.office, item.deadline]
                + item.channels.map(\.name) + Array(item.extra.values) + [item.level ?? ""]
            if !fields.contains(where: { $0.lowercased().contains(needle) }) { return false }
        }
        return true
    }
}

extension ItemFilter {
    /// The filters named in a query (`CatalogueHandlers.filterNames`); JSON and CSV share it.
    init(_ query: QueryReader) {
        self.init(category: query.string("category"), subcategory: query.string("subcategory"),
                  office: query.string("office"), channel: query.string("channel"),
                  method: query.string("method"), audience: query.string("audience"), text: query.string("q"))
    }
}
