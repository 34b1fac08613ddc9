/// A complete request as the handler sees it: the body has been read in full and the
/// target has been decoded and validated (see `RawTarget`).
public struct HTTPRequest: Sendable {
    /// The method as sent, e.g. "GET" (methods are case-sensitive, RFC 9110 §9.1).
    public var method: String
    /// The percent-decoded, validated path; always starts with "/".
    public var path: String
    /// The decoded query pairs in order; '+' is decoded as a space.
    public var query: [(name: String, value: String)]
    /// The request header fields as received.
    public var headers: HTTPHeaders
    /// The request body (empty when none was sent).
    public var body: [UInt8]
    /// The peer's IP address, e.g. "127.0.0.1" or "::1".
    public var remoteAddress: String
    /// Values of `{name}` segments, filled in by the application from `Router.match`.
    public var pathParameters: [String: String] = [:]

    /// Creates a request (the server does this; tests and routers may too).
    public init(
        method: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: HTTPHeaders = .init(),
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The first value of query parameter `name`, or nil.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every value of query parameter `name`, in order.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }
}
