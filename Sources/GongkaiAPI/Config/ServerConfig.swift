import Foundation

/// The server's settings, read from `config.json`.
///
/// Keys (all optional; the default follows each):
/// - `host` ("127.0.0.1"), `port` (8080; 0 picks a free port), `data_dir` ("data"),
///   `public_dir` ("Public"), `threads` (0: two per CPU the process may run on)
/// - `limits`: `max_body_bytes` (1 MiB), `max_connections` (1024), `per_ip_connections` (64,
///   0 = unlimited), `connection_timeout_s` (15)
/// - `agency`: `name`, `code` (the 索引号 prefix; letters, digits and `-` only)
/// - `offices`: the bureau's own 科室, used to decide which items an office may post to
/// - `cors_origins`: origins allowed to call write endpoints from a browser
/// - `log_level` ("info": trace, debug, info, notice, warning, error, critical), `access_log` (true)
///
/// Unknown keys and bad values are errors: a typo must stop the start, not be ignored.
public struct ServerConfig: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "data"
    public var publicDirectory = "Public"
    public var threads = 0
    public var maxBodyBytes = 1_048_576
    public var maxConnections = 1024
    public var perIPConnections = 64
    public var connectionTimeoutSeconds = 15
    public var agencyName = "安宁市工业和科学技术信息化局"
    public var agencyCode = "11530181MB1234567X"
    public var offices = ["办公室", "中小企业科", "工业经济科", "节能管理科"]
    public var corsOrigins: [String] = []
    public var logLevel = "info"
    public var accessLog = true

    public init() {}
}

/// Why a configuration was refused.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension ServerConfig {
    static let topLevelKeys: Set<String> = [
        "host", "port", "data_dir", "public_dir", "threads", "limits", "agency",
        "offices", "cors_origins", "log_level", "access_log",
    ]
    static let limitKeys: Set<String> = ["max_body_bytes", "max_connections", "per_ip_connections", "connection_timeout_s"]
    static let agencyKeys: Set<String> = ["name", "code"]
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Reads and validates a configuration file.
    public static func load(path: String) throws(ConfigError) -> ServerConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(message: "配置文件无法读取 (cannot read config file): \(path)")
        }
        return try parse(Array(data), source: path)
    }

    /// Parses configuration JSON; `source` names it in messages.
    public static func parse(_ bytes: [UInt8], source: String = "config.json") throws(ConfigError) -> ServerConfig {
        let root: [String: JSONValue]
        do {
            guard let object = try JSONValue.parse(bytes).objectValue else {
                throw ConfigError(message: "\(source): 顶层必须是 JSON 对象 (the top level must be a JSON object)")
            }
            root = object
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(message: "\(source): 不是有效的 JSON (not valid JSON): \(error)")
        }
        return try ConfigReader(source: source).read(root)
    }

    /// Range checks that do not depend on how the value arrived (file, flag or environment).
    public func validate() throws(ConfigError) {
        func fail(_ key: String, _ zh: String, _ en: String) throws(ConfigError) {
            throw ConfigError(message: "配置项 \(key) \(zh) (config key \(key) \(en))")
        }
        if host.isEmpty { try fail("host", "不能为空", "must not be empty") }
        if !(0...65535).contains(port) { try fail("port", "必须在 0–65535 之间", "must be between 0 and 65535") }
        if dataDirectory.isEmpty { try fail("data_dir", "不能为空", "must not be empty") }
        if !(0...256).contains(threads) { try fail("threads", "必须在 0–256 之间（0 表示每个 CPU 两个）", "must be between 0 (two per CPU) and 256") }
        if !(1024...(256 << 20)).contains(maxBodyBytes) {
            try fail("limits.max_body_bytes", "必须在 1024–268435456 之间", "must be between 1024 and 268435456")
        }
        if !(1...1_000_000).contains(maxConnections) {
            try fail("limits.max_connections", "必须在 1–1000000 之间", "must be between 1 and 1000000")
        }
        if !(0...1_000_000).contains(perIPConnections) {
            try fail("limits.per_ip_connections", "必须在 0–1000000 之间（0 表示不限）", "must be between 0 and 1000000 (0 = unlimited)")
        }
        if !(1...3600).contains(connectionTimeoutSeconds) {
            try fail("limits.connection_timeout_s", "必须在 1–3600 秒之间", "must be between 1 and 3600 seconds")
        }
        if agencyName.isEmpty { try fail("agency.name", "不能为空", "must not be empty") }
        let codeCharacters = agencyCode.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-"
        }
        if agencyCode.isEmpty || agencyCode.count > 40 || !codeCharacters {
            try fail("agency.code", "只能包含字母、数字和 -，最长 40 个字符", "may hold only letters, digits and '-', at most 40 characters")
        }
        if offices.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            try fail("offices", "不能包含空名称", "must not contain empty names")
        }
        if Set(offices).count != offices.count { try fail("offices", "不能重复", "must not repeat a name") }
        for origin in corsOrigins where !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) || origin.hasSuffix("/") {
            try fail("cors_origins", "中的 \(origin) 必须形如 https://example.gov.cn", "entry \(origin) must look like https://example.gov.cn")
        }
        if !Self.logLevels.contains(logLevel) {
            try fail("log_level", "必须是 \(Self.logLevels.joined(separator: ", ")) 之一", "must be one of \(Self.logLevels.joined(separator: ", "))")
        }
    }
}

/// Walks the decoded JSON, rejecting unknown keys and wrong types with the key's full name.
private struct ConfigReader {
    let source: String

    func read(_ root: [String: JSONValue]) throws(ConfigError) -> ServerConfig {
        var config = ServerConfig()
        try rejectUnknown(root, allowed: ServerConfig.topLevelKeys, prefix: "")
        if let v = root["host"] { config.host = try string(v, "host") }
        if let v = root["port"] { config.port = try int(v, "port") }
        if let v = root["data_dir"] { config.dataDirectory = try string(v, "data_dir") }
        if let v = root["public_dir"] { config.publicDirectory = try string(v, "public_dir") }
        if let v = root["threads"] { config.threads = try int(v, "threads") }
        if let v = root["limits"] {
            let limits = try object(v, "limits")
            try rejectUnknown(limits, allowed: ServerConfig.limitKeys, prefix: "limits.")
            if let v = limits["max_body_bytes"] { config.maxBodyBytes = try int(v, "limits.max_body_bytes") }
            if let v = limits["max_connections"] { config.maxConnections = try int(v, "limits.max_connections") }
            if let v = limits["per_ip_connections"] { config.perIPConnections = try int(v, "limits.per_ip_connections") }
            if let v = limits["connection_timeout_s"] { config.connectionTimeoutSeconds = try int(v, "limits.connection_timeout_s") }
        }
        if let v = root["agency"] {
            let agency = try object(v, "agency")
            try rejectUnknown(agency, allowed: ServerConfig.agencyKeys, prefix: "agency.")
            if let v = agency["name"] { config.agencyName = try string(v, "agency.name") }
            if let v = agency["code"] { config.agencyCode = try string(v, "agency.code") }
        }
        if let v = root["offices"] { config.offices = try strings(v, "offices") }
        if let v = root["cors_origins"] { config.corsOrigins = try strings(v, "cors_origins") }
        if let v = root["log_level"] { config.logLevel = try string(v, "log_level") }
        if let v = root["access_log"] { config.accessLog = try bool(v, "access_log") }
        try config.validate()
        return config
    }

    func rejectUnknown(_ object: [String: JSONValue], allowed: Set<String>, prefix: String) throws(ConfigError) {
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let names = unknown.map { prefix + $0 }.joined(separator: ", ")
            let known = allowed.sorted().map { prefix + $0 }.joined(separator: ", ")
            throw ConfigError(message: "\(source): 未知的配置项 \(names)（可用：\(known)） (unknown config key \(names); known keys: \(known))")
        }
    }

    func typeError(_ key: String, _ zh: String, _ en: String) -> ConfigError {
        ConfigError(message: "\(source): 配置项 \(key) 必须是\(zh) (config key \(key) must be \(en))")
    }

    func string(_ v: JSONValue, _ key: String) throws(ConfigError) -> String {
        guard case let .string(s) = v else { throw typeError(key, "字符串", "a string") }
        return s
    }

    func int(_ v: JSONValue, _ key: String) throws(ConfigError) -> Int {
        guard case let .number(d) = v, let i = Int(exactly: d) else { throw typeError(key, "整数", "an integer") }
        return i
    }

    func bool(_ v: JSONValue, _ key: String) throws(ConfigError) -> Bool {
        guard case let .bool(b) = v else { throw typeError(key, "true 或 false", "true or false") }
        return b
    }

    func object(_ v: JSONValue, _ key: String) throws(ConfigError) -> [String: JSONValue] {
        guard case let .object(o) = v else { throw typeError(key, "对象", "an object") }
        return o
    }

    func strings(_ v: JSONValue, _ key: String) throws(ConfigError) -> [String] {
        guard case let .array(a) = v else { throw typeError(key, "字符串数组", "an array of strings") }
        return try a.map { (element) throws(ConfigError) -> String in
            guard case let .string(s) = element else { throw typeError(key, "字符串数组", "an array of strings") }
            return s
        }
    }
}
