/// The search index's key → ascending ordinals map: open addressing with a multiplicative
/// hash over the 64-bit n-gram keys. Building the index for 100k records makes ~16M appends;
/// with `[UInt64: [Int32]]` each paid a SipHash and a uniqueness check (start-up, issue 6).
struct PostingTable: Sendable {
    private static let empty = UInt64.max  // never a key: keys hold scalar values < 0x110000
    private var slots: [UInt64]
    private var slotList: [Int32]
    private var lists: [[Int32]] = []
    private var shift: UInt64

    init() {
        slots = [UInt64](repeating: Self.empty, count: 1024)
        slotList = [Int32](repeating: -1, count: 1024)
        shift = 64 - 10
    }

    /// The ordinals of `key`, ascending (empty when unknown).
    subscript(key: UInt64) -> [Int32] {
        let slot = find(key)
        return slots[slot] == key ? lists[Int(slotList[slot])] : []
    }

    /// Appends an ordinal not smaller than every one held for `key`, once: the bulk build hands
    /// each record's keys unsorted, repeats included (cheaper than sorting them; issue 6).
    mutating func append(_ ordinal: Int32, for key: UInt64) {
        let index = listIndex(for: key)
        lists.withUnsafeMutableBufferPointer { lists in
            if lists[index].last != ordinal { lists[index].append(ordinal) }
        }
    }

    /// Inserts an ordinal in order, once.
    mutating func insert(_ ordinal: Int32, for key: UInt64) {
        let index = listIndex(for: key)
        var lo = 0, hi = lists[index].count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lists[index][mid] < ordinal { lo = mid + 1 } else { hi = mid }
        }
        if lo == lists[index].count || lists[index][lo] != ordinal { lists[index].insert(ordinal, at: lo) }
    }

    /// Drops the spare capacity that appending left in each list (about a quarter of the
    /// index's memory after a bulk build).
    mutating func compact() {
        for i in lists.indices where lists[i].capacity > lists[i].count {
            lists[i] = lists[i].withUnsafeBufferPointer { Array($0) }
        }
    }

    @inline(__always)  // called per posting of the bulk build: no copy of `self` per call
    private func find(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] != key && slots[slot] != Self.empty { slot = (slot + 1) & mask }
        return slot
    }

    @inline(__always)
    private mutating func listIndex(for key: UInt64) -> Int {
        var slot = find(key)
        if slots[slot] == key { return Int(slotList[slot]) }
        if (lists.count + 1) * 10 > slots.count * 7 {
            grow()
            slot = find(key)
        }
        slots[slot] = key
        slotList[slot] = Int32(lists.count)
        lists.append([])
        return lists.count - 1
    }

    private mutating func grow() {
        let oldSlots = slots, oldList = slotList
        slots = [UInt64](repeating: Self.empty, count: oldSlots.count * 2)
        slotList = [Int32](repeating: -1, count: oldSlots.count * 2)
        shift -= 1
        for i in oldSlots.indices where oldSlots[i] != Self.empty {
            let slot = find(oldSlots[i])
            slots[slot] = oldSlots[i]
            slotList[slot] = oldList[i]
        }
    }
}
