import Glibc

/// Numeric IPv4/IPv6 socket addresses: parsing the bind host, describing a peer.
enum SocketAddress {
    /// A bind address for `host` and `port`, or nil when `host` is not a numeric address.
    /// Host names are refused on purpose: binding must not depend on a resolver.
    static func parse(host: String, port: UInt16) -> Bind? {
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            return .v4(v4)
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            return .v6(v6)
        }
        return nil
    }

    /// A parsed bind address.
    enum Bind {
        case v4(sockaddr_in)
        case v6(sockaddr_in6)

        var isIPv6: Bool {
            if case .v6 = self { return true }
            return false
        }

        /// Calls `body` with a `sockaddr` pointer valid for the duration of the call.
        func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>) -> R) -> R {
            switch self {
            case .v4(var address):
                return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
            case .v6(var address):
                return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
            }
        }
    }

    /// The numeric text of a peer address ("127.0.0.1", "::1"), or nil.
    static func describe(_ address: UnsafePointer<sockaddr>?) -> String? {
        guard let address else { return nil }
        // On the stack: this runs for every request.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN) + 1) { text in
            let length = socklen_t(text.count)
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                    var raw = v4.pointee.sin_addr
                    return inet_ntop(AF_INET, &raw, text.baseAddress, length).map { String(cString: $0) }
                }
            case AF_INET6:
                return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                    var raw = v6.pointee.sin6_addr
                    return inet_ntop(AF_INET6, &raw, text.baseAddress, length).map { String(cString: $0) }
                }
            default:
                return nil
            }
        }
    }
}
