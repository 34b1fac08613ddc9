@testable import GongkaiAPI
import Glibc
import Testing

/// The buffered access log, written to a pipe instead of stderr.
@Suite struct AccessLogTests {
    /// Records through a log on a pipe, stops it (which flushes) and returns the lines written.
    private func lines(_ record: (AccessLog) -> Void) throws -> [String] {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let log = AccessLog(fd: fds[1])
        record(log)
        log.stop()
        close(fds[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func writesOneLineWithSortedKeysPerRequest() throws {
        let written = try lines { log in
            log.record(method: "GET", path: "/api/v1/catalogue", status: 200, bytes: 36386, micros: 442,
                       remote: "127.0.0.1", requestId: RequestId(given: nil, prefix: "k3x9", number: 17))
            log.record(method: "POST", path: "/api/v1/records", status: 201, bytes: 0, micros: 12_034,
                       remote: "::1", requestId: RequestId(given: "abc", prefix: "k3x9", number: 0))
        }
        #expect(written.count == 2)
        #expect(written[0].hasSuffix(" info gongkai: bytes=36386 method=GET ms=0.442 path=/api/v1/catalogue remote=127.0.0.1 request_id=k3x9-17 status=200 [GongkaiAPI] access"))
        #expect(written[1].hasSuffix(" info gongkai: bytes=0 method=POST ms=12.034 path=/api/v1/records remote=::1 request_id=abc status=201 [GongkaiAPI] access"))
        // 2026-11-30T09:15:02+0800: the local time stamp StreamLogHandler wrote.
        #expect(written[0].prefix(25).filter { $0 == "-" || $0 == ":" || $0 == "T" }.count == 5)
    }

    @Test func controlCharactersAndSpacesInAPathCannotBreakTheLine() throws {
        let written = try lines { log in
            log.record(method: "GET", path: "/a b\n\u{7F}/办", status: 404, bytes: 10, micros: 5, remote: "127.0.0.1", requestId: RequestId(given: "x", prefix: "p", number: 0))
        }
        #expect(written.count == 1)
        #expect(written[0].contains(" path=/a%20b%0A%7F/办 remote="))
        #expect(written[0].contains(" ms=0.005 "))
    }
}
