// libFuzzer target: the catalogue importer (Sources/GongkaiImport + GongkaiDomain).
// Invariants: no crash or trap on any bytes; a parsed catalogue written back with
// CatalogueTextWriter parses again to the same item ids (parse → render → parse is stable).
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
    if before != after {
        fatalError("round trip changed the item ids: \(before.prefix(10)) → \(after.prefix(10))")
    }
    return 0
}
