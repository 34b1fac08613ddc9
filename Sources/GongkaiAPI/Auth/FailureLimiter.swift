import GongkaiStorage
import GongkaiSync

/// Slows down token guessing: after `limit` failed authentications from one address within
/// `window` seconds, that address gets 429 until the window has passed.
final class FailureLimiter: Sendable {
    private struct Entry {
        var windowStart: Double
        var failures: Int
    }

    private let limit: Int
    private let window: Double
    private let entries = PThreadLock<[String: Entry]>([:])

    init(limit: Int = 10, window: Double = 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds the address must wait, or nil when it may try.
    func retryAfter(address: String, now: Double) -> Int? {
        entries.withLock { entries in
            guard let e = entries[address], e.failures >= limit else { return nil }
            let remaining = e.windowStart + window - now
            if remaining <= 0 {
                entries[address] = nil
                return nil
            }
            return Int(remaining.rounded(.up))
        }
    }

    func recordFailure(address: String, now: Double) {
        entries.withLock { entries in
            // Bound memory under a spray of addresses: forget expired windows first.
            if entries.count > 10_000 { entries = entries.filter { now - $0.value.windowStart < window } }
            var e = entries[address] ?? Entry(windowStart: now, failures: 0)
            if now - e.windowStart >= window { e = Entry(windowStart: now, failures: 0) }
            e.failures += 1
            entries[address] = e
        }
    }
}
