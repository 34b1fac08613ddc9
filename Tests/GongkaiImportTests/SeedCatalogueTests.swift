import Foundation
import GongkaiDomain
import GongkaiImport
import Testing

/// The customer's seed, pinned item by item against a golden file that was generated once and then
/// checked line by line against the raw seed (every field of every item).
@Suite("Importing the seed catalogue")
struct SeedCatalogueTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Fixture.catalogue(Fixture.seed)
    }

    @Test("every field of every one of the 51 items matches the checked golden file")
    func everyItemMatchesTheGolden() throws {
        let golden = try JSONDecoder().decode(Catalogue.self, from: Data(Fixture.bytes(Fixture.seedGolden)))
        #expect(golden.items.count == 51)
        #expect(catalogue.items.map(\.id) == golden.items.map(\.id))
        for (item, expected) in zip(catalogue.items, golden.items) {
            #expect(item == expected, "item \(expected.id)")
        }
        #expect(catalogue.title == golden.title)
        #expect(catalogue.agency == golden.agency)
        #expect(catalogue.channels == golden.channels)
        #expect(catalogue.warnings == golden.warnings)
    }

    @Test("the golden file spells out every field of every item, so no default hides a gap")
    func goldenSpellsOutEveryField() throws {
        let json = try JSONSerialization.jsonObject(with: Data(Fixture.bytes(Fixture.seedGolden))) as? [String: Any]
        let items = json?["items"] as? [[String: Any]] ?? []
        #expect(items.count == 51)
        let fields: Set<String> = ["id", "seq", "part", "category", "subcategory", "content", "basis", "office",
                                   "deadline", "channels", "audience", "method", "level", "extra"]
        for item in items {
            #expect(Set(item.keys) == fields, "\(item["id"] ?? "?")")
        }
    }

    @Test("the catalogue is titled, and its agency is the title minus 政府信息公开基本目录")
    func titleAndAgency() {
        #expect(catalogue.title == "安宁市工业和科学技术信息化局政府信息公开基本目录")
        #expect(catalogue.agency == "安宁市工业和科学技术信息化局")
    }

    @Test("the catalogue's channels are all 13 checkbox labels in the first block's order")
    func channelTemplate() {
        #expect(catalogue.channels == ["政府网站", "政府公报", "政务新媒体", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
                                       "政务服务中心", "便民服务站", "入户/现场宣传", "图书馆", "精准推送", "其他"])
    }

    @Test("51 items: 47 numbered rows, 32 split into five parts, 44 absent")
    func itemsAndIds() {
        let expected = (1...31).map(String.init) + (1...5).map { "32-\($0)" } + (33...43).map(String.init) + ["45", "46", "47", "48"]
        #expect(catalogue.items.map(\.id) == expected)
        #expect(Set(catalogue.items.map(\.seq)).count == 47)
        #expect(catalogue.item(id: "44") == nil)
    }

    @Test("a numbered row alone keeps id N and no part")
    func loneRowsHaveNoPart() {
        for item in catalogue.items where item.seq != 32 {
            #expect(item.id == String(item.seq))
            #expect(item.part == nil)
        }
    }

    @Test("the importer leaves the deadline rule to the deadline parser")
    func deadlineRuleIsLeftNil() {
        #expect(catalogue.items.allSatisfy { $0.deadlineRule == nil })
    }

    @Test("the seed has no 公开层级 and no extra columns")
    func noLevelNoExtra() {
        #expect(catalogue.items.allSatisfy { $0.level == nil && $0.extra.isEmpty })
    }

    @Test("every marked row is 全社会 + 主动, wherever the page put its ticks")
    func marksAreAllSocietyAndProactive() {
        for item in catalogue.items where item.id != "21" {
            #expect(item.audience == ["全社会"], "item \(item.id)")
            #expect(item.method == ["主动"], "item \(item.id)")
        }
    }

    @Test("the seed's irregularities are each reported once, on the right line and item")
    func seedWarnings() {
        #expect(catalogue.warningKeys == [
            "cell_moved 8 @14",
            "cell_moved 9 @18", "no_content 9 @18",
            "cell_moved 10 @19", "no_content 10 @19",
            "cell_moved 11 @20", "no_content 11 @20",
            "cell_moved 12 @21",
            "cell_moved 13 @22",
            "cell_moved 14 @23",
            "marks_shifted - @25",
            "marks_shifted - @34",
            "no_marks 21 @36",
            "seq_gap 45 @69",
            "cell_moved 47 @71",
            "cell_moved 48 @72",
        ])
    }

    @Test("warning messages are bilingual and say where to look")
    func messagesAreBilingual() throws {
        let gap = try #require(catalogue.warnings.first { $0.code == "seq_gap" })
        #expect(gap.message == "第69行（事项 45）：序号从 43 跳到 45，缺少 44 (line 69, item 45: 序号 jumps from 43 to 45; 44 missing)")
        for warning in catalogue.warnings {
            #expect(warning.message.hasPrefix("第\(warning.line)行"))
            #expect(warning.message.contains("(line \(warning.line)"))
        }
    }
}
