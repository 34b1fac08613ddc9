import ArgumentParser
import Foundation
import GongkaiAPI

/// `--config` plus the overrides every command that touches the data directory accepts.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "配置文件 (config file); default: $GONGKAI_CONFIG, else ./config.json if present, else built-in defaults.")
    var config: String?

    @Option(name: .long, help: "数据目录 (data directory), overrides data_dir and $GONGKAI_DATA_DIR.")
    var dataDir: String?

    /// The effective configuration: file, then environment, then flags.
    func load(host: String? = nil, port: Int? = nil) throws -> ServerConfig {
        let env = ProcessInfo.processInfo.environment
        var config: ServerConfig
        if let path = self.config ?? env["GONGKAI_CONFIG"] {
            config = try ServerConfig.load(path: path)
        } else if FileManager.default.fileExists(atPath: "config.json") {
            config = try ServerConfig.load(path: "config.json")
        } else {
            config = ServerConfig()
        }
        if let v = env["GONGKAI_HOST"] { config.host = v }
        if let v = env["GONGKAI_PORT"] {
            guard let p = Int(v) else { throw ValidationError("GONGKAI_PORT 必须是整数 (must be an integer): \(v)") }
            config.port = p
        }
        if let v = env["GONGKAI_DATA_DIR"] { config.dataDirectory = v }
        if let v = env["GONGKAI_PUBLIC_DIR"] { config.publicDirectory = v }
        if let host { config.host = host }
        if let port { config.port = port }
        if let dataDir { config.dataDirectory = dataDir }
        try config.validate()
        return config
    }
}
