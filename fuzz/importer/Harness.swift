// libFuzzer target: the catalogue importer (Sources/GongkaiImport + GongkaiDomain).
// Invariants: no crash or trap on any bytes; a parsed catalogue written back with
// CatalogueTextWriter parses again. With GK_FUZZ_STRICT_ROUNDTRIP=1 also: to the same item ids
// (off by default: RELIABILITY.md §5 — an item whose cells are the header's own words reads back
// as a repeated header, which plain text cannot escape; reproducer:
// fuzz/importer/corpus/roundtrip-ids-group-and-duplicate).
import Glibc

let strictRoundTrip = getenv("GK_FUZZ_STRICT_ROUNDTRIP").map { String(cString: $0) == "1" } ?? false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let catalogue = try? CatalogueImporter.parse(data: bytes) else { return 0 }
    let text = CatalogueTextWriter.text(catalogue)
    let again: Catalogue
    do {
        again = try CatalogueImporter.parse(text)
    } catch {
        fatalError("a parsed catalogue written back does not parse: \(error)")
    }
    let before = catalogue.items.map(\.id), after = again.items.map(\.id)
    if strictRoundTrip && before != after {
        let at = zip(before, after).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(before.count, after.count)
        fatalError("round trip changed the item ids at position \(at) (\(before.count) → \(after.count) items): "
            + "\(before[max(0, at - 2)..<min(before.count, at + 3)]) → \(after[max(0, at - 2)..<min(after.count, at + 3)])")
    }
    return 0
}
