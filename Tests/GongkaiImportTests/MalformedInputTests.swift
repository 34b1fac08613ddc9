import GongkaiDomain
import GongkaiImport
import Testing

/// Input that is not a catalogue gives an ImportError naming the line, never a trap.
@Suite("Malformed input")
struct MalformedInputTests {
    func error(_ bytes: [UInt8]) -> ImportError? {
        do throws(ImportError) {
            _ = try CatalogueImporter.parse(data: bytes)
            return nil
        } catch {
            return error
        }
    }

    func error(_ text: String) -> ImportError? { error(Array(text.utf8)) }

    @Test("empty input is 'empty'")
    func empty() {
        #expect(error([]) == .init(code: "empty", line: 0, message: error([])?.message ?? ""))
        #expect(error("")?.code == "empty")
        #expect(error([0xEF, 0xBB, 0xBF])?.code == "empty")  // a BOM alone
    }

    @Test("whitespace only, including full-width spaces and CRLF, is 'empty'")
    func whitespaceOnly() {
        #expect(error(" \n\t\u{3000}\r\n  \r")?.code == "empty")
    }

    @Test("binary bytes are 'binary', naming the line of the first NUL")
    func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(error(png)?.code == "binary")
        #expect(error(png)?.line == 3)  // CRLF, then LF, before the first NUL
        #expect(error(Array("序号\t公开内容\n第二行\n".utf8) + [0x00, 0x01])?.line == 3)
        #expect(error([UInt8](repeating: 0x01, count: 64))?.code == "binary")  // control characters throughout
    }

    @Test("invalid UTF-8 is 'invalid_utf8' with the line and an actionable bilingual message")
    func invalidUTF8() throws {
        let bytes = Array("标题\n序号\t公开内容\n".utf8) + [0xD0, 0xF2, 0xBA, 0xC5]  // 序号 in GBK
        let e = try #require(error(bytes))
        #expect(e.code == "invalid_utf8")
        #expect(e.line == 3)
        #expect(e.message == "第3行：不是有效的 UTF-8 文本（可能是 GBK/GB18030 编码），请另存为 UTF-8 后重试 (line 3: not valid UTF-8, perhaps GBK/GB18030; save the file as UTF-8 and try again)")
        #expect(e.description == e.message)
    }

    @Test("overlong, surrogate and truncated UTF-8 sequences are rejected", arguments: [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE5, 0xBA], [0x41, 0xFF], [0x80],
    ] as [[UInt8]])
    func malformedSequences(_ bytes: [UInt8]) {
        #expect(error(bytes)?.code == "invalid_utf8")
    }

    @Test("UTF-16 is refused with a hint to save as UTF-8")
    func utf16() {
        #expect(error([0xFF, 0xFE, 0x8F, 0x5E])?.code == "unsupported_encoding")
        #expect(error([0xFE, 0xFF, 0x5E, 0x8F])?.code == "unsupported_encoding")
    }

    @Test("text without header rows is 'no_header', naming the first line with text")
    func noHeader() {
        #expect(error("hello\nworld") == .init(code: "no_header", line: 1, message: error("hello\nworld")?.message ?? ""))
        #expect(error("\n\n标题\n一些文字\n1\t2\t3")?.line == 3)
        #expect(error("序号\t名称\t价格\n1\t苹果\t3")?.code == "no_header")  // a table, but not a catalogue
    }

    @Test("a 1 MB single line is refused quickly, not trapped on")
    func oneMegabyteLine() {
        #expect(error(String(repeating: "公开内容", count: 90_000))?.code == "no_header")
        #expect(error(String(repeating: "序号\t公开内容\t公开主体\t", count: 40_000))?.code == "no_header")
    }

    @Test("a 1 MB data row under a real header imports with warnings")
    func oneMegabyteRow() throws {
        let row = "1\t机构\t" + String(repeating: "很长的内容\t", count: 170_000)
        let c = try CatalogueImporter.parse("序号\t一级事项\t公开内容\t公开主体\n" + row)
        #expect(c.items.count == 1)
        #expect(c.must("1").content == "很长的内容")
        let unplaced = c.warnings.filter { $0.code == "unplaced_cell" }
        #expect(unplaced.count == 6)  // five quoted, then one summary
        #expect(unplaced.last?.message.contains("more cells fit no column") == true)
    }

    @Test("random bytes give an error or a catalogue, never a trap")
    func randomGarbage() {
        var rng = SplitMix64(seed: 2024)
        for round in 0..<300 {
            let count = Int(rng.next() % 512)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            _ = error(bytes)
            // Printable garbage too: valid UTF-8 made of tabs, pipes, digits, marks and CJK.
            let alphabet = Array("序号公开内容主体时限渠道\t|\n√×☑□1234567890 《》科室办工作日内<>input")
            let text = String((0..<(count * (round % 3 + 1))).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            _ = error(text)
        }
    }

    @Test("every prefix and random mutations of the seed import or fail cleanly")
    func mutatedSeed() throws {
        let seed = try Fixture.bytes(Fixture.seed)
        let lines = seed.split(separator: 0x0A, omittingEmptySubsequences: false)
        for n in stride(from: 0, through: lines.count, by: 3) {
            _ = error(Array(lines.prefix(n).joined(separator: [0x0A])))
        }
        var rng = SplitMix64(seed: 7)
        let noise: [UInt8] = [0x09, 0x0A, 0x0D, 0x7C, 0x20, 0x31, 0x00, 0xE2, 0x88, 0x9A]
        for _ in 0..<40 {
            var bytes = seed
            for _ in 0..<12 {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[at] = noise[Int(rng.next() % UInt64(noise.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(noise[Int(rng.next() % UInt64(noise.count))], at: at)
                }
            }
            _ = error(bytes)
        }
    }
}

/// Small deterministic generator, so a failing fuzz case can be replayed.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
