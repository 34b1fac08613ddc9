import GongkaiHTTP

/// `GET /api/v1/me`: who the token belongs to, so a page can show what its holder may do.
enum MeHandler {
    static func me(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireCaller()
        let items = ctx.services.catalogue.snapshot.catalogue.items
            .filter { caller.isAdmin || ctx.services.scope.mayPost(office: caller.office ?? "", toItemOffice: $0.office) }
            .map(\.id)
        return Responses.json(Me(name: caller.tokenName, role: caller.role.rawValue, office: caller.office, itemIds: items),
                              cache: "private, no-store")
    }

    struct Me: Encodable {
        var name: String
        var role: String
        var office: String?
        var itemIds: [String]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
            try c.encode(role, forKey: .role)
            try c.encode(office, forKey: .office)
            try c.encode(itemIds, forKey: .itemIds)
        }

        enum Keys: String, CodingKey {
            case name, role, office
            case itemIds = "item_ids"
        }
    }
}
