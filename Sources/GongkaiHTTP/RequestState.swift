/// Per-request accumulator: the raw target, method, headers, body and limit flags.
///
/// Created in the URI-log callback (its pointer, retained, becomes libmicrohttpd's
/// `*con_cls`), reached with `takeUnretainedValue()` in the access handler, and released
/// exactly once in the request-completed callback. libmicrohttpd drives one connection from
/// one thread at a time, so this class is never touched concurrently and is not Sendable.
final class RequestState {
    let context: ServerContext
    /// The request target exactly as received, before any decoding.
    let rawTarget: [UInt8]
    let remoteAddress: String

    var hasSeenHeaders = false
    var method = ""
    var headers = HTTPHeaders()
    var contentLengths: [String] = []
    var transferEncodings: [String] = []
    var target: RawTarget?

    var body: [UInt8] = []
    var bodyBytesReceived = 0
    var isBodyOverLimit = false
    /// Set when the handler answered later: the connection is suspended until it resolves.
    var pending: PendingResponse?

    init(context: ServerContext, rawTarget: [UInt8], remoteAddress: String) {
        self.context = context
        self.rawTarget = rawTarget
        self.remoteAddress = remoteAddress
        context.liveRequestStates.add(1, ordering: .relaxed)
    }

    deinit {
        context.liveRequestStates.subtract(1, ordering: .releasing)
    }

    /// Records one header field as libmicrohttpd enumerates them (duplicates included).
    func collectHeader(name: String, value: String) {
        headers.add(name, value)
        if HTTPHeaders.isSameName(name, "Content-Length") { contentLengths.append(value) }
        if HTTPHeaders.isSameName(name, "Transfer-Encoding") { transferEncodings.append(value) }
    }

    /// Takes one upload chunk. Copies up to the limit, then only counts.
    /// Returns false once more than twice the limit has arrived: close the connection.
    func consumeBody(_ chunk: UnsafeRawBufferPointer, limit: Int) -> Bool {
        bodyBytesReceived += chunk.count
        if !isBodyOverLimit && bodyBytesReceived <= limit {
            body.append(contentsOf: chunk)
        } else if !isBodyOverLimit {
            isBodyOverLimit = true
            body = []
        }
        return bodyBytesReceived - limit <= limit  // written to avoid overflowing 2 × limit
    }

    /// The rawTarget as text (lossy for invalid UTF-8), for `HTTPHandler.reject`.
    var rawTargetText: String { String(decoding: rawTarget, as: UTF8.self) }
}
