/// Why `HTTPServer.start()` failed.
public enum HTTPServerError: Error, Sendable {
    /// The daemon could not start on `host:port` (address in use, bad host, bad limits …).
    case startFailed(host: String, port: UInt16, reason: String)
}
