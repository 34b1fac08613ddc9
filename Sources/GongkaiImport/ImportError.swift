/// Why a text is not a catalogue at all. Irregular catalogues are not errors: they import with warnings.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable reason: `empty`, `binary`, `invalid_utf8`, `unsupported_encoding`, `no_header`.
    public var code: String
    /// 1-based line the problem is on (0 if none).
    public var line: Int
    /// Chinese and English, saying what to do about it.
    public var message: String

    public init(code: String, line: Int, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String { message }
}

extension ImportError {
    static let empty = ImportError(
        code: "empty", line: 0,
        message: "内容为空：没有可导入的目录文本 (the input is empty: there is no catalogue text to import)")

    static func binary(line: Int) -> ImportError {
        ImportError(
            code: "binary", line: line,
            message: "第\(line)行：含有二进制数据（如 NUL 字节），不是文本文件；请将目录导出为 UTF-8 文本 "
                + "(line \(line): contains binary data such as NUL bytes, so this is not a text file; export the catalogue as UTF-8 text)")
    }

    static func invalidUTF8(line: Int) -> ImportError {
        ImportError(
            code: "invalid_utf8", line: line,
            message: "第\(line)行：不是有效的 UTF-8 文本（可能是 GBK/GB18030 编码），请另存为 UTF-8 后重试 "
                + "(line \(line): not valid UTF-8, perhaps GBK/GB18030; save the file as UTF-8 and try again)")
    }

    static func unsupportedEncoding(_ name: String) -> ImportError {
        ImportError(
            code: "unsupported_encoding", line: 1,
            message: "第1行：文件是 \(name) 编码，请另存为 UTF-8 后重试 (line 1: the file is \(name)-encoded; save it as UTF-8 and try again)")
    }

    static func noHeader(line: Int) -> ImportError {
        ImportError(
            code: "no_header", line: line,
            message: "第\(line)行起：找不到表头行（应含“序号”“公开内容”“公开主体”“公开时限”等列名），这不像政府信息公开基本目录 "
                + "(from line \(line): no header row found (columns such as 序号, 公开内容, 公开主体, 公开时限); this does not look like a 基本目录 table)")
    }
}
