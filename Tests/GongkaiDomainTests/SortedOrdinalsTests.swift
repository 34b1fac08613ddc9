@testable import GongkaiDomain
import Testing

/// The merges the record index combines postings with, against `Set`.
@Suite struct SortedOrdinalsTests {
    static func list(_ rng: inout SplitMix64, max: Int) -> [Int32] {
        let n = rng.int(in: 0...max)
        return Set((0..<n).map { _ in Int32(rng.int(in: 0...2_000)) }).sorted()
    }

    @Test func intersectionsAndUnionsEqualThoseOfSets() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<500 {
            // Lengths far apart too, so the galloping path runs.
            let a = Self.list(&rng, max: [5, 50, 1_500].randomElement(using: &rng)!)
            let b = Self.list(&rng, max: [5, 50, 1_500].randomElement(using: &rng)!)
            let c = Self.list(&rng, max: 300)
            #expect(SortedOrdinals.intersect(a, b) == Set(a).intersection(b).sorted())
            #expect(SortedOrdinals.union(a, b) == Set(a).union(b).sorted())
            #expect(SortedOrdinals.union([a, b, c]) == Set(a).union(b).union(c).sorted())
            let bits = OrdinalBits(a, capacity: 2_001)
            #expect((0...2_000).filter { bits.contains($0) } == a.map(Int.init))
        }
        #expect(SortedOrdinals.union([]) == [])
    }
}
