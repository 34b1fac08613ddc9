/// Set operations on ascending lists of record ordinals: what the index's postings and
/// per-item lists are, so queries combine them by merging instead of hashing or sorting.
enum SortedOrdinals {
    /// The common elements of two ascending lists (galloping through the longer one when it
    /// is much longer: a rare key against a common one costs the rare list's length × log).
    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var kept: [Int32] = []
        kept.reserveCapacity(short.count)
        var j = 0
        let gallop = long.count > 8 * short.count
        for ordinal in short {
            if gallop {
                var step = 1
                while j + step < long.count, long[j + step] < ordinal { j += step; step *= 2 }
                var lo = j, hi = min(j + step, long.count)
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if long[mid] < ordinal { lo = mid + 1 } else { hi = mid }
                }
                j = lo
            } else {
                while j < long.count, long[j] < ordinal { j += 1 }
            }
            if j == long.count { break }
            if long[j] == ordinal { kept.append(ordinal) }
        }
        return kept
    }

    /// Every element of either ascending list, once, ascending (a linear merge).
    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let x = a[i], y = b[j]
            if x < y { out.append(x); i += 1 } else if y < x { out.append(y); j += 1 } else { out.append(x); i += 1; j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// The union of many ascending lists, merged pairwise smallest first.
    static func union(_ lists: [[Int32]]) -> [Int32] {
        var lists = lists.sorted { $0.count > $1.count }
        while lists.count > 1 {
            let a = lists.removeLast(), b = lists.removeLast()
            let merged = union(a, b)
            let at = lists.firstIndex { $0.count <= merged.count } ?? lists.count
            lists.insert(merged, at: at)
        }
        return lists.first ?? []
    }

    /// Where `ordinal` is, or would be inserted, in an ascending list.
    static func position(of ordinal: Int32, in list: [Int32]) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < ordinal { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A set of ordinals as bits: membership for the in-order walk over a dense candidate list.
struct OrdinalBits {
    private var words: [UInt64]

    init(_ ordinals: [Int32], capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
        for o in ordinals { words[Int(o) >> 6] |= 1 << UInt64(o & 63) }
    }

    func contains(_ ordinal: Int) -> Bool {
        words[ordinal >> 6] & (1 << UInt64(ordinal & 63)) != 0
    }
}
