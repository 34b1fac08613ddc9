import Foundation
import Testing

@Suite struct MetricsEndpointTests {
    /// Checks the Prometheus text exposition format (0.0.4): HELP and TYPE before a family's
    /// samples, well-formed sample lines, cumulative histogram buckets ending in +Inf = _count.
    static func validate(_ text: String) -> [String] {
        var problems: [String] = []
        var types: [String: String] = [:]
        var buckets: [String: [(le: Double, count: Double)]] = [:]
        var counts: [String: Double] = [:]
        let sample = try! NSRegularExpression(pattern: #"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$"#)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty { continue }
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4 else { problems.append("bad TYPE: \(line)"); continue }
                if types[String(parts[2])] != nil { problems.append("second TYPE for \(parts[2])") }
                types[String(parts[2])] = String(parts[3])
                continue
            }
            if line.hasPrefix("#") { continue }
            guard sample.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil else {
                problems.append("bad sample: \(line)")
                continue
            }
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            let family = ["_bucket", "_sum", "_count", "_total"].reduce(name) { n, suffix in
                types[n] == nil && n.hasSuffix(suffix) && types[String(n.dropLast(suffix.count))] != nil ? String(n.dropLast(suffix.count)) : n
            }
            if types[family] == nil { problems.append("sample before its TYPE: \(name)") }
            let value = Double(line.split(separator: " ").last!.replacingOccurrences(of: "+Inf", with: "inf")) ?? .nan
            let labels = line.firstIndex(of: "{").map { String(line[$0...].prefix { $0 != "}" }) } ?? ""
            let series = family + labels.replacingOccurrences(of: #",?le="[^"]*""#, with: "", options: .regularExpression)
            if name.hasSuffix("_bucket"), let le = labels.range(of: #"le="[^"]*""#, options: .regularExpression) {
                let bound = labels[le].dropFirst(4).dropLast().replacingOccurrences(of: "+Inf", with: "inf")
                buckets[series, default: []].append((Double(bound) ?? .nan, value))
            }
            if name.hasSuffix("_count"), types[family] == "histogram" { counts[series] = value }
        }
        for (series, list) in buckets {
            if list.map(\.le) != list.map(\.le).sorted() { problems.append("\(series): buckets out of order") }
            if list.map(\.count) != list.map(\.count).sorted() { problems.append("\(series): buckets not cumulative") }
            if list.last?.le != .infinity { problems.append("\(series): no +Inf bucket") }
            if let count = counts[series], list.last?.count != count { problems.append("\(series): +Inf bucket ≠ _count") }
        }
        return problems
    }

    static func value(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last!) }
    }

    @Test func metricsAreValidPrometheusTextWithStorageLatencyAndErrors() throws {
        let server = try TestServer()
        defer { server.remove() }
        #expect(try server.post().status == 201)
        _ = try server.client.get("/api/v1/records/none")
        let r = try server.client.get("/metrics")
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        let text = r.text
        #expect(Self.validate(text) == [])
        // A record write is one write(2) and one fdatasync of records.jsonl (plus the audit line's).
        #expect((Self.value(text, #"gongkai_storage_operation_duration_seconds_count{op="fsync"}"#) ?? 0) >= 2)
        #expect((Self.value(text, #"gongkai_storage_operation_duration_seconds_count{op="write"}"#) ?? 0) >= 2)
        #expect((Self.value(text, "gongkai_storage_written_bytes_total") ?? 0) > 100)
        #expect(Self.value(text, #"gongkai_storage_errors_total{op="fsync"}"#) == 0)
        #expect(Self.value(text, #"gongkai_errors_total{kind="http_5xx"}"#) == 0)
        #expect(Self.value(text, #"gongkai_errors_total{kind="storage"}"#) == 0)
        #expect(Self.value(text, #"gongkai_records{state="published"}"#) == 1)
        #expect(Self.value(text, #"gongkai_http_requests_total{route="POST /api/v1/records",status="201"}"#) == 1)
        #expect(Self.value(text, #"gongkai_http_requests_total{route="GET /api/v1/records/{id}",status="404"}"#) == 1)
        #expect((Self.value(text, "process_start_time_seconds") ?? 0) > 1_700_000_000)
    }

    @Test func theValidatorCatchesBrokenExposition() {
        #expect(!Self.validate("x_total 1\n").isEmpty)
        #expect(!Self.validate("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n").isEmpty)
        #expect(Self.validate("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 0.5\nh_count 2\n") == [])
    }
}
