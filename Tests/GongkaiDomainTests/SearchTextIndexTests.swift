import Testing
@testable import GongkaiDomain

/// The one-pass indexer of the bulk build (issue 6) must produce what the scalar path does:
/// the same normalised UTF-8 text, and the same set of index keys.
@Suite struct SearchTextIndexTests {
    static let pieces = ["", " ", "\n", "\t", "　", "节能监察", "ＡＢＣ１２３", "GB/T 2589", "安工信企〔2024〕3号", "é", "😀x",
                         "Ａ　Ｂ", "\u{85}", "\u{2028}", "\u{A0}", "ä", "ｇｂ", "11530181MB1234567X/2019-00001"]

    @Test func everyWhitespaceScalarSplitsKeysAsTheScalarPathDoes() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace || value < 0x3100 else { continue }
            let parts = ["a\(Character(scalar))b"]
            var keys: [UInt64] = []
            let text = SearchText.index(parts) { keys.append($0) }
            let scalars = SearchText.normalize(parts[0])
            #expect(text == SearchText.utf8(scalars))
            #expect(Set(keys) == SearchText.keys(of: scalars), "U+\(String(value, radix: 16))")
        }
    }

    @Test func theOnePassIndexerMatchesTheScalarPath() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let parts = (0..<5).map { _ in
                (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            }
            var keys: [UInt64] = []
            let text = SearchText.index(parts) { keys.append($0) }
            let scalars = SearchText.normalize(parts.joined(separator: "\n"))
            #expect(text == SearchText.utf8(scalars), "\(parts)")
            #expect(Set(keys) == SearchText.keys(of: scalars), "\(parts)")
        }
    }
}
