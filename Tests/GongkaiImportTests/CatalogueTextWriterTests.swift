import GongkaiDomain
import GongkaiImport
import Testing

/// `gongkai export catalogue --format text` writes the table layout the importer reads.
@Suite struct CatalogueTextWriterTests {
    static let fixtures = [Fixture.seed, "variant-words.txt", "variant-yes-no.txt", "variant-level-remarks.txt",
                           "variant-one-cell-per-line.txt", "variant-symbols-crlf-bom.txt", "variant-markdown-html.md"]

    @Test(arguments: fixtures)
    func aCatalogueWrittenAsTextImportsBackToTheSameItems(_ name: String) throws {
        let original = try Fixture.catalogue(name)
        let text = CatalogueTextWriter.text(original)
        let again = try CatalogueImporter.parse(text)
        #expect(again.title == original.title)
        #expect(again.agency == original.agency)
        #expect(again.items.count == original.items.count)
        for (a, b) in zip(original.items, again.items) {
            #expect(a == b, "item \(a.id) changed in the round trip")
        }
    }

    @Test func theSeedCatalogueSurvivesTwoRoundTripsByteForByte() throws {
        let once = CatalogueTextWriter.text(try Fixture.catalogue(Fixture.seed))
        let twice = CatalogueTextWriter.text(try CatalogueImporter.parse(once))
        #expect(once == twice)
    }

    @Test func theTextHasTheTwoRowHeaderAndOneTabSeparatedRowPerItem() throws {
        let catalogue = try Fixture.catalogue(Fixture.seed)
        let lines = CatalogueTextWriter.text(catalogue).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "安宁市工业和科学技术信息化局政府信息公开基本目录")
        #expect(lines[2].hasPrefix("序号\t公开事项\t\t公开内容（要素）\t公开依据\t公开主体\t公开时限\t公开渠道和载体"))
        #expect(lines[3].contains("\t一级事项\t二级事项\t"))
        #expect(lines[3].hasSuffix("全社会\t特定群体\t主动\t依申请"))
        let rows = lines.dropFirst(4).filter { !$0.isEmpty }
        #expect(rows.count == catalogue.items.count)
        let widths = Set(rows.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count })
        #expect(widths.count == 1, "every row has the same number of cells")
    }

    @Test func strayControlCharactersInACellAreDroppedAndTheTextWrittenBackImportsAgain() throws {
        // Found by fuzz-smoke: decoding tolerates a few control characters (≤ 1% of the file);
        // kept in a cell, they made the shorter text written back look like a binary file.
        var bytes = try Fixture.bytes(Fixture.seed)
        let marker = Array("局领导姓名".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: marker) })
        bytes.insert(contentsOf: [UInt8](repeating: 0x18, count: 40) + [0x7F, 0x01], at: at + marker.count)
        let catalogue = try CatalogueImporter.parse(data: bytes)
        let texts = catalogue.items.flatMap { [$0.content, $0.basis, $0.office, $0.deadline, $0.category, $0.subcategory] }
        #expect(texts.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
        #expect(catalogue.items.contains { $0.content.contains("局领导姓名、职务") })
        let again = try CatalogueImporter.parse(CatalogueTextWriter.text(catalogue))
        #expect(again.items.map(\.id) == catalogue.items.map(\.id))
    }

    @Test func tabsAndLineBreaksInsideACellDoNotSplitTheRow() throws {
        var catalogue = try Fixture.catalogue(Fixture.seed)
        catalogue.items[0].content = "第一行\n第二行\t带制表符"
        let again = try CatalogueImporter.parse(CatalogueTextWriter.text(catalogue))
        #expect(again.items.count == catalogue.items.count)
        #expect(again.items[0].content == "第一行 第二行 带制表符")
    }
}
