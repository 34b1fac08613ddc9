// libFuzzer target: how a records.jsonl line is read back (Sources/GongkaiStorage: JSONCoding,
// the fast JSONValue/JSONValueDecoder, RecordLine and its reader, StorageError; GongkaiDomain for Record).
// Invariants: no crash or trap; whenever the fast JSONValueDecoder accepts a line, Foundation's
// JSONDecoder accepts it too and decodes an equal Record (the fast path never reads stored data
// differently); a decoded Record encodes to a line that decodes back equal (what the store writes),
// and the hand-written Record encoder makes exactly JSONEncoder's sorted-keys bytes.
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
    // The start-up reader of record lines (RecordLineReader, issue 6) may decline anything, but
    // what it accepts Foundation must accept and decode equally — record and audit entry.
    var pool = RecordLineReader.Pool()
    if let fast = RecordLineReader.read(line, pool: &pool) {
        struct Holder: Decodable { var audit: AuditEntry? }
        guard let record = try? JSONDecoder().decode(Record.self, from: Data(line)),
              let holder = try? JSONDecoder().decode(Holder.self, from: Data(line)) else {
            fatalError("the line reader accepted a line Foundation refuses: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        if fast != RecordLine(record: record, audit: holder.audit) {
            fatalError("line reader and Foundation disagree: \(fast) vs \(record), \(String(describing: holder.audit))")
        }
        if (try? RecordLine.decode(fast.jsonBytes[...])) != fast { fatalError("a read line does not survive a round trip") }
    }
    guard let record = try? JSONCoding.decode(Record.self, from: line) else { return 0 }
    // Every record that can be read back can be written again: the store's encoder (hand-written
    // for Record) round-trips it, and makes the same bytes as JSONEncoder with sorted keys.
    let encoded: [UInt8]
    do {
        encoded = try JSONCoding.encodeLine(record, path: "fuzz")
    } catch {
        fatalError("a decoded record cannot be encoded again: \(error) — \(record)")
    }
    if encoded.contains(10) { fatalError("an encoded line contains a newline") }
    if let reference = try? JSONCoding.lineEncoder().encode(record), Array(reference) != encoded {
        fatalError("hand-written and JSONEncoder lines differ:\n\(String(decoding: encoded, as: UTF8.self))\n\(String(decoding: reference, as: UTF8.self))")
    }
    return 0
}
