import Foundation
import GongkaiDomain
import GongkaiHTTP

/// Reading, posting, changing and withdrawing publication records.
enum RecordHandlers {
    static let listParameters: Set<String> = ["item", "office", "from", "to", "year", "q", "limit", "cursor", "include", "state"]

    /// `GET /api/v1/records`: newest first, filtered, keyset-paged.
    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.caller()
        let query = try recordQuery(ctx, caller: caller, maxLimit: 200)
        let records = ctx.services.records
        let presenter = ctx.services.presenter(today: ctx.today)
        var stamp = RecordPageCache.Stamp(index: records.version, calendar: presenter.calendarVersion,
                                          catalogue: presenter.catalogue.version, today: presenter.today)
        let entry: RecordPageCache.Entry
        if let cached = ctx.services.recordPages.entry(for: query, stamp: stamp) {
            entry = cached
        } else {
            let (page, version) = records.versionedQuery(query)
            let body = presenter.listJSON(page.records, total: page.total, next: page.next?.cursor)
            stamp.index = version  // a write may have come in since the version was read
            entry = RecordPageCache.Entry(stamp: stamp, body: body, etag: ContentHash.etag(body))
            ctx.services.recordPages.remember(entry, for: query)
        }
        var response = Responses.json(entry.body, etag: entry.etag, cache: Responses.cache(for: caller))
        response.headers.add("Vary", "Authorization")
        return response
    }

    /// Parses the list filters shared by JSON, CSV and Atom.
    static func recordQuery(_ ctx: RequestContext, caller: Caller?, maxLimit: Int) throws -> RecordQuery {
        let reader = try QueryReader(ctx.request, allowed: listParameters)
        var q = RecordQuery()
        q.itemIds = reader.list("item").map(Set.init)
        q.office = reader.string("office")
        q.from = try reader.date("from")
        q.to = try reader.date("to")
        if let year = try reader.int("year", range: 1900...9999) {
            q.from = max(q.from ?? .init(year: year, month: 1, day: 1)!, LocalDate(year: year, month: 1, day: 1)!)
            q.to = min(q.to ?? .init(year: year, month: 12, day: 31)!, LocalDate(year: year, month: 12, day: 31)!)
        }
        q.text = reader.string("q").map { String($0.prefix(100)) }
        q.limit = try reader.int("limit", range: 1...maxLimit) ?? 20
        if let cursor = reader.string("cursor") {
            guard let key = RecordOrderKey(cursor: cursor) else {
                throw APIError.badRequest(Message("cursor 无效：请使用上一页返回的 next 值", "invalid cursor: pass the next value of the previous page"))
            }
            q.after = key
        }
        if let include = reader.list("include") {
            guard include.allSatisfy({ $0 == "withdrawn" }) else {
                throw APIError.badRequest(Message("include 只能是 withdrawn", "include may only be withdrawn"))
            }
            q.includeWithdrawn = true
        }
        if let state = reader.string("state") {
            guard state == "pending" else { throw APIError.badRequest(Message("state 只能是 pending", "state may only be pending")) }
            guard caller != nil else { throw APIError.unauthorized(Message("查看待发布记录需要令牌", "a token is required to see pending records")) }
            q.onlyPending = true
        }
        q.pendingVisibleTo = caller.map { $0.isAdmin ? nil : Set([$0.office ?? ""]) } ?? []
        return q
    }

    /// `GET /api/v1/records/{id}`.
    static func get(_ ctx: RequestContext) throws -> HTTPResponse {
        _ = try QueryReader(ctx.request, allowed: [])
        let caller = try ctx.caller()
        let id = ctx.parameter("id")
        guard let record = ctx.services.records.record(id: id), RecordService.isVisible(record, to: caller) else {
            throw APIError.notFound(Message("没有记录 \(id)", "no record \(id)"))
        }
        var response = Responses.json(RecordJSON.view(ctx.services.presenter(today: ctx.today).view(record)),
                                      etag: RecordService.etag(record), cache: Responses.cache(for: caller))
        response.headers.add("Vary", "Authorization")
        return response
    }

    /// `POST /api/v1/records` → 201 with Location and ETag.
    static func create(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireCaller()
        let input = try RecordInput(try ctx.jsonObject(), creating: true)
        let rules = RecordRules(catalogue: ctx.services.catalogue.snapshot, scope: ctx.services.scope, today: ctx.today)
        // The audit entry is stored with the record, in the same line (RecordService). The 201
        // waits for the fsync without holding a worker thread.
        return try ctx.answerLater { answer in
            try ctx.services.records.create(input, caller: caller, rules: rules, nowText: Timestamp.iso(ctx.now)) { stored in
                answer {
                    let record = try stored.get()
                    var response = written(ctx, record, status: 201)
                    response.headers.add("Location", "/api/v1/records/\(record.id)")
                    return response
                }
            }
        }
    }

    /// The answer to a record write: the record as stored, its ETag, never cached.
    private static func written(_ ctx: RequestContext, _ record: Record, status: Int = 200) -> HTTPResponse {
        Responses.json(RecordJSON.view(ctx.services.presenter(today: ctx.today).view(record)), status: status,
                       etag: RecordService.etag(record), cache: "no-store")
    }

    /// `PATCH /api/v1/records/{id}` with If-Match.
    static func patch(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireCaller()
        let input = try RecordInput(try ctx.jsonObject(), creating: false)
        let rules = RecordRules(catalogue: ctx.services.catalogue.snapshot, scope: ctx.services.scope, today: ctx.today)
        let id = ctx.parameter("id")
        if let related = input.relatedRecordId.value, related == id || ctx.services.records.record(id: related) == nil {
            throw APIError.invalidFields([FieldProblem("related_record_id", "没有可关联的记录 \(related)", "no other record \(related)")])
        }
        try ensureExists(ctx, id: id, caller: caller)
        return try ctx.answerLater { answer in
            try ctx.services.records.update(
                id: id, ifMatch: ctx.request.headers["If-Match"], caller: caller, nowText: Timestamp.iso(ctx.now),
                { record in try apply(input, to: &record, caller: caller, rules: rules) },
                then: { stored in answer { try written(ctx, stored.get()) } }
            )
        }
    }

    /// `POST /api/v1/records/{id}/withdraw` with a reason: kept, marked, hidden from lists.
    static func withdraw(_ ctx: RequestContext) throws -> HTTPResponse {
        let caller = try ctx.requireCaller()
        var reader = try FieldReader(try ctx.jsonObject(), allowed: ["reason"])
        let reason = reader.string("reason", maxLength: 500)
        if reason.value == nil, !reader.problems.contains(where: { $0.field == "reason" }) {
            reader.fail("reason", "必须说明撤回原因", "a reason is required")
        }
        try reader.finish()
        let id = ctx.parameter("id")
        try ensureExists(ctx, id: id, caller: caller)
        let now = Timestamp.iso(ctx.now)
        // If-Match is optional here: withdrawing is idempotent in effect, but honoured when sent.
        let current = ctx.services.records.record(id: id).map(RecordService.etag) ?? "*"
        return try ctx.answerLater { answer in
            try ctx.services.records.update(
                id: id, ifMatch: ctx.request.headers["If-Match"] ?? current, caller: caller, nowText: now,
                action: "record.withdraw", detail: reason.value,
                { record in
                    guard record.withdrawn == nil else {
                        throw APIError.conflict(Message("记录已于 \(record.withdrawn?.at ?? "") 撤回", "the record was already withdrawn"))
                    }
                    record.withdrawn = Withdrawal(reason: reason.value ?? "", at: now, by: caller.tokenName)
                },
                then: { stored in answer { try written(ctx, stored.get()) } }
            )
        }
    }

    /// 404 for records the caller may not even see, before any precondition is checked.
    static func ensureExists(_ ctx: RequestContext, id: String, caller: Caller) throws {
        guard let record = ctx.services.records.record(id: id), RecordService.isVisible(record, to: caller) else {
            throw APIError.notFound(Message("没有记录 \(id)", "no record \(id)"))
        }
    }

    /// Applies a PATCH body; fields left out stay as they are, null clears optional ones.
    static func apply(_ input: RecordInput, to record: inout Record, caller: Caller, rules: RecordRules) throws {
        if record.isWithdrawn {
            throw APIError.conflict(Message("已撤回的记录不能再修改", "a withdrawn record cannot be changed"))
        }
        if let itemId = input.itemId.value, itemId != record.itemId {
            let item = try rules.item(itemId)
            try rules.authorize(caller, office: record.office, item: item)
            record.itemId = itemId
        }
        if input.office.value != nil, input.office.value != record.office {
            throw APIError.invalidFields([FieldProblem("office", "记录的科室不能修改", "the office of a record cannot change")])
        }
        if let v = input.title.value { record.title = v }
        if let v = input.formedOn.value { record.formedOn = v }
        switch input.publishedOn {
        case let .value(d): record.publishedOn = d
        case .null:
            guard record.isPending else {
                throw APIError.invalidFields([FieldProblem("published_on", "已发布的记录不能改回待发布，请撤回", "a published record cannot become pending; withdraw it instead")])
            }
        case .absent: break
        }
        set(&record.documentNumber, input.documentNumber)
        set(&record.summary, input.summary)
        set(&record.body, input.body)
        set(&record.url, input.url)
        set(&record.documentType, input.documentType)
        set(&record.repealedOn, input.repealedOn)
        set(&record.relatedRecordId, input.relatedRecordId)
        set(&record.eventOn, input.eventOn)
        if let names = input.channels.value, let item = rules.catalogue.itemsById[record.itemId] {
            record.channels = try rules.channels(names, item: item)
        }
        try rules.checkDates(record)
    }

    static func set<T>(_ field: inout T?, _ value: FieldReader.Presence<T>) {
        switch value {
        case let .value(v): field = (v as? String)?.isEmpty == true ? nil : v
        case .null: field = nil
        case .absent: break
        }
    }
}

/// The body of `GET /api/v1/records`.
struct RecordList: Encodable {
    var records: [RecordView]
    var total: Int
    var next: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(records, forKey: .records)
        try c.encode(total, forKey: .total)
        try c.encode(next, forKey: .next)
    }

    enum CodingKeys: String, CodingKey { case records, total, next }
}
