/// A method + path-pattern table. Patterns are "/"-separated segments, each either literal
/// ("records.csv") or a parameter ("{id}", matching one non-empty segment).
///
/// Matching: among the patterns that match the path, the most specific one owns it: at the
/// first segment where two patterns differ, a literal beats a parameter. If the owner has
/// no route for the method the answer is 405 with the owner's methods; HEAD is served by
/// a GET route when there is no HEAD route. Registering the same method and pattern again
/// replaces the handler. Paths are matched as decoded by `RawTarget`, whose segments can
/// never contain "/".
public struct Router<Handler: Sendable>: Sendable {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Route: Sendable {
        let method: String
        let segments: [Segment]
        var handler: Handler
    }

    private var routes: [Route] = []

    /// Creates an empty router.
    public init() {}

    /// Adds `handler` for `method` and `pattern` (e.g. "/api/v1/records/{id}").
    public mutating func add(_ method: String, _ pattern: String, _ handler: Handler) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with /: \(pattern)")
        let segments = Self.split(pattern).map { text -> Segment in
            if text.hasPrefix("{") && text.hasSuffix("}") && text.count > 2 {
                return .parameter(String(text.dropFirst().dropLast()))
            }
            return .literal(text)
        }
        if let existing = routes.firstIndex(where: { $0.method == method && $0.segments == segments }) {
            routes[existing].handler = handler
        } else {
            routes.append(Route(method: method, segments: segments, handler: handler))
        }
    }

    /// Finds the route for `method` and a decoded `path`.
    public func match(method: String, path: String) -> RouteMatch<Handler> {
        let parts = Self.split(path)
        var owner: [Segment]?
        var candidates: [Route] = []
        for route in routes where Self.matches(route.segments, parts) {
            if let current = owner, !Self.isMoreSpecific(route.segments, than: current) {
                // Same shape as the owner (parameter names may differ): another method of it.
                if !Self.isMoreSpecific(current, than: route.segments) { candidates.append(route) }
            } else {
                owner = route.segments
                candidates = [route]
            }
        }
        guard !candidates.isEmpty else { return .notFound }
        let chosen = candidates.first { $0.method == method }
            ?? (method == "HEAD" ? candidates.first { $0.method == "GET" } : nil)
        guard let chosen else {
            var allowed = Set(candidates.map(\.method))
            if allowed.contains("GET") { allowed.insert("HEAD") }
            return .methodNotAllowed(allowed: allowed.sorted())
        }
        return .found(chosen.handler, parameters: Self.parameters(chosen.segments, parts))
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    private static func matches(_ segments: [Segment], _ parts: [String]) -> Bool {
        guard segments.count == parts.count else { return false }
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text) where text != part: return false
            case .parameter where part.isEmpty: return false
            default: continue
            }
        }
        return true
    }

    /// True when, at the first position where one is literal and the other a parameter,
    /// `lhs` is the literal one.
    private static func isMoreSpecific(_ lhs: [Segment], than rhs: [Segment]) -> Bool {
        for (left, right) in zip(lhs, rhs) {
            switch (left, right) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }

    private static func parameters(_ segments: [Segment], _ parts: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            if case .parameter(let name) = segment { result[name] = part }
        }
        return result
    }
}

/// The outcome of `Router.match`.
public enum RouteMatch<Handler: Sendable>: Sendable {
    /// A route, with the values of its `{name}` segments.
    case found(Handler, parameters: [String: String])
    /// No pattern matches the path (404).
    case notFound
    /// The path exists, not for this method (405); sorted, with HEAD when GET exists.
    case methodNotAllowed(allowed: [String])
}
