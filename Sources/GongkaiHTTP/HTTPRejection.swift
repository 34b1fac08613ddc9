/// Why the server refused a request before any handler saw it.
public enum HTTPRejection: Error, Sendable, Equatable {
    /// 413: decided from `Content-Length` on the first call (no body read), or while
    /// draining a chunked body (copying stops at the limit; past twice the limit the
    /// connection is closed without a response).
    case bodyTooLarge(limit: Int)
    /// 414: the raw request target is longer than `maxURLBytes`.
    case uriTooLong(limit: Int)
    /// 400: bad percent-encoding, %00, encoded slash, dot segments, invalid UTF-8 …
    case invalidTarget(reason: String)
    /// 400: `Content-Length` twice, together with `Transfer-Encoding`, or an unsupported
    /// `Transfer-Encoding` (RFC 9112 §6.1, §6.3). The connection is always closed.
    case ambiguousFraming(reason: String)
    /// 503: the server stopped while the request's answer was still pending (a write waiting
    /// for its fsync, say); whether that work took effect is unknown to the server.
    case shuttingDown

    /// The status code this rejection calls for.
    public var status: Int {
        switch self {
        case .bodyTooLarge: 413
        case .uriTooLong: 414
        case .invalidTarget, .ambiguousFraming: 400
        case .shuttingDown: 503
        }
    }
}
