import Foundation

/// One JSON encoding for every response and file: snake_case keys come from CodingKeys,
/// keys sorted for stable bytes (so a hash of the bytes can serve as an ETag), Chinese kept
/// as UTF-8 rather than \u escapes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            // Only non-finite doubles fail to encode, and the API has none.
            preconditionFailure("JSON encoding failed: \(error)")
        }
    }
}
