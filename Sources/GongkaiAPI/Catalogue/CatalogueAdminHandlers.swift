import Foundation
import GongkaiDomain
import GongkaiHTTP
import GongkaiImport

/// Administrator changes to the catalogue. Each bumps the catalogue version and is audited.
enum CatalogueAdminHandlers {
    /// `POST /api/v1/catalogue/items`: adds an item; without an id it gets the next 序号.
    static func create(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireAdmin()
        var item = try ItemInput.decode(try ctx.jsonObject(), pathId: nil)
        let (before, after) = try ctx.services.catalogue.update(now: ctx.now) { catalogue in
            var catalogue = catalogue
            if item.id.isEmpty {
                let next = (catalogue.items.map(\.seq).max() ?? 0) + 1
                item.id = String(next)
                item.seq = next
            }
            guard catalogue.item(id: item.id) == nil else {
                throw APIError.conflict(Message("事项 \(item.id) 已存在", "item \(item.id) already exists"))
            }
            catalogue.items.append(item)
            return catalogue
        }
        ctx.services.recordAudit(caller, action: "catalogue.item.create", target: item.id, before: before, after: after.version, now: ctx.now)
        guard let saved = after.itemsById[item.id] else { throw APIError.internalError(Message("保存后找不到事项", "item missing after save")) }
        var response = Responses.json(ItemView(item: saved, recordCount: 0), status: 201, cache: "no-store")
        response.headers.add("Location", "/api/v1/catalogue/items/\(Percent.encodeSegment(item.id))")
        return response
    }

    /// `PUT /api/v1/catalogue/items/{id}`: replaces an item with the body, shaped as GET returns it.
    static func replace(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireAdmin()
        let id = ctx.parameter("id")
        let item = try ItemInput.decode(try ctx.jsonObject(), pathId: id)
        let (before, after) = try ctx.services.catalogue.update(now: ctx.now) { catalogue in
            var catalogue = catalogue
            guard let i = catalogue.items.firstIndex(where: { $0.id == id }) else {
                throw APIError.notFound(Message("目录中没有事项 \(id)", "the catalogue has no item \(id)"))
            }
            catalogue.items[i] = item
            return catalogue
        }
        ctx.services.recordAudit(caller, action: "catalogue.item.replace", target: id, before: before, after: after.version, now: ctx.now)
        let count = ctx.services.records.publishedCounts()[id] ?? 0
        return Responses.json(ItemView(item: after.itemsById[id] ?? item, recordCount: count), cache: "no-store")
    }

    /// `DELETE /api/v1/catalogue/items/{id}`: refused (409) while records point at the item.
    static func delete(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireAdmin()
        let id = ctx.parameter("id")
        let referencing = ctx.services.records.ids(referencingItems: [id])
        guard referencing.isEmpty else {
            throw APIError.conflict(Message("事项 \(id) 下有 \(referencing.count) 条记录，不能删除", "item \(id) has \(referencing.count) records and cannot be deleted"),
                                    ids: Array(referencing.prefix(100)))
        }
        let (before, after) = try ctx.services.catalogue.update(now: ctx.now) { catalogue in
            var catalogue = catalogue
            guard let i = catalogue.items.firstIndex(where: { $0.id == id }) else {
                throw APIError.notFound(Message("目录中没有事项 \(id)", "the catalogue has no item \(id)"))
            }
            catalogue.items.remove(at: i)
            return catalogue
        }
        ctx.services.recordAudit(caller, action: "catalogue.item.delete", target: id, before: before, after: after.version, now: ctx.now)
        return HTTPResponse(status: 204)
    }

    /// `POST /api/v1/catalogue/import`: a catalogue text; `dry_run=true` only parses it.
    /// Otherwise it replaces the catalogue, keeping ids, and refuses to drop items that
    /// records point at (409 listing them).
    static func importText(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireAdmin()
        let query = try QueryReader(ctx.request, allowed: ["dry_run"])
        try ctx.requireMediaType("text/plain")
        let parsed = try CatalogueImporter.parse(data: ctx.request.body)
        if try query.bool("dry_run") == true {
            return Responses.json(parsed, cache: "no-store")
        }
        let newIds = Set(parsed.items.map(\.id))
        let (before, after) = try ctx.services.catalogue.update(now: ctx.now) { current in
            let dropped = current.items.map(\.id).filter { !newIds.contains($0) }
            let stranded = ctx.services.records.itemIds(withRecordsAmong: Set(dropped))
            guard stranded.isEmpty else {
                throw APIError.conflict(Message("新目录缺少仍有记录的事项：\(stranded.joined(separator: ", "))",
                                                "the new catalogue drops items that records point at: \(stranded.joined(separator: ", "))"),
                                        ids: stranded)
            }
            return parsed
        }
        ctx.services.recordAudit(caller, action: "catalogue.import", target: "catalogue", before: before, after: after.version,
                                     detail: "\(parsed.items.count) items, \(parsed.warnings.count) warnings", now: ctx.now)
        return Responses.json(ImportResult(version: after.version, items: parsed.items.count, warnings: parsed.warnings), cache: "no-store")
    }
}

struct ImportResult: Encodable {
    var version: Int
    var items: Int
    var warnings: [ImportWarning]
}

/// Reads an item body for POST/PUT. Read-only fields (`record_count`) are ignored, not
/// rejected, so a client can PUT back exactly what it got from GET.
enum ItemInput {
    static let fields: Set<String> = [
        "id", "seq", "part", "category", "subcategory", "content", "basis", "office", "deadline",
        "channels", "audience", "method", "level", "extra", "deadline_rule", "record_count",
    ]

    static func decode(_ object: [String: JSONValue], pathId: String?) throws -> CatalogueItem {
        _ = try FieldReader(object, allowed: fields)
        var object = object
        object["record_count"] = nil
        if let pathId {
            switch object["id"] {
            case nil, .string(pathId)?:
                break
            case .string?:
                throw APIError.invalidFields([FieldProblem("id", "与地址中的事项编号 \(pathId) 不一致", "does not match the id in the path (\(pathId))")])
            case let other?:
                throw APIError.invalidFields([FieldProblem("id", "必须是字符串", "must be a string, got \(other.kindName)")])
            }
            object["id"] = .string(pathId)
        } else if object["id"] == nil {
            object["id"] = .string("")
        }
        if object["seq"] == nil {
            let seq = (object["id"].flatMap { if case let .string(s) = $0 { s } else { nil } } ?? "").split(separator: "-").first.flatMap { Int($0) }
            object["seq"] = .number(Double(seq ?? 0))
        }
        let item: CatalogueItem
        do {
            item = try JSONDecoder().decode(CatalogueItem.self, from: Data(JSONOutput.encode(object)))
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.invalidFields([FieldProblem(key.stringValue, "必填", "is required")])
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: "/")
            throw APIError.invalidFields([FieldProblem(field, "类型不正确", "has the wrong type")])
        } catch let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: "/")
            throw APIError.invalidFields([FieldProblem(field, "取值无效：\(context.debugDescription)", "invalid value: \(context.debugDescription)")])
        }
        try validate(item, creating: pathId == nil)
        return item
    }

    static func validate(_ item: CatalogueItem, creating: Bool) throws {
        var problems: [FieldProblem] = []
        let idOK = item.id.count <= 32 && item.id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        if !(creating && item.id.isEmpty) && (item.id.isEmpty || !idOK) {
            problems.append(FieldProblem("id", "只能包含字母、数字和 -，最长 32 个字符", "may hold only letters, digits and '-', at most 32 characters"))
        }
        if item.category.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(FieldProblem("category", "不能为空", "must not be empty")) }
        if item.office.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(FieldProblem("office", "不能为空", "must not be empty")) }
        if item.seq < 0 { problems.append(FieldProblem("seq", "不能为负数", "must not be negative")) }
        if let bad = item.audience.first(where: { !["全社会", "特定群体"].contains($0) }) {
            problems.append(FieldProblem("audience", "只能是 全社会、特定群体（收到 \(bad)）", "may only contain 全社会 and 特定群体 (got \(bad))"))
        }
        if let bad = item.method.first(where: { !["主动", "依申请"].contains($0) }) {
            problems.append(FieldProblem("method", "只能是 主动、依申请（收到 \(bad)）", "may only contain 主动 and 依申请 (got \(bad))"))
        }
        let texts = [item.category, item.subcategory, item.content, item.basis, item.office, item.deadline]
        if texts.contains(where: { $0.count > 5_000 }) { problems.append(FieldProblem("content", "文字过长", "text too long")) }
        if !problems.isEmpty { throw APIError.invalidFields(problems) }
    }
}
