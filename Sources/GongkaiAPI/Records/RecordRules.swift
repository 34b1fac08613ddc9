import GongkaiDomain

/// The rules a record must satisfy against the catalogue, the calendar and the caller.
struct RecordRules {
    let catalogue: CatalogueSnapshot
    let scope: OfficeScope
    let today: LocalDate

    /// The item a record may be filed under, or a 422 naming item_id.
    func item(_ id: String) throws -> CatalogueItem {
        guard let item = catalogue.itemsById[id] else {
            throw APIError.invalidFields([FieldProblem("item_id", "目录中没有事项 \(id)", "the catalogue has no item \(id)")])
        }
        return item
    }

    /// The office a new record belongs to: the token's own, or the one an admin names.
    func office(for caller: Caller, requested: String?) throws -> String {
        if let own = caller.office, !caller.isAdmin {
            if let requested, requested != own {
                throw APIError.forbidden(Message("科室令牌只能以本科室（\(own)）名义发布", "an office token may post only as its own office (\(own))"))
            }
            return own
        }
        guard let requested else {
            throw APIError.invalidFields([FieldProblem("office", "管理员发布时必须指定科室", "an administrator must name the office")])
        }
        guard scope.offices.contains(requested) else {
            throw APIError.invalidFields([FieldProblem("office", "不是已配置的科室：\(requested)（可选：\(scope.offices.joined(separator: "、"))）",
                                                       "not a configured office: \(requested)")])
        }
        return requested
    }

    /// 403 unless the caller may post under the item.
    func authorize(_ caller: Caller, office: String, item: CatalogueItem) throws {
        guard caller.isAdmin || scope.mayPost(office: office, toItemOffice: item.office) else {
            throw APIError.forbidden(Message("\(office) 不是事项 \(item.id)（\(item.subcategory)）的公开主体（\(item.office)）",
                                             "\(office) is not responsible for item \(item.id) (公开主体: \(item.office))"))
        }
    }

    /// Date rules shared by create and update, checked on the record as it would be stored.
    func checkDates(_ r: Record) throws {
        var problems: [FieldProblem] = []
        if r.formedOn > today {
            problems.append(FieldProblem("formed_on", "不能晚于今天（\(today)）", "must not be after today (\(today))"))
        }
        if let p = r.publishedOn {
            if p > today { problems.append(FieldProblem("published_on", "不能晚于今天（\(today)）", "must not be after today (\(today))")) }
            if r.formedOn > p {
                problems.append(FieldProblem("formed_on", "成文日期 \(r.formedOn) 不能晚于发布日期 \(p)", "formed_on \(r.formedOn) must not be after published_on \(p)"))
            }
        }
        if let repealed = r.repealedOn {
            if repealed < r.formedOn { problems.append(FieldProblem("repealed_on", "不能早于成文日期", "must not be before formed_on")) }
            if repealed > today { problems.append(FieldProblem("repealed_on", "不能晚于今天", "must not be after today")) }
        }
        if let e = r.eventOn, e > today {
            problems.append(FieldProblem("event_on", "不能晚于今天（\(today)）", "must not be after today (\(today))"))
        }
        if !problems.isEmpty { throw APIError.invalidFields(problems) }
    }

    /// Channels named by the client, in the catalogue's order and with its notes.
    func channels(_ names: [String]?, item: CatalogueItem) throws -> [Channel] {
        guard let names else { return item.channels }
        let known = catalogue.catalogue.channels
        if !known.isEmpty, let unknown = names.first(where: { name in !known.contains { Self.baseName($0) == name } }) {
            throw APIError.invalidFields([FieldProblem("channels", "未知渠道：\(unknown)（可选：\(known.map(Self.baseName).joined(separator: "、"))）",
                                                       "unknown channel: \(unknown)")])
        }
        let ordered = known.isEmpty ? names : known.map(Self.baseName).filter(names.contains)
        return ordered.map { name in item.channels.first { $0.name == name } ?? Channel(name: name) }
    }

    /// A label without its parenthesised note: 政务新媒体（根据具体情况选择） → 政务新媒体.
    static func baseName(_ label: String) -> String {
        guard let open = label.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return label }
        return String(label[..<open]).trimmingCharacters(in: .whitespaces)
    }
}
