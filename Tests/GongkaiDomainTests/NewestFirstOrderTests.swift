@testable import GongkaiDomain
import Testing

@Suite struct NewestFirstOrderTests {
    @Test func behavesLikeANewestFirstArrayUnderRandomInsertsAndRemovals() {
        var generator = SystemRandomNumberGenerator()
        var reference: [Int] = [5, 4, 3, 2, 1]
        var order = NewestFirstOrder(reference)
        for step in 0..<2_000 {
            if reference.isEmpty || Int.random(in: 0..<3, using: &generator) > 0 {
                let position = Int.random(in: 0...reference.count, using: &generator)
                reference.insert(100 + step, at: position)
                order.insert(100 + step, at: position)
            } else {
                let position = Int.random(in: 0..<reference.count, using: &generator)
                reference.remove(at: position)
                order.remove(at: position)
            }
            #expect(order.count == reference.count)
        }
        #expect((0..<order.count).map { order[$0] } == reference)
    }

    @Test func theNewestRecordIsInsertedAtTheFront() {
        var order = NewestFirstOrder([2, 1, 0])
        order.insert(3, at: 0)
        #expect((0..<order.count).map { order[$0] } == [3, 2, 1, 0])
    }
}
