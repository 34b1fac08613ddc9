import Foundation
import GongkaiHTTP
import GongkaiStorage
import GongkaiSync

/// Request counters and a latency histogram, rendered in Prometheus text format.
final class Metrics: Sendable {
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct State {
        var requests: [RouteStatus: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: Metrics.buckets.count)
        var latencySum = 0.0
        var latencyCount = 0
        var serverErrors = 0
        var auditFailures = 0
    }

    /// A counter's labels; a struct key, so counting a request allocates nothing.
    private struct RouteStatus: Hashable {
        let route: String
        let status: Int
    }

    private let state = PThreadLock(State())
    /// Latency and failures of the storage system calls (write, fsync, directory sync, rename).
    let storage: StorageMetrics
    let startedAt = Date().timeIntervalSince1970

    init(storage: StorageMetrics = StorageMetrics()) {
        self.storage = storage
    }

    func observe(route: String, status: Int, seconds: Double) {
        state.withLock { s in
            s.requests[RouteStatus(route: route, status: status), default: 0] += 1
            for (i, bound) in Metrics.buckets.enumerated() where seconds <= bound { s.bucketCounts[i] += 1 }
            s.latencySum += seconds
            s.latencyCount += 1
            if status >= 500 { s.serverErrors += 1 }
        }
    }

    /// An audit entry could not be written after its change was stored.
    func countAuditFailure() {
        state.withLock { $0.auditFailures += 1 }
    }

    func render(extra: [String]) -> String {
        let s = state.withLock { $0 }
        var lines = ["# HELP gongkai_http_requests_total Requests by route and status.",
                     "# TYPE gongkai_http_requests_total counter"]
        for (key, count) in s.requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            lines.append("gongkai_http_requests_total{route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(count)")
        }
        lines += ["# HELP gongkai_http_request_duration_seconds Time spent in handlers.",
                  "# TYPE gongkai_http_request_duration_seconds histogram"]
        for (i, bound) in Metrics.buckets.enumerated() {
            lines.append("gongkai_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(s.bucketCounts[i])")
        }
        lines.append("gongkai_http_request_duration_seconds_bucket{le=\"+Inf\"} \(s.latencyCount)")
        lines.append("gongkai_http_request_duration_seconds_sum \(s.latencySum)")
        lines.append("gongkai_http_request_duration_seconds_count \(s.latencyCount)")
        lines += renderStorage()
        let storageErrors = storage.snapshot().values.reduce(0) { $0 + $1.errors }
        lines += ["# HELP gongkai_errors_total Errors by kind: 5xx responses sent, storage calls that failed.",
                  "# TYPE gongkai_errors_total counter",
                  "gongkai_errors_total{kind=\"http_5xx\"} \(s.serverErrors)",
                  "gongkai_errors_total{kind=\"storage\"} \(storageErrors)",
                  "gongkai_errors_total{kind=\"audit\"} \(s.auditFailures)",
                  "# HELP process_start_time_seconds Start time of the process since the Unix epoch in seconds.",
                  "# TYPE process_start_time_seconds gauge",
                  "process_start_time_seconds \(startedAt)"]
        return (lines + extra).joined(separator: "\n") + "\n"
    }

    /// Storage histograms: every operation is listed, observed or not, so dashboards and
    /// alerts see a zero rather than a missing series.
    private func renderStorage() -> [String] {
        let all = storage.snapshot()
        var lines = ["# HELP gongkai_storage_operation_duration_seconds Storage system calls: write(2), fsync/fdatasync of files, fsync of directories, rename.",
                     "# TYPE gongkai_storage_operation_duration_seconds histogram"]
        for op in StorageMetrics.operations {
            let h = all[op] ?? StorageMetrics.Histogram()
            for (i, bound) in StorageMetrics.buckets.enumerated() {
                lines.append("gongkai_storage_operation_duration_seconds_bucket{op=\"\(op)\",le=\"\(bound)\"} \(h.buckets[i])")
            }
            lines.append("gongkai_storage_operation_duration_seconds_bucket{op=\"\(op)\",le=\"+Inf\"} \(h.count)")
            lines.append("gongkai_storage_operation_duration_seconds_sum{op=\"\(op)\"} \(h.sum)")
            lines.append("gongkai_storage_operation_duration_seconds_count{op=\"\(op)\"} \(h.count)")
        }
        lines += ["# HELP gongkai_storage_errors_total Storage system calls that failed.", "# TYPE gongkai_storage_errors_total counter"]
        for op in StorageMetrics.operations { lines.append("gongkai_storage_errors_total{op=\"\(op)\"} \(all[op]?.errors ?? 0)") }
        lines += ["# HELP gongkai_storage_written_bytes_total Bytes written by storage.", "# TYPE gongkai_storage_written_bytes_total counter",
                  "gongkai_storage_written_bytes_total \(all["write"]?.bytes ?? 0)"]
        return lines
    }

    static func escape(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

enum MetricsHandlers {
    static func metrics(_ ctx: RequestContext) throws -> HTTPResponse {
        let counts = ctx.services.records.stateCounts()
        var extra = ["# HELP gongkai_records Records by state.", "# TYPE gongkai_records gauge"]
        for (state, n) in counts.sorted(by: { $0.key < $1.key }) { extra.append("gongkai_records{state=\"\(state)\"} \(n)") }
        extra += ["# HELP gongkai_catalogue_version Current catalogue version.", "# TYPE gongkai_catalogue_version gauge",
                  "gongkai_catalogue_version \(ctx.services.catalogue.snapshot.version)"]
        extra += ["# HELP gongkai_access_log_dropped_total Access log lines dropped because the log buffer was full.",
                  "# TYPE gongkai_access_log_dropped_total counter",
                  "gongkai_access_log_dropped_total \(ctx.services.accessLog?.droppedLines ?? 0)"]
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(status: 200, headers: headers, body: Array(ctx.services.metrics.render(extra: extra).utf8))
    }
}
