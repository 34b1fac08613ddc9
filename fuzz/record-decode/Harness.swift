// libFuzzer target: how a records.jsonl line is read back (Sources/GongkaiStorage: JSONCoding,
// the fast JSONValue/JSONValueDecoder, StorageError; GongkaiDomain for Record).
// Invariants: no crash or trap; whenever the fast JSONValueDecoder accepts a line, Foundation's
// JSONDecoder accepts it too and decodes an equal Record (the fast path never reads stored data
// differently); a decoded Record encodes to a line that decodes back equal (what the store writes).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = Array(UnsafeBufferPointer(start: data, count: size))[...]
    if let fast = try? JSONValueDecoder.decode(Record.self, from: line) {
        guard let reference = try? JSONDecoder().decode(Record.self, from: Data(line)) else {
            fatalError("the fast decoder accepted a line Foundation refuses: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        if fast != reference {
            fatalError("fast and Foundation decoders disagree: \(fast) vs \(reference)")
        }
    }
    guard let record = try? JSONCoding.decode(Record.self, from: line) else { return 0 }
    do {
        let encoded = try JSONCoding.encodeLine(record, path: "fuzz")
        if encoded.contains(10) { fatalError("an encoded line contains a newline") }
    } catch StorageError.invalid {
        // encodeLine refuses values that do not survive a round trip (e.g. -0.0 vs 0): allowed.
    } catch {
        fatalError("encodeLine threw \(error)")
    }
    return 0
}
