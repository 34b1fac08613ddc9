import Glibc

/// Limits and addresses for one `HTTPServer`. Every field has a default.
public struct HTTPServerConfiguration: Sendable {
    /// Numeric address to bind: IPv4 dotted ("127.0.0.1", "0.0.0.0") or IPv6 ("::1", "::").
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks an ephemeral port, read back from `HTTPServer.port`.
    public var port: UInt16 = 8080
    /// Worker threads in libmicrohttpd's pool (epoll); 1 means a single polling thread.
    /// 0 (the default) means two per CPU this process may run on (`resolvedThreads`): an
    /// answer that waits for storage holds no thread (`PendingResponse`), so more threads
    /// than that only time-slice the same cores and lengthen the latency tail.
    public var threads: Int = 0
    /// Maximum simultaneous connections; beyond it new connections are closed at once.
    public var maxConnections: Int = 1024
    /// Maximum simultaneous connections per client IP; 0 = unlimited (use 0 behind a proxy).
    public var perIPConnections: Int = 0
    /// Inactivity timeout of a connection, in seconds; 0 = never (not recommended).
    public var connectionTimeoutSeconds: Int = 15
    /// Largest accepted request body; larger ones get 413.
    public var maxBodyBytes: Int = 1_048_576
    /// libmicrohttpd's per-connection memory limit, which bounds the header block:
    /// a larger header block gets 431 from libmicrohttpd itself. 32 KiB is the library's own
    /// default; MHD zeroes the whole pool after every keep-alive request, so a larger pool
    /// costs every request (64 KiB: memset was 10% of the catalogue path's CPU).
    public var maxHeaderBytes: Int = 32_768
    /// Longest accepted raw request target (path and query); longer gets 414.
    public var maxURLBytes: Int = 8_192
    /// How long `stop()` waits for requests already started to finish, in seconds.
    public var shutdownGraceSeconds: Int = 5

    /// Creates a configuration; every parameter has the default documented on its field.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 8080,
        threads: Int = 0,
        maxConnections: Int = 1024,
        perIPConnections: Int = 0,
        connectionTimeoutSeconds: Int = 15,
        maxBodyBytes: Int = 1_048_576,
        maxHeaderBytes: Int = 32_768,
        maxURLBytes: Int = 8_192,
        shutdownGraceSeconds: Int = 5
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.maxConnections = maxConnections
        self.perIPConnections = perIPConnections
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxURLBytes = maxURLBytes
        self.shutdownGraceSeconds = shutdownGraceSeconds
    }

    /// The first out-of-range field, described for `HTTPServerError.startFailed`.
    func validationFailure() -> String? {
        if !(0...256).contains(threads) { return "threads must be 0 (automatic) or 1...256, got \(threads)" }
        if !(1...1_000_000).contains(maxConnections) { return "maxConnections must be 1...1000000, got \(maxConnections)" }
        if !(0...1_000_000).contains(perIPConnections) { return "perIPConnections must be 0...1000000, got \(perIPConnections)" }
        if !(0...86_400).contains(connectionTimeoutSeconds) { return "connectionTimeoutSeconds must be 0...86400, got \(connectionTimeoutSeconds)" }
        if maxBodyBytes < 0 { return "maxBodyBytes must not be negative, got \(maxBodyBytes)" }
        if !(4_096...(64 << 20)).contains(maxHeaderBytes) { return "maxHeaderBytes must be 4096...67108864, got \(maxHeaderBytes)" }
        if maxURLBytes < 1 { return "maxURLBytes must be positive, got \(maxURLBytes)" }
        if !(0...3_600).contains(shutdownGraceSeconds) { return "shutdownGraceSeconds must be 0...3600, got \(shutdownGraceSeconds)" }
        return nil
    }
}

extension HTTPServerConfiguration {
    /// The thread count the server starts with: `threads`, or for 0 two per CPU in this
    /// process's affinity mask (so `taskset -c 1` gives 2), at most 64.
    public var resolvedThreads: Int {
        threads > 0 ? threads : min(2 * Self.availableCPUs(), 64)
    }

    /// Counts the bits of `Cpus_allowed` in /proc/self/status: the affinity mask that
    /// `sched_getaffinity` returns, which Swift's Glibc module does not export.
    private static func availableCPUs() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 1 }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("Cpus_allowed:") else { continue }
            let count = text.dropFirst("Cpus_allowed:".count).reduce(0) { sum, digit in
                sum + (digit.hexDigitValue?.nonzeroBitCount ?? 0)
            }
            return max(count, 1)
        }
        return 1
    }
}
