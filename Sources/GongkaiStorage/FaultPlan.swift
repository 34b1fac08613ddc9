/// Which storage calls `FaultInjectingFileSystem` makes fail, and how often.
///
/// Text form (for `GONGKAI_FAULTS` and the control file), rules separated by commas or spaces:
///
///     fault[@path-substring][:once|:always]
///
/// `fault` is one of `write` (the write fails with EIO, nothing written), `short-write` (the write
/// stores only half its bytes, and the next write on that file fails with EIO: a torn write),
/// `fsync` (fsync/fdatasync fails with EIO, directory fsyncs included), `fsync-stall` (the sync
/// takes `FaultInjectingFileSystem.stallSeconds`, then succeeds: a stalled disk) and `enospc`
/// (the write fails with ENOSPC). `@records.jsonl` limits the rule to paths containing that text. `:once`
/// (the default) fires once; `:always` fires until the plan is cleared. Empty text or `none`
/// means no faults. Example: `GONGKAI_FAULTS=fsync@records.jsonl:once,enospc@audit:always`.
public struct FaultPlan: Sendable, Equatable {
    public enum Fault: String, Sendable, CaseIterable {
        case writeError = "write"
        case shortWrite = "short-write"
        case fsyncError = "fsync"
        case fsyncStall = "fsync-stall"
        case diskFull = "enospc"
    }

    public struct Rule: Sendable, Equatable {
        public var fault: Fault
        public var once: Bool
        public var pathContains: String?

        public init(_ fault: Fault, once: Bool = true, pathContains: String? = nil) {
            self.fault = fault
            self.once = once
            self.pathContains = pathContains
        }

        func matches(_ fault: Fault, path: String) -> Bool {
            self.fault == fault && (pathContains.map { path.contains($0) } ?? true)
        }
    }

    public var rules: [Rule]

    public init(_ rules: [Rule] = []) {
        self.rules = rules
    }

    public init(parsing text: String) throws(StorageError) {
        var rules: [Rule] = []
        let words = text.split { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" }
        for word in words where word != "none" {
            var rest = Substring(word)
            var once = true
            if rest.hasSuffix(":once") {
                rest = rest.dropLast(5)
            } else if rest.hasSuffix(":always") {
                rest = rest.dropLast(7)
                once = false
            }
            var path: String?
            if let at = rest.firstIndex(of: "@") {
                path = String(rest[rest.index(after: at)...])
                rest = rest[..<at]
            }
            guard let fault = Fault(rawValue: String(rest)), path?.isEmpty != true else {
                let kinds = Fault.allCases.map(\.rawValue).joined(separator: ", ")
                throw StorageError.invalid("fault rule \"\(word)\" is not fault[@path][:once|:always] with fault one of \(kinds)")
            }
            rules.append(Rule(fault, once: once, pathContains: path))
        }
        self.rules = rules
    }

    /// Finds the first rule for `fault` on `path`, consuming it if it fires only once.
    mutating func take(_ fault: Fault, path: String) -> Bool {
        guard let index = rules.firstIndex(where: { $0.matches(fault, path: path) }) else { return false }
        if rules[index].once { rules.remove(at: index) }
        return true
    }
}
