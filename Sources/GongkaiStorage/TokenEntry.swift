/// Who may write: an administrator, or one office (科室).
public enum TokenRole: String, Codable, Sendable, CaseIterable {
    case admin
    case office
}

/// One API token as stored: its SHA-256, never the secret itself.
public struct TokenEntry: Codable, Sendable, Equatable {
    public var name: String
    public var role: TokenRole
    /// The office an office token writes for.
    public var office: String?
    /// Lower-case hex SHA-256 of the whole secret (UTF-8, `gk_` prefix included).
    public var sha256: String
    public var createdAt: String
    public var revokedAt: String?

    public init(name: String, role: TokenRole, office: String?, sha256: String, createdAt: String, revokedAt: String? = nil) {
        self.name = name
        self.role = role
        self.office = office
        self.sha256 = sha256
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isActive: Bool { revokedAt == nil }

    enum CodingKeys: String, CodingKey {
        case name, role, office, sha256
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(office, forKey: .office)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(revokedAt, forKey: .revokedAt)
    }
}

/// The shape of `tokens.json`.
struct TokenFile: Codable, Sendable {
    var tokens: [TokenEntry]
}
