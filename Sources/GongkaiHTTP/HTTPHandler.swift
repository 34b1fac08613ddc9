/// The application. Both methods are called synchronously on libmicrohttpd's worker
/// threads, possibly concurrently: keep them short and never block on async work.
public protocol HTTPHandler: Sendable {
    /// Answers a complete, validated request.
    func handle(_ request: HTTPRequest) -> HTTPResponse
    /// The server refused the request itself; the application renders the body (it owns
    /// problem+json). `target` is the raw request target as received. The server adds
    /// `Connection: close` to this response.
    func reject(_ rejection: HTTPRejection, method: String, target: String, headers: HTTPHeaders) -> HTTPResponse
}
