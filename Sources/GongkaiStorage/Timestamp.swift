import Glibc

/// Wall-clock timestamps as stored: ISO 8601 in China time, `2025-03-01T09:30:00+08:00`.
public enum Timestamp {
    /// `seconds` since the epoch (default: now) in +08:00 (China has had no DST since 1991).
    public static func chinaISO8601(_ seconds: Int? = nil) -> String {
        var time = time_t((seconds ?? Int(Glibc.time(nil))) + 8 * 3600)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))+08:00"
    }
}

extension Timestamp {
    /// `20250301T093000` (China time) plus a random suffix: for unique, sortable directory names.
    static func compact() -> String {
        let iso = chinaISO8601()
        let digits = iso.prefix(19).filter { $0 != "-" && $0 != ":" }
        var generator = SystemRandomNumberGenerator()
        return "\(digits)-\(String(generator.next() as UInt32, radix: 16))"
    }
}
