import ArgumentParser
import Foundation
import GongkaiAPI

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出目录或发布记录（JSON、CSV、目录表格文本） (export the catalogue or the records as JSON, CSV or the catalogue's table text).",
        discussion: """
        只读取数据目录，服务运行时也可以使用。CSV 为带 BOM 的 UTF-8，可直接用 Excel、WPS 打开。
        (Only reads the data directory, so it is safe while the server runs. CSV is UTF-8 with a BOM for Excel and WPS.)
          gongkai export catalogue --format csv -o 基本目录.csv
          gongkai export catalogue --format text -o 目录.txt
          gongkai export records --format csv --year 2026 -o 发布记录.csv
          gongkai export records --office 中小企业科 --item 35,36
        """,
        subcommands: [Catalogue.self, Records.self]
    )

    struct Output: ParsableArguments {
        @Option(name: .shortAndLong, help: "写入文件，默认为标准输出 (write to this file instead of stdout).")
        var output: String?

        func write(_ bytes: [UInt8]) throws {
            guard let output else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw ValidationError("无法写入文件 (cannot write file): \(output)")
            }
            FileHandle.standardError.write(Data("已导出 (exported) \(bytes.count) bytes → \(output)\n".utf8))
        }
    }

    struct Catalogue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出政府信息公开基本目录 (export the catalogue).",
            discussion: """
              gongkai export catalogue                          # JSON，与 GET /api/v1/catalogue 相同
              gongkai export catalogue --format csv -o 目录.csv   # 与 GET /api/v1/catalogue.csv 相同
              gongkai export catalogue --format text -o 目录.txt  # 制表符分隔的目录表格，可再次导入
            """
        )

        @OptionGroup var options: ConfigOptions

        @Option(help: "json、csv 或 text（目录表格文本） (json, csv or text: the table layout the importer reads).")
        var format: DataExport.CatalogueFormat = .json

        @OptionGroup var output: Output

        func run() throws {
            let export = try DataExport(config: try options.load())
            if format == .text {
                for (id, field) in export.inexactTextItems {
                    FileHandle.standardError.write(Data("warning: 事项 \(id) 的\(field)为空，再导入时会沿用上一行（合并单元格规则） (item \(id): empty \(field) reads back as the row above's)\n".utf8))
                }
            }
            try output.write(export.catalogue(format))
        }
    }

    struct Records: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出发布记录，最新在前 (export publication records, newest first).",
            discussion: """
            默认只导出已发布的记录，与匿名访问 GET /api/v1/records 相同。
            (By default only published records, as an anonymous GET /api/v1/records shows them.)
              gongkai export records --format csv --year 2026 -o 2026年发布记录.csv
              gongkai export records --office 节能管理科 --include-pending
            """
        )

        @OptionGroup var options: ConfigOptions

        @Option(help: "json 或 csv (json or csv).")
        var format: DataExport.RecordFormat = .json

        @Option(help: "事项编号，可用逗号分隔多个 (item ids, comma-separated), e.g. 35,36.")
        var item: String?

        @Option(help: "科室 (the office), e.g. 中小企业科.")
        var office: String?

        @Option(help: "发布日期起 (published on or after), YYYY-MM-DD.")
        var from: String?

        @Option(help: "发布日期止 (published on or before), YYYY-MM-DD.")
        var to: String?

        @Option(help: "发布年份 (published in this year), e.g. 2026.")
        var year: Int?

        @Option(name: .customLong("q"), help: "在标题、文号、索引号、摘要、正文中查找 (substring search).")
        var text: String?

        @Flag(help: "包括已撤回的记录 (include withdrawn records).")
        var includeWithdrawn = false

        @Flag(help: "包括待发布的记录 (include pending records).")
        var includePending = false

        @OptionGroup var output: Output

        func run() throws {
            var filter = DataExport.RecordFilter()
            filter.items = item.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            filter.office = office
            filter.from = from
            filter.to = to
            if let year {
                guard (1900...9999).contains(year) else { throw ValidationError("--year 必须是四位年份 (must be a four-digit year)") }
                filter.from = max(from ?? "\(year)-01-01", "\(year)-01-01")
                filter.to = min(to ?? "\(year)-12-31", "\(year)-12-31")
            }
            filter.text = text
            filter.includeWithdrawn = includeWithdrawn
            filter.includePending = includePending
            let export = try DataExport(config: try options.load())
            try output.write(try export.records(format, filter: filter))
        }
    }
}

extension DataExport.CatalogueFormat: ExpressibleByArgument {}
extension DataExport.RecordFormat: ExpressibleByArgument {}
