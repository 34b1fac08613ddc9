import GongkaiDomain

/// 一级事项 → 二级事项 → item ids, in catalogue order, with record counts.
struct CategoryTree: Encodable {
    struct Category: Encodable {
        var name: String
        var itemCount: Int
        var recordCount: Int
        var subcategories: [Subcategory]

        enum CodingKeys: String, CodingKey {
            case name, subcategories
            case itemCount = "item_count"
            case recordCount = "record_count"
        }
    }

    struct Subcategory: Encodable {
        var name: String
        var itemIds: [String]
        var recordCount: Int

        enum CodingKeys: String, CodingKey {
            case name
            case itemIds = "item_ids"
            case recordCount = "record_count"
        }
    }

    var categories: [Category] = []

    init(items: [CatalogueItem], counts: [String: Int]) {
        for item in items {
            let n = counts[item.id] ?? 0
            if categories.last?.name != item.category {
                if let i = categories.firstIndex(where: { $0.name == item.category }) {
                    categories.append(categories.remove(at: i))
                } else {
                    categories.append(Category(name: item.category, itemCount: 0, recordCount: 0, subcategories: []))
                }
            }
            let c = categories.count - 1
            categories[c].itemCount += 1
            categories[c].recordCount += n
            if let s = categories[c].subcategories.firstIndex(where: { $0.name == item.subcategory }) {
                categories[c].subcategories[s].itemIds.append(item.id)
                categories[c].subcategories[s].recordCount += n
            } else {
                categories[c].subcategories.append(Subcategory(name: item.subcategory, itemIds: [item.id], recordCount: n))
            }
        }
    }
}
