import GongkaiDomain

/// The catalogue as kept in `catalogue.json`: the content plus its version history marker.
struct StoredCatalogue: Codable, Sendable, Equatable {
    var version: Int
    var updatedAt: String
    var catalogue: Catalogue

    enum CodingKeys: String, CodingKey {
        case version, catalogue
        case updatedAt = "updated_at"
    }
}

/// The catalogue as `GET /api/v1/catalogue` serves it.
struct CatalogueDocument: Encodable {
    var title: String
    var agency: String
    var version: Int
    var updatedAt: String
    var channels: [String]
    var items: [CatalogueItem]

    init(_ stored: StoredCatalogue, items: [CatalogueItem]? = nil) {
        title = stored.catalogue.title
        agency = stored.catalogue.agency
        version = stored.version
        updatedAt = stored.updatedAt
        channels = stored.catalogue.channels
        self.items = items ?? stored.catalogue.items
    }

    enum CodingKeys: String, CodingKey {
        case title, agency, version, channels, items
        case updatedAt = "updated_at"
    }
}
