import ArgumentParser
import Foundation
import Glibc

/// A health probe for containers, whose slim images have neither curl nor wget:
/// `GET /healthz` over a plain TCP socket, exit 0 on `200 ok`, 1 otherwise.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "检查本机服务是否正常，用于容器 HEALTHCHECK (probe GET /healthz; for a container HEALTHCHECK).",
        discussion: """
        正常时退出码为 0，否则为 1。端口取自 --port、$GONGKAI_PORT 或配置文件。
        (Exit 0 when the server answers 200 ok, else 1. The port comes from --port, $GONGKAI_PORT or the config.)
          gongkai healthcheck
          gongkai healthcheck --port 9000 --timeout 2
        """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "服务地址，默认 127.0.0.1 (address to probe; a wildcard listen address means 127.0.0.1).")
    var host: String?

    @Option(help: "端口 (port), default from the configuration.")
    var port: Int?

    @Option(help: "超时秒数 (timeout in seconds).")
    var timeout: Int = 3

    func run() throws {
        let config = try options.load(port: port)
        var target = host ?? config.host
        if target == "0.0.0.0" || target == "::" || target == "*" || target.isEmpty { target = "127.0.0.1" }
        do {
            let response = try Self.get(host: target, port: config.port, path: "/healthz", timeout: timeout)
            guard response.hasPrefix("HTTP/1.1 200") || response.hasPrefix("HTTP/1.0 200") else {
                throw HealthError(String(response.prefix { $0 != "\r" }))
            }
            print("ok")
        } catch {
            FileHandle.standardError.write(Data("不健康 (unhealthy): http://\(target):\(config.port)/healthz: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    struct HealthError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// One HTTP/1.1 request with `Connection: close`; returns the response as text.
    static func get(host: String, port: Int, path: String, timeout: Int) throws -> String {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw HealthError("cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw HealthError("socket: errno \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw HealthError("connect: \(String(cString: strerror(errno)))")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nUser-Agent: gongkai-healthcheck\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw HealthError("send: \(String(cString: strerror(errno)))") }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65_536 {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw HealthError("recv: \(String(cString: strerror(errno)))") }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
