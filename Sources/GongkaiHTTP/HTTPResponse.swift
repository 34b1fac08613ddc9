/// A response to queue. The body is a copy-on-write array: a body encoded once and reused
/// is handed to libmicrohttpd without re-encoding or copying its bytes.
///
/// The server computes `Content-Length` itself and ignores `Content-Length` and
/// `Transfer-Encoding` fields set here. For HEAD the body is not sent, but it still
/// decides `Content-Length`, so return the same body as for GET.
public struct HTTPResponse: Sendable {
    /// The status code, 100...599 (anything else is sent as 500).
    public var status: Int { didSet { prepared = nil } }
    /// Response header fields. A value containing CR, LF or NUL turns the response into a
    /// bare 500; a field with an empty value is left out (libmicrohttpd cannot send one).
    public var headers: HTTPHeaders { didSet { prepared = nil } }
    /// The body bytes.
    public var body: [UInt8] { didSet { prepared = nil } }
    /// The libmicrohttpd response built once for exactly these status, headers and body.
    /// Any change to them drops it (the observers above), so a caller that adds a header
    /// can never send the prepared answer without it.
    public private(set) var prepared: PreparedResponse?
    /// Set for a placeholder that stands for an answer given later (see `PendingResponse`).
    public private(set) var pending: PendingResponse?

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = .init(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A placeholder: the server keeps the connection waiting, without a thread, until
    /// `pending` is resolved, and then sends the answer its work builds.
    public init(later pending: PendingResponse) {
        self.init(status: 500)
        self.pending = pending
    }

    /// The response a `PreparedResponse` was built from, queued without building it again.
    public init(_ prepared: PreparedResponse) {
        self = prepared.response
        self.prepared = prepared
    }
}
