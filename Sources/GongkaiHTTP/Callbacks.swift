internal import CMicroHTTPD
import Glibc

/// The C entry points libmicrohttpd calls on its worker threads. They capture nothing:
/// the server's `ServerContext` arrives as `cls`, the request's `RequestState` as
/// `*con_cls`. No logic here beyond unpacking pointers (see RequestProcessing.swift).
///
/// They live in a non-isolated enum in their own file on purpose: a closure written in
/// top-level code is @MainActor in Swift 6 and traps when called from an MHD thread.
enum Callbacks {
    /// MHD_AccessHandlerCallback: called after the headers, once per body chunk, and once
    /// more when the request is complete.
    static let access: MHD_AccessHandlerCallback = { cls, connection, _, method, _, uploadData, uploadDataSize, conCls in
        guard let cls, let connection, let uploadDataSize, let conCls else { return .NO }
        let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        let state: RequestState
        if let existing = conCls.pointee {
            state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
        } else {
            // The URI-log callback always runs first; should it not, the target is unknown
            // and the request is refused as invalid. Released in `completed` like any other.
            state = RequestState(context: context, rawTarget: [], remoteAddress: "")
            conCls.pointee = Unmanaged.passRetained(state).toOpaque()
        }
        let upload = uploadData.map { UnsafeRawBufferPointer(start: $0, count: uploadDataSize.pointee) }
        return context.access(
            connection: connection,
            state: state,
            method: method,
            upload: upload,
            uploadSize: uploadDataSize
        )
    }

    /// MHD_OPTION_URI_LOG_CALLBACK: the raw, undecoded target; the return value becomes
    /// `*con_cls`. Called once per request, and it makes libmicrohttpd call `completed`.
    static let uriLog: gk_uri_log_callback = { cls, uri, connection in
        guard let cls else { return nil }
        let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        let raw = uri.map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) } ?? []
        let address = connection.flatMap { gk_socket_context($0) }
            .map { Unmanaged<PeerAddress>.fromOpaque($0).takeUnretainedValue().text } ?? ""
        let state = RequestState(context: context, rawTarget: raw, remoteAddress: address)
        return Unmanaged.passRetained(state).toOpaque()
    }

    /// MHD_OPTION_NOTIFY_CONNECTION: formats the peer's address once per connection (it was
    /// ~1,700 instructions of `inet_ntop` per request) into `*socket_context`, released when
    /// the connection closes. Both calls run on the thread that owns the connection.
    static let connection: MHD_NotifyConnectionCallback = { _, connection, socketContext, code in
        guard let connection, let socketContext else { return }
        // MHD_CONNECTION_NOTIFY_STARTED (0) and _CLOSED (1); Swift does not import their names.
        switch code.rawValue {
        case 0:
            let text = SocketAddress.describe(gk_client_address(connection)) ?? ""
            socketContext.pointee = Unmanaged.passRetained(PeerAddress(text)).toOpaque()
        case 1:
            guard let pointer = socketContext.pointee else { return }
            socketContext.pointee = nil
            Unmanaged<PeerAddress>.fromOpaque(pointer).release()
        default:
            break
        }
    }

    /// MHD_OPTION_NOTIFY_COMPLETED: the only place a RequestState is released.
    static let completed: MHD_RequestCompletedCallback = { _, _, conCls, _ in
        guard let conCls, let pointer = conCls.pointee else { return }
        conCls.pointee = nil
        Unmanaged<RequestState>.fromOpaque(pointer).release()
    }

    /// MHD_OPTION_EXTERNAL_LOGGER: keeps libmicrohttpd's messages off stderr.
    static let log: MHD_LogCallback = { cls, format, arguments in
        guard let cls, let format, let arguments else { return }
        let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
        var buffer = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        context.libraryLog.record(String(decoding: bytes, as: UTF8.self))
    }

    /// MHD_KeyValueIteratorN for MHD_get_connection_values_n; `cls` is the RequestState.
    static let header: MHD_KeyValueIteratorN = { cls, _, key, keySize, value, valueSize in
        guard let cls, let key else { return .YES }
        let state = Unmanaged<RequestState>.fromOpaque(cls).takeUnretainedValue()
        let name = String(decoding: UnsafeRawBufferPointer(start: key, count: keySize), as: UTF8.self)
        let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: valueSize), as: UTF8.self) } ?? ""
        state.collectHeader(name: name, value: text)
        return .YES
    }

    /// MHD_ContentReaderFreeCallback: drops the retained body box once MHD is done with it.
    static let releaseBody: MHD_ContentReaderFreeCallback = { cls in
        guard let cls else { return }
        Unmanaged<ResponseBody>.fromOpaque(cls).release()
    }
}

/// A connection's peer address as text, kept for the connection's lifetime.
final class PeerAddress {
    let text: String

    init(_ text: String) {
        self.text = text
    }
}
