import ArgumentParser
import Foundation
import GongkaiAPI
import GongkaiImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "解析政府信息公开基本目录文本 (parse a catalogue text).",
        discussion: """
        输出目录 JSON 到标准输出，每条警告一行写到标准错误；能解析时退出码 0，不是目录时为 1。
        (Prints the catalogue JSON to stdout and each warning to stderr; exit 0 when it parsed, 1 when the input is not a catalogue.)
          gongkai import --print 安宁市工信局目录.txt
          cat 目录.txt | gongkai import --print -
        """
    )

    @Flag(name: .long, help: "打印解析结果 JSON (print the parsed catalogue as JSON).")
    var print = false

    @Argument(help: "目录文本文件，- 表示标准输入 (catalogue text file, or - for stdin).")
    var file: String

    func run() throws {
        guard print else {
            throw ValidationError("目前仅支持 --print；要替换服务器上的目录，请用 POST /api/v1/catalogue/import (only --print is supported; use POST /api/v1/catalogue/import to replace a server's catalogue)")
        }
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("无法读取文件 (cannot read file): \(file)\n".utf8))
                throw ExitCode(1)
            }
            data = d
        }
        do {
            let catalogue = try CatalogueImporter.parse(data: Array(data))
            for w in catalogue.warnings {
                FileHandle.standardError.write(Data("warning: line \(w.line)\(w.itemId.map { " item \($0)" } ?? "") [\(w.code)] \(w.message)\n".utf8))
            }
            FileHandle.standardOutput.write(Data(PublicJSON.encode(catalogue) + [UInt8(ascii: "\n")]))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
