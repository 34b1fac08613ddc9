/// Record ordinals in newest-first order, stored oldest first.
///
/// New records are nearly always the newest, so the natural array (newest at index 0) would
/// move every element on each write: at 100k records an 800 KB `memmove` per POST (10% of its
/// CPU, and the write cost grew with the register; issue 6, floor 5). Stored the other way
/// round, the usual insertion is an append. Indices are newest-first, as callers read them.
struct NewestFirstOrder {
    private var oldestFirst: [Int]

    init(_ newestFirst: [Int] = []) {
        oldestFirst = newestFirst.reversed()
    }

    var count: Int { oldestFirst.count }

    subscript(position: Int) -> Int {
        oldestFirst[oldestFirst.count - 1 - position]
    }

    /// Inserts so that `ordinal` ends up at newest-first `position` (0...count).
    mutating func insert(_ ordinal: Int, at position: Int) {
        oldestFirst.insert(ordinal, at: oldestFirst.count - position)
    }

    /// Removes the ordinal at newest-first `position`.
    mutating func remove(at position: Int) {
        oldestFirst.remove(at: oldestFirst.count - 1 - position)
    }
}
