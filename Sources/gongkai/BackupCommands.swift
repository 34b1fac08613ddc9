import ArgumentParser
import GongkaiAPI
import GongkaiStorage

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "在服务运行时做一致性备份 (take a consistent snapshot, also while the server runs).",
        discussion: """
        复制数据目录中的全部 JSON 文件并写入 manifest.json（含 SHA-256），恢复时先校验。
        (Copies every JSON file of the data directory plus a manifest with SHA-256 sums, verified on restore.)
          gongkai backup /var/backups/gongkai-2026-11-29
          gongkai backup --data-dir /var/lib/gongkai /var/backups/gongkai-$(date +%F)
        """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "备份目录，必须不存在或为空 (destination directory; must not exist or be empty).")
    var destination: String

    func run() throws {
        let config = try options.load()
        try Backup.snapshot(dataDirectory: config.dataDirectory, to: destination)
        print("备份完成 (backup written): \(destination)")
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "从备份恢复数据目录（请先停止服务） (restore the data directory from a backup; stop the server first).",
        discussion: """
        原数据目录改名保留为 <数据目录>.before-restore-<时间>，确认无误后可手动删除。
        (The previous data directory is kept as <data>.before-restore-<time>.)
          systemctl stop gongkai
          gongkai restore --data-dir /var/lib/gongkai /var/backups/gongkai-2026-11-29
          systemctl start gongkai
        """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "备份目录 (backup directory).")
    var source: String

    func run() throws {
        let config = try options.load()
        try Backup.restore(from: source, to: config.dataDirectory)
        print("已恢复 (restored) \(source) → \(config.dataDirectory)")
    }
}
