import GongkaiDomain

/// Reads typed fields out of a JSON object, collecting every problem instead of stopping at
/// the first, so the client can fix a whole form in one round trip.
struct FieldReader {
    /// A field that may be absent, explicitly null, or carry a value — three different
    /// requests (e.g. `published_on` absent means today, null means not yet published).
    enum Presence<T> {
        case absent
        case null
        case value(T)

        var value: T? {
            if case let .value(v) = self { return v }
            return nil
        }

        var isAbsent: Bool {
            if case .absent = self { return true }
            return false
        }
    }

    let object: [String: JSONValue]
    private(set) var problems: [FieldProblem] = []

    init(_ object: [String: JSONValue], allowed: Set<String>) throws {
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        if !unknown.isEmpty { throw APIError.unknownFields(unknown) }
        self.object = object
    }

    mutating func fail(_ field: String, _ zh: String, _ en: String) {
        problems.append(FieldProblem(field, zh, en))
    }

    /// Throws the collected problems as one 422.
    func finish() throws {
        if !problems.isEmpty { throw APIError.invalidFields(problems) }
    }

    mutating func string(_ field: String, maxLength: Int, allowEmpty: Bool = false, multiline: Bool = false) -> Presence<String> {
        guard let raw = object[field] else { return .absent }
        switch raw {
        case .null:
            return .null
        case let .string(s):
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty, !allowEmpty {
                fail(field, "不能为空", "must not be empty")
            } else if trimmed.count > maxLength {
                fail(field, "不能超过 \(maxLength) 个字符（现有 \(trimmed.count) 个）", "must be at most \(maxLength) characters (got \(trimmed.count))")
            } else if trimmed.unicodeScalars.contains(where: { Self.isForbiddenControl($0, multiline: multiline) }) {
                fail(field, "含有不允许的控制字符", "contains a control character that is not allowed")
            } else {
                return .value(trimmed)
            }
            return .absent
        default:
            fail(field, "必须是字符串", "must be a string, got \(raw.kindName)")
            return .absent
        }
    }

    mutating func date(_ field: String) -> Presence<LocalDate> {
        guard let raw = object[field] else { return .absent }
        switch raw {
        case .null:
            return .null
        case let .string(s):
            if let d = LocalDate(iso: s) { return .value(d) }
            fail(field, "日期格式必须是 YYYY-MM-DD 且真实存在（收到 \(s.prefix(40))）", "must be a real date as YYYY-MM-DD (got \(s.prefix(40)))")
            return .absent
        default:
            fail(field, "必须是 YYYY-MM-DD 格式的日期字符串", "must be a date string YYYY-MM-DD, got \(raw.kindName)")
            return .absent
        }
    }

    mutating func strings(_ field: String, maxCount: Int, maxLength: Int) -> Presence<[String]> {
        guard let raw = object[field] else { return .absent }
        switch raw {
        case .null:
            return .null
        case let .array(elements):
            guard elements.count <= maxCount else {
                fail(field, "最多 \(maxCount) 项", "must have at most \(maxCount) entries")
                return .absent
            }
            var out: [String] = []
            for element in elements {
                guard case let .string(s) = element, !s.isEmpty, s.count <= maxLength,
                      !s.unicodeScalars.contains(where: { Self.isForbiddenControl($0, multiline: false) }) else {
                    fail(field, "必须是非空字符串数组，每项不超过 \(maxLength) 个字符", "must be an array of non-empty strings of at most \(maxLength) characters")
                    return .absent
                }
                if !out.contains(s) { out.append(s) }
            }
            return .value(out)
        default:
            fail(field, "必须是字符串数组", "must be an array of strings, got \(raw.kindName)")
            return .absent
        }
    }

    static func isForbiddenControl(_ s: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline, s == "\n" || s == "\t" || s == "\r" { return false }
        return s.properties.generalCategory == .control || s.value == 0x2028 || s.value == 0x2029
    }
}
