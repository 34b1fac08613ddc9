import GongkaiImport
import Testing

/// The seed must import well under 50 ms (release builds measure ~6 ms, debug ~30 ms). The bound
/// here is deliberately loose so a busy machine never makes it flaky; it catches accidental blowups.
@Suite("Import speed")
struct PerformanceTests {
    @Test("the seed imports in well under a second even in a debug build")
    func seedIsFast() throws {
        let bytes = try Fixture.bytes(Fixture.seed)
        _ = try CatalogueImporter.parse(data: bytes)  // warm up
        let clock = ContinuousClock()
        var best = Duration.seconds(60)
        for _ in 0..<5 {
            let elapsed = try clock.measure { _ = try CatalogueImporter.parse(data: bytes) }
            best = min(best, elapsed)
        }
        #expect(best < .seconds(1))
    }
}
