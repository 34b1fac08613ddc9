import ArgumentParser

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "政府信息公开基本目录与发布记录服务 (Gongkai: the disclosure catalogue and publication register server).",
        discussion: """
        示例 (examples):
          gongkai serve                                  # 用 config.json 启动，数据在 ./data
          gongkai serve --port 9000 --data-dir /srv/gongkai
          gongkai import --print 目录.txt > 目录.json      # 解析目录文本，警告写到 stderr
          gongkai token create --name 中小企业科-张三 --role office --office 中小企业科
          gongkai token list
          gongkai token revoke 中小企业科-张三
          gongkai check-config --config /etc/gongkai/config.json
          gongkai backup /var/backups/gongkai-2026-11-29
          gongkai restore /var/backups/gongkai-2026-11-29
          gongkai export catalogue --format csv -o 基本目录.csv
          gongkai export records --format csv --year 2026 -o 2026年发布记录.csv
          gongkai healthcheck                            # 容器健康检查：GET /healthz
        """,
        subcommands: [ServeCommand.self, ImportCommand.self, ExportCommand.self, TokenCommand.self, CheckConfigCommand.self,
                      BackupCommand.self, RestoreCommand.self, HealthcheckCommand.self]
    )
}
