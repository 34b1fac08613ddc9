/// Section 二 (主动公开政府信息情况) of the annual report, in the layout of
/// 国办公开办函〔2021〕30号: four blocks under 第二十条 with fixed row and column labels.
public struct AnnualReportSection2: Sendable, Encodable {
    public struct Row: Sendable, Encodable, Equatable {
        public var label: String
        public var values: [String: Double?]
    }

    public struct Block: Sendable, Encodable, Equatable {
        public var title: String
        public var columns: [String]
        public var rows: [Row]
    }

    public static let issuedColumn = "本年制发件数"
    public static let repealedColumn = "本年废止件数"
    public static let inForceColumn = "现行有效件数"
    public static let decisionsColumn = "本年处理决定数量"
    public static let feesColumn = "本年收费金额（单位：万元）"

    public var year: Int
    public var title = "二、主动公开政府信息情况"
    public var blocks: [Block]

    /// - Parameters:
    ///   - items: the catalogue, to find the items under 行政许可, 行政处罚 and 行政强制 (by 二级事项).
    ///   - fees: the 行政事业性收费 amount entered by an administrator, in 万元 (nil: not entered).
    public init(year: Int, items: [CatalogueItem], records: [Record], fees: Double?) {
        self.year = year
        let yearStart = LocalDate(year: year, month: 1, day: 1)!
        let yearEnd = LocalDate(year: year, month: 12, day: 31)!
        let live = records.filter { !$0.isWithdrawn && $0.publishedOn != nil }
        func documents(_ type: String) -> Row {
            let docs = live.filter { $0.documentType == type }
            let issued = docs.filter { ($0.publishedOn!) >= yearStart && $0.publishedOn! <= yearEnd }.count
            let repealed = docs.filter { $0.repealedOn.map { $0 >= yearStart && $0 <= yearEnd } ?? false }.count
            let inForce = docs.filter { $0.publishedOn! <= yearEnd && ($0.repealedOn.map { $0 > yearEnd } ?? true) }.count
            return Row(label: type, values: [Self.issuedColumn: Double(issued), Self.repealedColumn: Double(repealed),
                                             Self.inForceColumn: Double(inForce)])
        }
        func decisions(_ subcategory: String) -> Row {
            let ids = Set(items.filter { $0.subcategory == subcategory }.map(\.id))
            let n = live.filter { ids.contains($0.itemId) && $0.publishedOn!.year == year }.count
            return Row(label: subcategory, values: [Self.decisionsColumn: Double(n)])
        }
        blocks = [
            Block(title: "第二十条第（一）项", columns: [Self.issuedColumn, Self.repealedColumn, Self.inForceColumn],
                  rows: [documents("规章"), documents("行政规范性文件")]),
            Block(title: "第二十条第（五）项", columns: [Self.decisionsColumn], rows: [decisions("行政许可")]),
            Block(title: "第二十条第（六）项", columns: [Self.decisionsColumn], rows: [decisions("行政处罚"), decisions("行政强制")]),
            Block(title: "第二十条第（八）项", columns: [Self.feesColumn],
                  rows: [Row(label: "行政事业性收费", values: [Self.feesColumn: fees])]),
        ]
    }

    /// The same table as CSV lines with the official labels (block, row, column, value).
    public var csvRows: [[String]] {
        var rows = [["项目", "事项", "指标", "数值"]]
        for block in blocks {
            for row in block.rows {
                for column in block.columns {
                    let value = row.values[column] ?? nil
                    rows.append([block.title, row.label, column, value.map(Self.format) ?? ""])
                }
            }
        }
        return rows
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
