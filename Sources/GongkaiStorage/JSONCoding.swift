import Foundation
import GongkaiDomain

/// The one place that fixes how stored JSON looks.
///
/// Lines: compact, sorted keys, slashes and non-ASCII unescaped (UTF-8 as is: human-readable).
/// Documents: the same, pretty-printed. Encoders are made per call: they are cheap and a
/// per-call instance needs no locking.
enum JSONCoding {
    static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func documentEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }

    /// Encodes one line, refusing a value whose bytes do not decode back to an equal value.
    static func encodeLine<T: Codable & Equatable>(_ value: T, path: String) throws(StorageError) -> [UInt8] {
        do {
            // Records, the hot write path, have a hand-written encoder making the same bytes
            // (RecordLineTests); the round-trip check below covers it like any other value.
            let data: [UInt8]
            if let record = value as? Record {
                data = record.jsonBytes
            } else {
                data = Array(try lineEncoder().encode(value))
            }
            let check = try decode(T.self, from: data[...])
            guard check == value else {
                throw StorageError.invalid("\(T.self) does not survive a JSON round trip; not writing it to \(path)")
            }
            return data
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError.invalid("cannot encode \(T.self) for \(path): \(describe(error))")
        }
    }

    /// Decodes through the fast `JSONValueDecoder`; whenever it declines or fails, Foundation's
    /// `JSONDecoder` decides (and supplies the error a person reads).
    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        if let value = try? JSONValueDecoder.decode(type, from: bytes) { return value }
        return try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// A short, human-readable reason for a decoding error.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\"\(at(context))"
        case .typeMismatch(let type, let context):
            return "expected \(type)\(at(context))"
        case .valueNotFound(let type, let context):
            return "null where \(type) is required\(at(context))"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
            return "invalid JSON\(at(context)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return "\(error)"
        }
    }
}
