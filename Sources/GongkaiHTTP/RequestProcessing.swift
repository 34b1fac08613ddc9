internal import CMicroHTTPD

/// The access-handler logic, per call of libmicrohttpd's MHD_AccessHandlerCallback.
extension ServerContext {
    /// - First call (headers complete): collect headers, run the guards. A rejection is
    ///   queued at once, which makes MHD skip any body (no `100 Continue`) and close.
    ///   Otherwise answer later: 0.9.75 closes every connection whose response was queued
    ///   on this first call, which would end keep-alive.
    /// - Body calls: copy the chunk and mark it consumed (`*upload_data_size = 0`).
    ///   MHD forbids queuing a response while `upload_data != NULL`.
    /// - Final call: hand the request to the application and queue its response; or, for a
    ///   `PendingResponse`, suspend the connection until it is resolved, after which MHD
    ///   calls once more and the answer is queued.
    func access(
        connection: OpaquePointer,
        state: RequestState,
        method: UnsafePointer<CChar>?,
        upload: UnsafeRawBufferPointer?,
        uploadSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        if !state.hasSeenHeaders {
            state.hasSeenHeaders = true
            state.method = method.map { String(cString: $0) } ?? ""
            MHD_get_connection_values_n(
                connection, .HEADER_KIND, Callbacks.header,
                Unmanaged.passUnretained(state).toOpaque()
            )
            if let rejection = firstCallRejection(state) {
                return queueRejection(rejection, state: state, on: connection)
            }
            return .YES
        }
        if let upload, uploadSize.pointee > 0 {
            uploadSize.pointee = 0
            return state.consumeBody(upload, limit: maxBodyBytes) ? .YES : .NO
        }
        if let pending = state.pending {
            // Called again after a resume: the answer is ready.
            switch pending.takeOutcome() {
            case .work(let work)?: return queue(work(), on: connection, closeConnection: false)
            case .abandoned?: return queueRejection(.shuttingDown, state: state, on: connection)
            case nil: return .NO  // unreachable: MHD calls back only after `resolve` resumed it
            }
        }
        if state.isBodyOverLimit {
            return queueRejection(.bodyTooLarge(limit: maxBodyBytes), state: state, on: connection)
        }
        guard let target = state.target else { return .NO }  // unreachable: set on the first call
        let request = HTTPRequest(
            method: state.method,
            path: target.path,
            query: target.query,
            headers: state.headers,
            body: state.body,
            remoteAddress: state.remoteAddress
        )
        state.body = []
        let response = handler.handle(request)
        if let pending = response.pending {
            state.pending = pending
            if pending.suspendUnlessResolved(connection, context: self) { return .YES }
            return access(connection: connection, state: state, method: method, upload: nil, uploadSize: uploadSize)
        }
        return queue(response, on: connection, closeConnection: false)
    }

    /// The guards run before any byte of the body is read, in order: target length,
    /// framing (RFC 9112 §6.1, §6.3; 0.9.75 lets CL+TE and repeated CL through),
    /// target syntax, declared body size.
    private func firstCallRejection(_ state: RequestState) -> HTTPRejection? {
        if state.rawTarget.count > maxURLBytes {
            return .uriTooLong(limit: maxURLBytes)
        }
        if state.contentLengths.count > 1 {
            return .ambiguousFraming(reason: "Content-Length sent more than once")
        }
        if !state.transferEncodings.isEmpty {
            if !state.contentLengths.isEmpty {
                return .ambiguousFraming(reason: "Content-Length together with Transfer-Encoding")
            }
            if state.transferEncodings.count > 1 || !HTTPHeaders.isSameName(state.transferEncodings[0], "chunked") {
                return .ambiguousFraming(reason: "Transfer-Encoding other than a single chunked")
            }
        }
        do {
            state.target = try RawTarget(parsing: state.rawTarget)
        } catch {
            return .invalidTarget(reason: error.reason)
        }
        if let declared = state.contentLengths.first,
           let length = UInt64(declared.trimmingASCIISpaces()),
           length > UInt64(maxBodyBytes) {
            return .bodyTooLarge(limit: maxBodyBytes)
        }
        if let declared = state.contentLengths.first, let length = Int(declared.trimmingASCIISpaces()) {
            // Capped: a declared length alone must not make idle connections hold megabytes.
            state.body.reserveCapacity(min(length, 65_536))
        }
        return nil
    }

    private func queueRejection(_ rejection: HTTPRejection, state: RequestState, on connection: OpaquePointer) -> MHD_Result {
        state.body = []
        let response = handler.reject(
            rejection, method: state.method, target: state.rawTargetText, headers: state.headers
        )
        return queue(response, on: connection, closeConnection: true)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (HTTP's OWS).
    func trimmingASCIISpaces() -> Substring {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
