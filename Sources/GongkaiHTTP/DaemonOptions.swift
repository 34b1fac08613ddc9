internal import CMicroHTTPD

/// Turns an `HTTPServerConfiguration` into libmicrohttpd start flags and an option array.
enum DaemonOptions {
    /// Internal polling thread(s) with epoll (no FD_SETSIZE ceiling), ITC so that
    /// `MHD_quiesce_daemon` works with a thread pool and a resumed connection is served at
    /// once, suspend/resume (`PendingResponse`), and the error log (routed to
    /// `Callbacks.log` by the shim, never to stderr).
    static func flags(ipv6: Bool) -> UInt32 {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_USE_ITC.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        if ipv6 { flags |= MHD_USE_IPv6.rawValue }
        return UInt32(flags)
    }

    /// The .ARRAY items, terminated by .END. Callbacks are not here:
    /// the shim takes them as typed parameters.
    static func items(_ configuration: HTTPServerConfiguration) -> [MHD_OptionItem] {
        var items: [MHD_OptionItem] = [
            item(.CONNECTION_LIMIT, configuration.maxConnections),
            item(.PER_IP_CONNECTION_LIMIT, configuration.perIPConnections),
            item(.CONNECTION_TIMEOUT, configuration.connectionTimeoutSeconds),
            item(.CONNECTION_MEMORY_LIMIT, configuration.maxHeaderBytes),
        ]
        // Without the option MHD runs one polling thread, which is what threads == 1 means.
        if configuration.resolvedThreads > 1 {
            items.append(item(.THREAD_POOL_SIZE, configuration.resolvedThreads))
        }
        items.append(item(.END, 0))
        return items
    }

    private static func item(_ option: MHD_OPTION, _ value: Int) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: value, ptr_value: nil)
    }
}
