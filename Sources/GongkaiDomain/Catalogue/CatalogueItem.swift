/// One row of the catalogue: a kind of information, who publishes it, by when and where.
public struct CatalogueItem: Sendable, Equatable {
    /// `"N"` for a numbered row alone, `"N-k"` for the k-th row of a group under 序号 N.
    public var id: String
    public var seq: Int
    public var part: Int?
    /// 一级事项
    public var category: String
    /// 二级事项
    public var subcategory: String
    /// 公开内容（要素）
    public var content: String
    /// 公开依据
    public var basis: String
    /// 公开主体
    public var office: String
    /// 公开时限, as the source states it.
    public var deadline: String
    /// Ticked channels only, in the catalogue's channel order.
    public var channels: [Channel]
    /// Subset of 全社会, 特定群体.
    public var audience: [String]
    /// Subset of 主动, 依申请.
    public var method: [String]
    /// 公开层级 (县级, 乡级 …) when the catalogue has that column.
    public var level: String?
    /// Any other column, keyed by its header text (e.g. 备注).
    public var extra: [String: String]
    /// 公开时限 read as a computable rule; nil until the deadline parser has run.
    public var deadlineRule: DeadlineRule?

    public init(id: String, seq: Int, part: Int? = nil, category: String, subcategory: String,
                content: String, basis: String, office: String, deadline: String,
                channels: [Channel], audience: [String], method: [String],
                level: String? = nil, extra: [String: String] = [:], deadlineRule: DeadlineRule? = nil) {
        self.id = id
        self.seq = seq
        self.part = part
        self.category = category
        self.subcategory = subcategory
        self.content = content
        self.basis = basis
        self.office = office
        self.deadline = deadline
        self.channels = channels
        self.audience = audience
        self.method = method
        self.level = level
        self.extra = extra
        self.deadlineRule = deadlineRule
    }
}

extension CatalogueItem: Codable {
    enum CodingKeys: String, CodingKey {
        case id, seq, part, category, subcategory, content, basis, office, deadline
        case channels, audience, method, level, extra
        case deadlineRule = "deadline_rule"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        seq = try c.decode(Int.self, forKey: .seq)
        part = try c.decodeIfPresent(Int.self, forKey: .part)
        category = try c.decode(String.self, forKey: .category)
        subcategory = try c.decodeIfPresent(String.self, forKey: .subcategory) ?? ""
        content = try c.decodeIfPresent(String.self, forKey: .content) ?? ""
        basis = try c.decodeIfPresent(String.self, forKey: .basis) ?? ""
        office = try c.decode(String.self, forKey: .office)
        deadline = try c.decodeIfPresent(String.self, forKey: .deadline) ?? ""
        channels = try c.decodeIfPresent([Channel].self, forKey: .channels) ?? []
        audience = try c.decodeIfPresent([String].self, forKey: .audience) ?? []
        method = try c.decodeIfPresent([String].self, forKey: .method) ?? []
        level = try c.decodeIfPresent(String.self, forKey: .level)
        extra = try c.decodeIfPresent([String: String].self, forKey: .extra) ?? [:]
        deadlineRule = try c.decodeIfPresent(DeadlineRule.self, forKey: .deadlineRule)
    }

    // Written by hand so that absent values appear as JSON null: clients see every field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(seq, forKey: .seq)
        try c.encode(part, forKey: .part)
        try c.encode(category, forKey: .category)
        try c.encode(subcategory, forKey: .subcategory)
        try c.encode(content, forKey: .content)
        try c.encode(basis, forKey: .basis)
        try c.encode(office, forKey: .office)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(channels, forKey: .channels)
        try c.encode(audience, forKey: .audience)
        try c.encode(method, forKey: .method)
        try c.encode(level, forKey: .level)
        try c.encode(extra, forKey: .extra)
        if let deadlineRule { try c.encode(deadlineRule, forKey: .deadlineRule) }
    }
}

/// A ticked 公开渠道: `政务新媒体（根据具体情况选择）` is name 政务新媒体, note 根据具体情况选择.
public struct Channel: Sendable, Equatable, Hashable {
    public var name: String
    public var note: String?

    public init(name: String, note: String? = nil) {
        self.name = name
        self.note = note
    }
}

extension Channel: Codable {
    enum CodingKeys: String, CodingKey { case name, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(note, forKey: .note)
    }
}

/// Something the importer found irregular, with where it found it.
public struct ImportWarning: Sendable, Equatable, Codable {
    public var code: String
    public var itemId: String?
    public var line: Int
    public var message: String

    public init(code: String, itemId: String?, line: Int, message: String) {
        self.code = code
        self.itemId = itemId
        self.line = line
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case code, line, message
        case itemId = "item_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        itemId = try c.decodeIfPresent(String.self, forKey: .itemId)
        line = try c.decode(Int.self, forKey: .line)
        message = try c.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(itemId, forKey: .itemId)
        try c.encode(line, forKey: .line)
        try c.encode(message, forKey: .message)
    }
}
