import Glibc
import Synchronization
import GongkaiStorage
import GongkaiSync

/// The access log: one line per request, formatted on the request's thread into a bounded
/// in-memory buffer and written to stderr by a background thread, so a request never waits
/// for the log's I/O (issue 6, floor 7).
///
/// The line keeps the shape swift-log's StreamLogHandler gave it, keys sorted:
/// `2026-11-30T09:15:02+0800 info gongkai: bytes=36386 method=GET ms=0.442 path=/api/v1/catalogue remote=127.0.0.1 request_id=k3x9-17 status=200 [GongkaiAPI] access`
/// Bytes of the path below 0x21 and 0x7F are written as %XX, so a line is always one line.
///
/// When the buffer is full (stderr blocked or slower than the traffic) a line is dropped and
/// counted (`droppedLines`, exported in /metrics) rather than making the request wait. The
/// writer wakes every 20 ms; `flush()` (called when the server stops) writes what is left.
final class AccessLog: Sendable {
    /// Bytes buffered before lines are dropped: about a quarter second at 100k requests/s.
    static let capacity = 4 << 20

    private struct Pending {
        var bytes: [UInt8] = []
        var dropped = 0
        var second = -1
        var stamp: [UInt8] = []
    }

    private let pending = PThreadLock(Pending())
    /// Held while writing, so the writer thread and `flush()` never interleave; holds the
    /// spare buffer that is swapped with the pending one.
    private let output = PThreadLock<[UInt8]>([])
    private let fd: Int32
    private let stopped = Atomic<Bool>(false)

    init(fd: Int32 = 2) {
        self.fd = fd
        pending.withLock { $0.bytes.reserveCapacity(64 << 10) }
        // Without a writer thread, flush() still writes, at stop.
        if let thread = startThread({ self.run() }) { pthread_detach(thread) }
    }

    /// Lines dropped because the buffer was full.
    var droppedLines: Int { pending.withLock { $0.dropped } }

    func record(method: String, path: String, status: Int, bytes: Int, micros: Int, remote: String, requestId: RequestId) {
        let now = time(nil)
        let idBytes = requestId.given?.utf8.count ?? requestId.prefix.utf8.count + 21
        let bound = 192 + 3 * (method.utf8.count + path.utf8.count + remote.utf8.count + idBytes)
        // Formatted into stack memory outside the lock with plain stores (no array growth
        // checks); under the lock only the per-second timestamp and one copy.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buffer in
            var line = LineWriter(buffer)
            line.append(" info gongkai: bytes=")
            line.appendDecimal(bytes)
            line.append(" method=")
            line.appendEscaped(method)
            line.append(" ms=")
            line.appendDecimal(micros / 1000)
            line.append(".")
            let fraction = micros % 1000
            if fraction < 100 { line.append("0") }
            if fraction < 10 { line.append("0") }
            line.appendDecimal(fraction)
            line.append(" path=")
            line.appendEscaped(path)
            line.append(" remote=")
            line.appendEscaped(remote)
            line.append(" request_id=")
            if let given = requestId.given {
                line.appendEscaped(given)
            } else {
                line.appendEscaped(requestId.prefix)
                line.append("-")
                line.appendDecimal(requestId.number)
            }
            line.append(" status=")
            line.appendDecimal(status)
            line.append(" [GongkaiAPI] access\n")
            let text = UnsafeBufferPointer(rebasing: buffer[..<line.count])
            pending.withLock { p in
                if now != p.second { p.stamp = Self.timestamp(now); p.second = now }
                guard p.bytes.count + p.stamp.count + text.count <= Self.capacity else {
                    p.dropped += 1
                    return
                }
                p.bytes.append(contentsOf: p.stamp)
                p.bytes.append(contentsOf: text)
            }
        }
    }

    /// Writes everything buffered so far; returns once it is handed to the kernel.
    func flush() {
        output.withLock { spare in
            pending.withLock { swap(&$0.bytes, &spare) }
            guard !spare.isEmpty else { return }
            spare.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n > 0 {
                        offset += n
                    } else if n < 0 && errno == EINTR {
                        continue
                    } else {
                        break  // stderr closed or failing: these lines are lost, requests go on
                    }
                }
            }
            spare.removeAll(keepingCapacity: true)
        }
    }

    /// Stops the writer thread after a last flush.
    func stop() {
        stopped.store(true, ordering: .releasing)
        flush()
    }

    private func run() {
        while !stopped.load(ordering: .acquiring) {
            flush()
            usleep(20_000)
        }
    }

    /// Local time as swift-log's StreamLogHandler writes it: `%Y-%m-%dT%H:%M:%S%z`.
    private static func timestamp(_ seconds: time_t) -> [UInt8] {
        var t = seconds
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [Int8](repeating: 0, count: 64)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return buffer.prefix(n).map { UInt8(bitPattern: $0) }
    }
}

/// Writes one log line into a buffer sized for it by `AccessLog.record`'s bound: 192 bytes for
/// the fixed text and numbers, three per byte of the strings (the worst case of %XX escapes).
private struct LineWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ text: StaticString) {
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for byte in bytes { put(byte) }
    }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            put(0x2D)
            appendDecimal(-value)
            return
        }
        if value >= 10 { appendDecimal(value / 10) }
        put(0x30 + UInt8(value % 10))
    }

    /// Bytes up to space and DEL as %XX, so a line is always one line with space-separated fields.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte <= 0x20 || byte == 0x7F {
                    put(0x25)
                    put(Self.hexDigit(byte >> 4))
                    put(Self.hexDigit(byte & 0xF))
                } else {
                    put(byte)
                }
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x37 + value  // "0"... "9", "A"... "F"
    }

    private mutating func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }
}
