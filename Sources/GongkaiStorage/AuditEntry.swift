/// One line of the audit log: who changed what, when, and the versions before and after.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// ISO 8601 with the +08:00 offset, e.g. `2025-03-01T09:30:00+08:00` (see `Timestamp`).
    public var at: String
    /// The token's name, never its secret.
    public var token: String
    public var role: String
    /// What was done, e.g. `record.create`, `record.update`, `catalogue.import`.
    public var action: String
    /// The id of what was changed.
    public var target: String
    public var beforeVersion: Int?
    public var afterVersion: Int?
    public var detail: String?

    public init(at: String, token: String, role: String, action: String, target: String,
                beforeVersion: Int? = nil, afterVersion: Int? = nil, detail: String? = nil) {
        self.at = at
        self.token = token
        self.role = role
        self.action = action
        self.target = target
        self.beforeVersion = beforeVersion
        self.afterVersion = afterVersion
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case at, token, role, action, target, detail
        case beforeVersion = "before_version"
        case afterVersion = "after_version"
    }

    // Absent values are written as null so every reader sees the full shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(token, forKey: .token)
        try c.encode(role, forKey: .role)
        try c.encode(action, forKey: .action)
        try c.encode(target, forKey: .target)
        try c.encode(beforeVersion, forKey: .beforeVersion)
        try c.encode(afterVersion, forKey: .afterVersion)
        try c.encode(detail, forKey: .detail)
    }
}
