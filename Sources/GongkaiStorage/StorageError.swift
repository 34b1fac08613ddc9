import Glibc

/// Everything that can go wrong in the storage layer, with enough context for a person to act.
///
/// The API maps `.diskFull` to 507, `.corrupt` stops the start, everything else is a 5xx
/// (`.conflict` and `.invalid` are refusals of the caller's request, mapped by the caller).
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed: which one, on which file, and the errno it returned.
    case io(operation: String, path: String, errno: Int32)
    /// ENOSPC or EDQUOT: the volume (or the quota) holding `path` is full.
    case diskFull(path: String)
    /// A stored file cannot be read back as written. `line` is 1-based for JSON-lines files.
    case corrupt(path: String, line: Int?, reason: String)
    /// The request contradicts what is stored (a duplicate token name, an unknown one …).
    case conflict(String)
    /// The request is malformed (an empty name, a line containing a newline …).
    case invalid(String)

    /// Maps an errno from `operation` on `path`; ENOSPC and EDQUOT become `.diskFull`.
    public static func from(errno code: Int32, operation: String, path: String) -> StorageError {
        if code == ENOSPC || code == EDQUOT { return .diskFull(path: path) }
        return .io(operation: operation, path: path, errno: code)
    }

    public var isDiskFull: Bool {
        if case .diskFull = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .io(operation, path, code):
            let reason = String(cString: strerror(code))
            return "\(operation) failed on \(path): \(reason) (errno \(code)). "
                + "Check the disk and the permissions of the data directory; the write was not stored."
        case let .diskFull(path):
            return "The disk holding \(path) is full (or its quota is used up). "
                + "Free some space; the write was not stored and the next one will work again."
        case let .corrupt(path, line, reason):
            let place = line.map { "\(path) line \($0)" } ?? path
            return "\(place) is damaged: \(reason). Gongkai will not run on silently lost data: "
                + "restore the file from a backup (gongkai restore) or repair that line by hand."
        case let .conflict(message):
            return message
        case let .invalid(message):
            return message
        }
    }
}
