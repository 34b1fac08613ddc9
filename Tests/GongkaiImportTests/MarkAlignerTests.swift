@testable import GongkaiImport
import Testing

@Suite("Tick column alignment")
struct MarkAlignerTests {
    let columns = [
        MarkColumn(column: 8, field: .audience, value: "全社会"), MarkColumn(column: 9, field: .audience, value: "特定群体"),
        MarkColumn(column: 10, field: .method, value: "主动"), MarkColumn(column: 11, field: .method, value: "依申请"),
    ]

    func row(_ ticks: [Int], text: [Int]) -> MarkAligner.Input {
        MarkAligner.Input(marks: ticks.map { ($0, true) }, textColumns: text)
    }

    @Test("ticks under the header read as the header says")
    func aligned() {
        let result = MarkAligner.align([row([8, 10], text: [1, 5])], columns: columns, positional: true)
        #expect(result.blockShift == 0)
        #expect(result.readings[0].audience == ["全社会"] && result.readings[0].method == ["主动"])
    }

    @Test("a page whose split channel cell pushes every tick right is read shifted as a whole")
    func wholePageShift() {
        let rows = [row([9, 11], text: [5, 7, 8]), row([9, 11], text: [5]), row([9, 11], text: [5])]
        let result = MarkAligner.align(rows, columns: columns, positional: true)
        #expect(result.blockShift == 1)
        #expect(result.readings.allSatisfy { $0.audience == ["全社会"] && $0.method == ["主动"] && $0.rowShift == 0 })
    }

    @Test("with no evidence of a shift, ticks right of 全社会 mean 特定群体 and 依申请")
    func tieKeepsHeader() {
        let result = MarkAligner.align([row([9, 11], text: [5])], columns: columns, positional: true)
        #expect(result.blockShift == 0)
        #expect(result.readings[0].audience == ["特定群体"] && result.readings[0].method == ["依申请"])
    }

    @Test("a row whose text spills into the tick columns shifts only its own ticks")
    func spilledRow() {
        let rows = [row([8, 10], text: [5]), row([10, 12], text: [4, 8, 9]), row([8, 10], text: [5])]
        let result = MarkAligner.align(rows, columns: columns, positional: true)
        #expect(result.blockShift == 0)
        #expect(result.readings[1].rowShift == 2)
        #expect(result.readings[1].audience == ["全社会"] && result.readings[1].method == ["主动"])
    }

    @Test("explicit × ticks hold their column but add nothing")
    func unticked() {
        let input = MarkAligner.Input(marks: [(8, false), (9, true), (10, false), (11, true)], textColumns: [5])
        let reading = MarkAligner.align([input], columns: columns, positional: true).readings[0]
        #expect(reading.audience == ["特定群体"] && reading.method == ["依申请"])
    }

    @Test("without positions, ticks are read only when there is one per column")
    func lineLayout() {
        let full = MarkAligner.Input(marks: [(5, true), (6, false), (7, true), (8, false)], textColumns: [])
        let partial = MarkAligner.Input(marks: [(5, true), (6, true)], textColumns: [])
        let result = MarkAligner.align([full, partial], columns: columns, positional: false)
        #expect(result.readings[0].audience == ["全社会"] && result.readings[0].method == ["主动"])
        #expect(result.readings[1].ambiguous)
    }
}
