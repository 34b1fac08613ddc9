import Foundation

/// A `Decoder` over a parsed `JSONValue`: Codable types decode through it exactly as through
/// `JSONDecoder` for plain data (strings, numbers, bools, null, arrays, objects). Types with a
/// JSONDecoder-specific strategy (Date, Data, Decimal, URL …) are refused with `Unsupported`,
/// so the caller falls back to `JSONDecoder`. For speed it does not track coding paths (they
/// would cost an array per field): on any error the caller re-decodes with `JSONDecoder`, whose
/// error names the path.
struct JSONValueDecoder: Decoder {
    struct Unsupported: Error {}

    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try unbox(try JSONValue.parse(bytes), as: type, path: [])
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let pairs) = value else { throw Self.mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(Keyed<Key>(pairs: pairs, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw Self.mismatch([Any].self, value, codingPath) }
        return Unkeyed(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(value: value, codingPath: codingPath)
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \(value.kind)"))
    }

    /// Decodes a value of any Decodable type; primitives directly, others through `init(from:)`.
    /// Each `unsafeBitCast` below follows the check that `T` is exactly that primitive type.
    static func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, path: [any CodingKey]) throws -> T {
        let id = ObjectIdentifier(type)
        if id == ObjectIdentifier(String.self) {
            guard case .string(let text) = value else { throw mismatch(type, value, path) }
            return unsafeBitCast(text, to: T.self)  // T is String: checked just above
        }
        if id == ObjectIdentifier(Int.self) { return unsafeBitCast(try integer(value, Int.self, path), to: T.self) }
        if id == ObjectIdentifier(Bool.self) {
            guard case .bool(let flag) = value else { throw mismatch(type, value, path) }
            return unsafeBitCast(flag, to: T.self)
        }
        if id == ObjectIdentifier(Double.self) { return unsafeBitCast(try floating(value, Double.self, path), to: T.self) }
        if id == ObjectIdentifier(Date.self) || id == ObjectIdentifier(Data.self)
            || id == ObjectIdentifier(Decimal.self) || id == ObjectIdentifier(URL.self) {
            throw Unsupported()
        }
        return try T(from: JSONValueDecoder(value: value, codingPath: path))
    }

    static func integer<I: FixedWidthInteger>(_ value: JSONValue, _ type: I.Type, _ path: [any CodingKey]) throws -> I {
        guard case .number(let text) = value else { throw mismatch(type, value, path) }
        guard let number = I(text) else { throw Unsupported() }
        return number
    }

    static func floating<F: LosslessStringConvertible>(_ value: JSONValue, _ type: F.Type, _ path: [any CodingKey]) throws -> F {
        guard case .number(let text) = value else { throw mismatch(type, value, path) }
        guard let number = F(text) else { throw Unsupported() }
        return number
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let pairs: [(key: String, value: JSONValue)]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        private func find(_ key: Key) -> JSONValue? {
            let name = key.stringValue
            for pair in pairs where pair.key == name { return pair.value }
            return nil
        }

        private func require(_ key: Key) throws -> JSONValue {
            guard let value = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \"\(key.stringValue)\""))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try require(key) { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.unbox(try require(key), as: type, path: codingPath)
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
            try JSONValueDecoder.floating(try require(key), type, codingPath)
        }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try int(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try int(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try int(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try int(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try int(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try int(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try int(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try int(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try int(type, key) }

        private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try JSONValueDecoder.unbox(try require(key), as: type, path: codingPath)
        }

        private func int<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I {
            try JSONValueDecoder.integer(try require(key), type, codingPath)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(value: try require(key), codingPath: codingPath).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(value: try require(key), codingPath: codingPath).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw Unsupported() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Unsupported() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        let codingPath: [any CodingKey]
        private(set) var currentIndex = 0

        init(elements: [JSONValue], codingPath: [any CodingKey]) {
            self.elements = elements
            self.codingPath = codingPath
        }

        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        private mutating func next() throws -> (JSONValue, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "array ended"))
            }
            defer { currentIndex += 1 }
            return (elements[currentIndex], codingPath)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = elements[currentIndex] else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try JSONValueDecoder.unbox(value, as: type, path: path)
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
        mutating func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
        mutating func decode(_ type: Float.Type) throws -> Float {
            let (value, path) = try next()
            return try JSONValueDecoder.floating(value, type, path)
        }
        mutating func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try int(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try int(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try int(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try int(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try int(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try int(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try int(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try int(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try int(type) }

        private mutating func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try JSONValueDecoder.unbox(value, as: type, path: path)
        }

        private mutating func int<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            let (value, path) = try next()
            return try JSONValueDecoder.integer(value, type, path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (value, path) = try next()
            return try JSONValueDecoder(value: value, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, path) = try next()
            return try JSONValueDecoder(value: value, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw Unsupported() }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool {
            if case .null = value { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONValueDecoder.unbox(value, as: type, path: codingPath) }
        func decode(_ type: Bool.Type) throws -> Bool { try JSONValueDecoder.unbox(value, as: type, path: codingPath) }
        func decode(_ type: String.Type) throws -> String { try JSONValueDecoder.unbox(value, as: type, path: codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try JSONValueDecoder.unbox(value, as: type, path: codingPath) }
        func decode(_ type: Float.Type) throws -> Float { try JSONValueDecoder.floating(value, type, codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try JSONValueDecoder.unbox(value, as: type, path: codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONValueDecoder.integer(value, type, codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONValueDecoder.integer(value, type, codingPath) }
    }
}

extension JSONValue {
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
