internal import CMicroHTTPD

/// A response whose libmicrohttpd object is built once (headers added, body referenced)
/// and then queued for any number of requests: the per-request cost becomes one
/// `MHD_queue_response`, as in a C server. For answers that are the same for every caller
/// until their data changes, such as the catalogue of one version (issue 6, floor 1).
///
/// Return it as `HTTPResponse(prepared)`. Changing that response in any way (a header the
/// application adds for one request, say) makes the server build a fresh one instead.
public final class PreparedResponse: Sendable {
    /// The same answer as a plain response.
    public let response: HTTPResponse
    /// The MHD_Response, immutable after `init`. `nonisolated(unsafe)` is sound because:
    /// - libmicrohttpd changes a response after creation only through its reference count,
    ///   which `MHD_queue_response` and `MHD_destroy_response` update under the response's own
    ///   mutex (0.9.75 response.c, `MHD_increment_response_rc`), so MHD's threads may queue it
    ///   concurrently; sending only reads its header list and body;
    /// - it is destroyed exactly once, in `deinit`, when no Swift reference is left; a
    ///   connection still sending it holds libmicrohttpd's own reference, and the body bytes
    ///   are kept alive by that reference too (see `ResponseBody`).
    nonisolated(unsafe) let handle: OpaquePointer

    /// Nil when libmicrohttpd refuses the response or one of its headers (CR, LF or NUL).
    public init?(_ response: HTTPResponse) {
        guard (100...599).contains(response.status),
              let handle = ServerContext.makeMHDResponse(response) else { return nil }
        self.response = response
        self.handle = handle
    }

    deinit {
        MHD_destroy_response(handle)
    }
}
