import ArgumentParser
import Foundation
import GongkaiAPI
import GongkaiStorage

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "管理访问令牌 (manage access tokens).",
        discussion: """
        令牌只保存 SHA-256 摘要（tokens.json，权限 0600）；明文只在创建时显示一次。
        (Only SHA-256 digests are stored; the secret is shown once.)
        运行中的服务一秒内识别新建和吊销的令牌，无需重启 (a running server sees changes within a second)。

        示例 (examples):
          gongkai token create --name 办公室-管理员 --role admin
          gongkai token create --name 中小企业科-2026 --role office --office 中小企业科
          gongkai token list
          gongkai token revoke 中小企业科-2025
        """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "创建令牌，明文作为最后一行输出 (create a token; the secret is the last line of output).",
            discussion: """
              gongkai token create --name 办公室-管理员 --role admin
              gongkai token create --name 节能管理科 --role office --office 节能管理科
            """
        )

        @OptionGroup var options: ConfigOptions

        @Option(help: "令牌名称，出现在审计日志中 (name shown in the audit log).")
        var name: String

        @Option(help: "admin（办公室管理员）或 office（科室） (admin or office).")
        var role: String

        @Option(help: "科室名称，role 为 office 时必填，须是 config.json 中 offices 之一 (the office; required for role office).")
        var office: String?

        func run() throws {
            let config = try options.load()
            guard let tokenRole = TokenRole(rawValue: role) else { throw ValidationError("--role 必须是 admin 或 office (must be admin or office)") }
            if role == "office" {
                guard let office else { throw ValidationError("--role office 需要 --office 科室 (needs --office)") }
                guard config.offices.contains(office) else {
                    throw ValidationError("\(office) 不在配置的科室中：\(config.offices.joined(separator: "、")) (not a configured office)")
                }
            } else if office != nil {
                throw ValidationError("--office 只用于 --role office (only for role office)")
            }
            try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
            let store = try TokenStore(directory: config.dataDirectory)
            let secret = try store.create(name: name, role: tokenRole, office: tokenRole == .office ? office : nil)
            print("已创建令牌 \(name)（\(role)\(office.map { "，\($0)" } ?? "")）。请妥善保存，它不会再次显示 (created; store it now, it will not be shown again):")
            print(secret)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出令牌（不显示明文） (list tokens, never their secrets).")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let config = try options.load()
            let store = try TokenStore(directory: config.dataDirectory)
            for t in store.list() {
                let state = t.revokedAt.map { "revoked \($0)" } ?? "active"
                print("\(t.name)\t\(t.role.rawValue)\t\(t.office ?? "-")\tcreated \(t.createdAt)\t\(state)")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "吊销令牌 (revoke a token).",
                                                        discussion: "  gongkai token revoke 节能管理科")

        @OptionGroup var options: ConfigOptions

        @Argument(help: "令牌名称 (token name).")
        var name: String

        func run() throws {
            let config = try options.load()
            let store = try TokenStore(directory: config.dataDirectory)
            try store.revoke(name: name)
            print("已吊销 (revoked): \(name)")
        }
    }
}
