import GongkaiStorage
import Testing

@Suite struct PersistentMapTests {
    @Test func everyInsertedKeyIsFoundAndCopiesStayUnchanged() {
        var map = PersistentMap<Int>()
        for index in 0..<20_000 { map.set(index, for: "key-\(index)") }
        let copy = map
        for index in 0..<20_000 where index % 2 == 0 { map.set(-index, for: "key-\(index)") }
        map.set(7, for: "新")
        #expect(map.count == 20_001)
        #expect(copy.count == 20_000)
        #expect(map["key-10"] == -10)
        #expect(copy["key-10"] == 10)
        #expect(map["新"] == 7)
        #expect(copy["新"] == nil)
        #expect(map["absent"] == nil)
        #expect(Set(map.keys).count == 20_001)
        #expect(copy.values.reduce(0, +) == (0..<20_000).reduce(0, +))
    }

    @Test func anEmptyMapIteratesNothing() {
        let map = PersistentMap<String>()
        #expect(map.isEmpty)
        #expect(Array(map).isEmpty)
    }
}

@Suite struct PersistentMapBulkTests {
    @Test func aBulkBuiltMapEqualsOneBuiltByInsertsAndTheLastValueWins() {
        let pairs = (0..<5_000).map { (key: "k\($0 % 4_000)", value: $0) }
        let bulk = PersistentMap(pairs)
        var inserted = PersistentMap<Int>()
        for pair in pairs { inserted.set(pair.value, for: pair.key) }
        #expect(bulk.count == 4_000)
        #expect(inserted.count == 4_000)
        for n in 0..<4_000 { #expect(bulk["k\(n)"] == inserted["k\(n)"]) }
        #expect(bulk["k1"] == 4_001)
        var grown = bulk
        grown.set(-1, for: "k1")
        grown.set(-2, for: "new")
        #expect(grown.count == 4_001 && grown["k1"] == -1 && bulk["k1"] == 4_001)
    }
}
