import Dispatch
import Foundation
import Glibc
import GongkaiSync

extension AppendLog {
    /// What `load` read back from a log.
    public struct Loaded<Value> {
        public var values: [Value]
        /// True when an unacknowledged torn last line was found and cut off.
        public var truncatedTail: Bool
        /// The size of the file after the cut: only complete, valid lines.
        public var size: Int64
    }

    /// Reads every line of the log at `path` (absent: none), decoding each with `decode`.
    ///
    /// A last line without its newline, or whose JSON does not decode, was never acknowledged
    /// (its fsync never returned): it is cut off, the cut fsync'd, and `truncatedTail` is set.
    /// An invalid line anywhere else is damage that would silently lose data: `.corrupt` names it.
    public static func load<Value: Sendable>(path: String, fileSystem: any FileSystem = POSIXFileSystem(),
                                             decode: @escaping @Sendable (ArraySlice<UInt8>) throws -> Value) throws(StorageError) -> Loaded<Value> {
        try load(path: path, fileSystem: fileSystem, makeDecoder: { decode })
    }

    /// `load` with a decoder made per chunk (`makeDecoder` runs once on each decoding thread):
    /// for decoders that keep state across lines, such as `RecordLineReader.Pool`.
    public static func load<Value: Sendable>(path: String, fileSystem: any FileSystem = POSIXFileSystem(),
                                             makeDecoder: @Sendable () -> (ArraySlice<UInt8>) throws -> Value) throws(StorageError) -> Loaded<Value> {
        guard let bytes = try fileSystem.readFile(path) else {
            return Loaded(values: [], truncatedTail: false, size: 0)
        }
        let parsed = try parse(bytes, path: path, makeDecoder: makeDecoder)
        let truncated = parsed.size < bytes.count
        if truncated { try cut(path, to: Int64(parsed.size), fileSystem: fileSystem) }
        return Loaded(values: parsed.values, truncatedTail: truncated, size: Int64(parsed.size))
    }

    /// Decodes the lines of `bytes` without touching any file: the values and the byte length
    /// of the valid part (a torn tail excluded). Throws `.corrupt` for damage before the tail.
    /// Large logs are decoded in chunks on all cores (start-up time at 100k records).
    public static func parse<Value: Sendable>(_ bytes: [UInt8], path: String,
                                              decode: @escaping @Sendable (ArraySlice<UInt8>) throws -> Value) throws(StorageError) -> (values: [Value], size: Int) {
        try parse(bytes, path: path, makeDecoder: { decode })
    }

    /// `parse` with a decoder made per chunk (see `load(path:fileSystem:makeDecoder:)`).
    public static func parse<Value: Sendable>(_ bytes: [UInt8], path: String,
                                              makeDecoder: @Sendable () -> (ArraySlice<UInt8>) throws -> Value) throws(StorageError) -> (values: [Value], size: Int) {
        let (lines, hasPartialTail) = lineRanges(bytes)
        let chunks = decodeInChunks(bytes, lines, makeDecoder: makeDecoder)
        var values: [Value] = []
        values.reserveCapacity(lines.count)
        for chunk in chunks {
            values += chunk.values
            guard let (index, reason) = chunk.failure else { continue }
            guard index == lines.count - 1 && !hasPartialTail else {
                throw StorageError.corrupt(path: path, line: index + 1, reason: reason)
            }
            return (values, lines[index].lowerBound)
        }
        return (values, lines.last.map { $0.upperBound + 1 } ?? 0)
    }

    private struct Chunk<Value: Sendable>: Sendable {
        var values: [Value] = []
        /// The first line (0-based) that did not decode, and why.
        var failure: (Int, String)?
    }

    /// Decodes `lines` in order, split over the cores; each chunk stops at its first bad line.
    private static func decodeInChunks<Value: Sendable>(_ bytes: [UInt8], _ lines: [Range<Int>],
                                                        makeDecoder: @Sendable () -> (ArraySlice<UInt8>) throws -> Value) -> [Chunk<Value>] {
        let count = lines.count < 4_096 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (lines.count + count - 1) / max(count, 1)
        let results = PThreadLock<[Int: Chunk<Value>]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { chunkIndex in
            var chunk = Chunk<Value>()
            let decode = makeDecoder()
            let range = min(chunkIndex * size, lines.count)..<min((chunkIndex + 1) * size, lines.count)
            chunk.values.reserveCapacity(range.count)
            for index in range {
                do {
                    chunk.values.append(try decode(bytes[lines[index]]))
                } catch {
                    chunk.failure = (index, JSONCoding.describe(error))
                    break
                }
            }
            results.withLock { $0[chunkIndex] = chunk }
        }
        return results.withLock { results in (0..<count).map { results[$0] ?? Chunk() } }
    }

    /// Checks that a line is one JSON text (any JSON value).
    public static func validateJSON(_ line: ArraySlice<UInt8>) throws {
        _ = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
    }

    /// Loads the raw lines, checking only that each is valid JSON.
    public static func load(path: String, fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) -> Loaded<[UInt8]> {
        try load(path: path, fileSystem: fileSystem) { line in
            try validateJSON(line)
            return Array(line)
        }
    }

    /// Ranges of the newline-terminated lines (newline excluded), and whether bytes follow the last.
    static func lineRanges(_ bytes: [UInt8]) -> ([Range<Int>], hasPartialTail: Bool) {
        var ranges: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < buffer.count {
                guard let found = memchr(base + start, 10, buffer.count - start) else { break }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                ranges.append(start..<end)
                start = end + 1
            }
        }
        return (ranges, start < bytes.count)
    }

    private static func cut(_ path: String, to size: Int64, fileSystem: any FileSystem) throws(StorageError) {
        let file = try fileSystem.open(path, flags: O_WRONLY | O_CLOEXEC, mode: 0)
        do {
            try fileSystem.truncate(file, to: size)
            try fileSystem.fsync(file)
        } catch {
            try? fileSystem.close(file)
            throw error
        }
        try fileSystem.close(file)
    }
}
