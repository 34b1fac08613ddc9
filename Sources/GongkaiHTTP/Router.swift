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
    // The patterns live apart from the handlers so that matching runs in non-generic code:
    // `Router` is used from another module, where a generic matcher would run unspecialised
    // and look up type metadata on every step (a third of the server's CPU time per request).
    private var table = RouteTable()
    private var handlers: [Handler] = []

    /// Creates an empty router.
    public init() {}

    /// Adds `handler` for `method` and `pattern` (e.g. "/api/v1/records/{id}").
    public mutating func add(_ method: String, _ pattern: String, _ handler: Handler) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with /: \(pattern)")
        if let existing = table.add(method, pattern) {
            handlers[existing] = handler
        } else {
            handlers.append(handler)
        }
    }

    /// Finds the route for `method` and a decoded `path`.
    public func match(method: String, path: String) -> RouteMatch<Handler> {
        switch table.match(method: method, path: path) {
        case let .found(index, parameters): return .found(handlers[index], parameters: parameters)
        case .notFound: return .notFound
        case let .methodNotAllowed(allowed): return .methodNotAllowed(allowed: allowed)
        }
    }
}

/// The non-generic part of `Router`: patterns by registration index, and the matching rules.
private struct RouteTable: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    struct Pattern: Sendable {
        let method: String
        let segments: [Segment]
    }

    enum Match {
        case found(Int, [String: String])
        case notFound
        case methodNotAllowed([String])
    }

    private var patterns: [Pattern] = []
    /// Patterns without parameters, by their text. Such a pattern, when it matches, is the
    /// most specific one, so a request path found here needs no scan (and no split).
    private var literals: [String: [Int]] = [:]

    /// Registers a pattern; returns the index of an existing identical one instead.
    mutating func add(_ method: String, _ pattern: String) -> Int? {
        let segments = Self.split(pattern).map { text -> Segment in
            if text.hasPrefix("{") && text.hasSuffix("}") && text.count > 2 {
                return .parameter(String(text.dropFirst().dropLast()))
            }
            return .literal(String(text))
        }
        if let existing = patterns.firstIndex(where: { $0.method == method && $0.segments == segments }) {
            return existing
        }
        patterns.append(Pattern(method: method, segments: segments))
        if segments.allSatisfy({ if case .literal = $0 { true } else { false } }) {
            literals[pattern, default: []].append(patterns.count - 1)
        }
        return nil
    }

    func match(method: String, path: String) -> Match {
        if let exact = literals[path] { return choose(exact, method: method, parts: nil) }
        let parts = Self.split(path)
        var owner: Int?
        var candidates: [Int] = []
        for index in patterns.indices where Self.matches(patterns[index].segments, parts) {
            let segments = patterns[index].segments
            if let current = owner, !Self.isMoreSpecific(segments, than: patterns[current].segments) {
                // Same shape as the owner (parameter names may differ): another method of it.
                if !Self.isMoreSpecific(patterns[current].segments, than: segments) { candidates.append(index) }
            } else {
                owner = index
                candidates.removeAll(keepingCapacity: true)
                candidates.append(index)
            }
        }
        return choose(candidates, method: method, parts: parts)
    }

    /// The candidate for `method` (HEAD falls back to GET), or 404/405.
    private func choose(_ candidates: [Int], method: String, parts: ArraySlice<Substring>?) -> Match {
        guard !candidates.isEmpty else { return .notFound }
        let chosen = candidates.first { patterns[$0].method == method }
            ?? (method == "HEAD" ? candidates.first { patterns[$0].method == "GET" } : nil)
        guard let chosen else {
            var allowed = Set(candidates.map { patterns[$0].method })
            if allowed.contains("GET") { allowed.insert("HEAD") }
            return .methodNotAllowed(allowed.sorted())
        }
        guard let parts else { return .found(chosen, [:]) }
        return .found(chosen, Self.parameters(patterns[chosen].segments, parts))
    }

    /// Splits at every "/" scalar, as `RawTarget` does: a String split by Character would not
    /// split "/" followed by a combining mark (one grapheme), letting a parameter contain "/".
    private static func split(_ path: String) -> ArraySlice<Substring> {
        path.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false).map(Substring.init).dropFirst()
    }

    private static func matches(_ segments: [Segment], _ parts: ArraySlice<Substring>) -> Bool {
        guard segments.count == parts.count else { return false }
        var part = parts.startIndex
        for segment in segments {
            switch segment {
            case .literal(let text) where text != parts[part]: return false
            case .parameter where parts[part].isEmpty: return false
            default: break
            }
            part += 1
        }
        return true
    }

    /// True when, at the first position where one is literal and the other a parameter,
    /// `lhs` is the literal one.
    private static func isMoreSpecific(_ lhs: [Segment], than rhs: [Segment]) -> Bool {
        for i in 0..<min(lhs.count, rhs.count) {
            switch (lhs[i], rhs[i]) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }

    private static func parameters(_ segments: [Segment], _ parts: ArraySlice<Substring>) -> [String: String] {
        var result: [String: String] = [:]
        var part = parts.startIndex
        for segment in segments {
            if case .parameter(let name) = segment { result[name] = String(parts[part]) }
            part += 1
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
