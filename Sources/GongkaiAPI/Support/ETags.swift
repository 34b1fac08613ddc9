import Foundation
/// Entity-tag comparison for conditional requests (RFC 9110 §13.1).
enum ETags {
    /// If-Match uses the strong comparison: weak tags never match.
    static func matches(_ header: String, _ current: String) -> Bool {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return true }
        return tags(trimmed).contains { !$0.hasPrefix("W/") && $0 == current }
    }

    /// If-None-Match uses the weak comparison: W/"x" and "x" are the same.
    static func noneMatch(_ header: String, _ current: String) -> Bool {
        // A poller sends back exactly the tag it got: decided without trimming or splitting.
        if header == current { return false }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return false }
        let bare = strip(current)
        return !tags(trimmed).contains { strip($0) == bare }
    }

    static func tags(_ header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func strip(_ tag: String) -> String { tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag }
}
