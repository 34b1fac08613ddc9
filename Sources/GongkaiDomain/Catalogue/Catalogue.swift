/// A 政府信息公开基本目录: the department's list of what it must publish, and how.
public struct Catalogue: Sendable, Equatable {
    public var title: String
    /// The publishing agency: the title without 政府信息公开基本目录.
    public var agency: String
    /// Every channel label the catalogue's template offers, ticked or not, in order.
    public var channels: [String]
    public var items: [CatalogueItem]
    /// What the importer found irregular. Never silently guessed away.
    public var warnings: [ImportWarning]

    public init(title: String, agency: String, channels: [String], items: [CatalogueItem], warnings: [ImportWarning] = []) {
        self.title = title
        self.agency = agency
        self.channels = channels
        self.items = items
        self.warnings = warnings
    }

    public func item(id: String) -> CatalogueItem? { items.first { $0.id == id } }
}

extension Catalogue: Codable {
    enum CodingKeys: String, CodingKey { case title, agency, channels, items, warnings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        agency = try c.decode(String.self, forKey: .agency)
        channels = try c.decodeIfPresent([String].self, forKey: .channels) ?? []
        items = try c.decode([CatalogueItem].self, forKey: .items)
        warnings = try c.decodeIfPresent([ImportWarning].self, forKey: .warnings) ?? []
    }
}
