import Foundation
import GongkaiDomain
import GongkaiImport

/// Fixture files bundled with the tests (`resources: [.copy("Fixtures")]`).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is not in the test bundle" }
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    static func catalogue(_ name: String) throws -> Catalogue {
        try CatalogueImporter.parse(data: bytes(name))
    }

    static let seed = "anning-gxj-catalogue.txt"
    static let seedGolden = "anning-gxj-catalogue.golden.json"
}

extension Catalogue {
    /// The item with this id; records a test failure (and returns a blank item) when absent.
    func must(_ id: String) -> CatalogueItem {
        if let item = item(id: id) { return item }
        return CatalogueItem(id: "missing \(id)", seq: -1, category: "", subcategory: "", content: "", basis: "",
                             office: "", deadline: "", channels: [], audience: [], method: [])
    }

    /// (code, item id, line) of every warning, for compact comparisons.
    var warningKeys: [String] { warnings.map { "\($0.code) \($0.itemId ?? "-") @\($0.line)" } }
}
