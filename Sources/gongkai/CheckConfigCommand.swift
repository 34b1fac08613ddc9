import ArgumentParser
import GongkaiAPI

struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "检查配置文件，有误时退出码非 0 (validate a configuration; non-zero exit when wrong).",
        discussion: "  gongkai check-config --config /etc/gongkai/config.json"
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        print("配置有效 (configuration is valid): http://\(config.host):\(config.port), data_dir \(config.dataDirectory), \(config.offices.count) offices")
    }
}
