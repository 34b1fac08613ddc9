internal import CMicroHTTPD

/// Keeps a response body's bytes alive while libmicrohttpd sends from them.
///
/// The pointer handed to MHD is the address of the array's own contiguous storage. This
/// box holds the only reference MHD depends on, as an immutable `let`, until MHD calls
/// `Callbacks.releaseBody`: storage that is never mutated through this reference is never
/// reallocated, and copy-on-write makes any other holder copy before writing. A body
/// encoded once (a cached catalogue) is therefore sent without copying or re-encoding.
final class ResponseBody {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

extension ServerContext {
    /// Queues the response: its prepared MHD object when it has one and the connection stays
    /// open, else a fresh MHD response built from it. A header MHD refuses (CR, LF or NUL in
    /// it) turns the whole response into a bare 500, so a half-built response never goes out.
    func queue(_ response: HTTPResponse, on connection: OpaquePointer, closeConnection: Bool) -> MHD_Result {
        let mustClose = closeConnection || isDraining.load(ordering: .relaxed)
        if let prepared = response.prepared, !mustClose {
            return MHD_queue_response(connection, UInt32(prepared.response.status), prepared.handle)
        }
        let status = (100...599).contains(response.status) ? response.status : 500
        guard let mhdResponse = Self.makeMHDResponse(response) else {
            // Out of memory even for an empty response: nothing can be sent, close.
            if response.headers.count == 0 && response.body.isEmpty { return .NO }
            libraryLog.record("gongkai: response header refused by libmicrohttpd; sent 500 instead")
            return queue(HTTPResponse(status: 500), on: connection, closeConnection: true)
        }
        defer { MHD_destroy_response(mhdResponse) }
        if mustClose {
            _ = Self.addHeader(mhdResponse, "Connection", "close")
        }
        return MHD_queue_response(connection, UInt32(status), mhdResponse)
    }

    /// An MHD response with the body and every header, or nil if MHD refuses one of them.
    static func makeMHDResponse(_ response: HTTPResponse) -> OpaquePointer? {
        guard let mhdResponse = makeMHDResponse(body: response.body) else { return nil }
        // MHD cannot send an empty field value (0.9.75 refuses it); such a field is left out.
        for (name, value) in response.headers where !value.isEmpty && !isFramingHeader(name) {
            if !addHeader(mhdResponse, name, value) {
                MHD_destroy_response(mhdResponse)
                return nil
            }
        }
        return mhdResponse
    }

    private static func makeMHDResponse(body: [UInt8]) -> OpaquePointer? {
        if body.isEmpty {
            return MHD_create_response_from_buffer_with_free_callback_cls(0, nil, nil, nil)
        }
        let box = Unmanaged.passRetained(ResponseBody(body))
        let start = box.takeUnretainedValue().bytes.withUnsafeBufferPointer { UnsafeMutableRawPointer(mutating: $0.baseAddress) }
        guard let response = MHD_create_response_from_buffer_with_free_callback_cls(
            body.count, start, Callbacks.releaseBody, box.toOpaque()
        ) else {
            box.release()
            return nil
        }
        return response
    }

    /// MHD computes Content-Length and chunking itself (0.9.75 refuses an explicit one).
    private static func isFramingHeader(_ name: String) -> Bool {
        HTTPHeaders.isSameName(name, "Content-Length") || HTTPHeaders.isSameName(name, "Transfer-Encoding")
    }

    private static func addHeader(_ response: OpaquePointer, _ name: String, _ value: String) -> Bool {
        // Response splitting: refuse CR, LF and NUL ourselves rather than rely on the library.
        let isForbidden: (UInt8) -> Bool = { $0 == 0 || $0 == 0x0A || $0 == 0x0D }
        if name.isEmpty || name.utf8.contains(where: isForbidden) || value.utf8.contains(where: isForbidden) {
            return false
        }
        return MHD_add_response_header(response, name, value) == .YES
    }
}
