/// An immutable String-keyed map whose copies share structure (a hash array mapped trie).
///
/// Inserting copies only the path from the root to the changed slot: at most ~4 nodes of at
/// most 32 slots at 100k entries, so an update costs the same at 1k and at 100k entries, and a
/// snapshot handed to a reader is never copied by the next write (unlike a CoW `Dictionary`,
/// which copies all n entries on the first write after a reader took a copy).
public struct PersistentMap<Value: Sendable>: Sendable, Sequence {
    public typealias Element = (key: String, value: Value)

    private var root: Node<Value>?
    public private(set) var count = 0

    public init() {}

    /// Builds the map in one pass (much cheaper than inserting one by one); when a key repeats,
    /// the later value wins.
    public init<S: Sequence>(_ pairs: S) where S.Element == (key: String, value: Value) {
        let entries = pairs.map { Entry(key: $0.key, hash: Self.hash($0.key), value: $0.value) }
        root = entries.isEmpty ? nil : Node.build(entries, shift: 0)
        count = root?.count ?? 0
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(key: String) -> Value? {
        guard let root else { return nil }
        return root.find(key, hash: Self.hash(key), shift: 0)
    }

    /// Inserts or replaces the value for `key`.
    public mutating func set(_ value: Value, for key: String) {
        let entry = Entry(key: key, hash: Self.hash(key), value: value)
        guard let root else {
            self.root = Node(bitmap: 1 << (entry.slot(0)), slots: [.entry(entry)])
            count = 1
            return
        }
        var added = false
        self.root = root.inserting(entry, shift: 0, added: &added)
        if added { count += 1 }
    }

    public func setting(_ value: Value, for key: String) -> PersistentMap {
        var copy = self
        copy.set(value, for: key)
        return copy
    }

    /// Every value, in iteration order: one recursive walk, several times cheaper than the
    /// iterator for copying them all (building the API's index at start-up; issue 6).
    public var allValues: [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        root?.collectValues(into: &values)
        return values
    }

    public var keys: LazyMapSequence<PersistentMap, String> { lazy.map(\.key) }
    public var values: LazyMapSequence<PersistentMap, Value> { lazy.map(\.value) }

    public func makeIterator() -> Iterator { Iterator(root: root) }

    /// Depth-first walk; order is unspecified (by hash), as with `Dictionary`.
    public struct Iterator: IteratorProtocol {
        private var stack: [(node: Node<Value>, index: Int)] = []

        init(root: Node<Value>?) {
            if let root { stack.append((root, 0)) }
        }

        public mutating func next() -> Element? {
            while let (node, index) = stack.last {
                guard index < node.slots.count else {
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].index += 1
                switch node.slots[index] {
                case .entry(let entry): return (entry.key, entry.value)
                case .node(let child): stack.append((child, 0))
                }
            }
            return nil
        }
    }

    static func hash(_ key: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(key)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}

/// A key and its value, boxed so that copying a node's slots copies pointers, not values.
final class Entry<Value: Sendable>: Sendable {
    let key: String
    let hash: UInt64
    let value: Value

    init(key: String, hash: UInt64, value: Value) {
        self.key = key
        self.hash = hash
        self.value = value
    }

    func slot(_ shift: Int) -> Int { Int((hash >> UInt64(shift)) & 31) }
}

enum Slot<Value: Sendable>: Sendable {
    case entry(Entry<Value>)
    case node(Node<Value>)
}

/// One trie level: `bitmap` says which of the 32 hash slots are present, `slots` holds them in
/// order. Below the last level (shift >= 64, equal 64-bit hashes) a node is a plain list.
final class Node<Value: Sendable>: Sendable {
    let bitmap: UInt32
    let slots: [Slot<Value>]

    init(bitmap: UInt32, slots: [Slot<Value>]) {
        self.bitmap = bitmap
        self.slots = slots
    }

    private func position(_ bit: UInt32) -> Int { (bitmap & (bit &- 1)).nonzeroBitCount }

    func find(_ key: String, hash: UInt64, shift: Int) -> Value? {
        if shift >= 64 { return collisionFind(key) }
        let bit = UInt32(1) << UInt32((hash >> UInt64(shift)) & 31)
        guard bitmap & bit != 0 else { return nil }
        switch slots[position(bit)] {
        case .entry(let entry): return entry.key == key ? entry.value : nil
        case .node(let child): return child.find(key, hash: hash, shift: shift + 5)
        }
    }

    func inserting(_ entry: Entry<Value>, shift: Int, added: inout Bool) -> Node {
        if shift >= 64 { return collisionInserting(entry, added: &added) }
        let bit = UInt32(1) << UInt32(entry.slot(shift))
        let index = position(bit)
        var slots = self.slots
        if bitmap & bit == 0 {
            slots.insert(.entry(entry), at: index)
            added = true
            return Node(bitmap: bitmap | bit, slots: slots)
        }
        switch slots[index] {
        case .entry(let existing) where existing.key == entry.key:
            slots[index] = .entry(entry)
        case .entry(let existing):
            slots[index] = .node(Node.pair(existing, entry, shift: shift + 5))
            added = true
        case .node(let child):
            slots[index] = .node(child.inserting(entry, shift: shift + 5, added: &added))
        }
        return Node(bitmap: bitmap, slots: slots)
    }

    /// A node holding `entries` (hashes agreeing below `shift`; for a repeated key the last wins).
    static func build(_ entries: [Entry<Value>], shift: Int) -> Node {
        if shift >= 64 {
            var unique: [Entry<Value>] = []
            for entry in entries {
                if let index = unique.firstIndex(where: { $0.key == entry.key }) { unique[index] = entry } else { unique.append(entry) }
            }
            return Node(bitmap: 0, slots: unique.map { .entry($0) })
        }
        var buckets = [[Entry<Value>]](repeating: [], count: 32)
        for entry in entries { buckets[entry.slot(shift)].append(entry) }
        var bitmap: UInt32 = 0
        var slots: [Slot<Value>] = []
        for (slot, bucket) in buckets.enumerated() where !bucket.isEmpty {
            bitmap |= 1 << UInt32(slot)
            if let last = bucket.last, bucket.allSatisfy({ $0.hash == last.hash && $0.key == last.key }) {
                slots.append(.entry(last))
            } else {
                slots.append(.node(build(bucket, shift: shift + 5)))
            }
        }
        return Node(bitmap: bitmap, slots: slots)
    }

    func collectValues(into values: inout [Value]) {
        for slot in slots {
            switch slot {
            case .entry(let entry): values.append(entry.value)
            case .node(let child): child.collectValues(into: &values)
            }
        }
    }

    /// Entries below this node (walks the subtree: used once, after a bulk build).
    var count: Int {
        slots.reduce(0) { total, slot in
            switch slot {
            case .entry: total + 1
            case .node(let child): total + child.count
            }
        }
    }

    /// A node holding two entries whose hashes agree below `shift`.
    static func pair(_ a: Entry<Value>, _ b: Entry<Value>, shift: Int) -> Node {
        if shift >= 64 { return Node(bitmap: 0, slots: [.entry(a), .entry(b)]) }
        let slotA = a.slot(shift), slotB = b.slot(shift)
        if slotA == slotB {
            return Node(bitmap: 1 << UInt32(slotA), slots: [.node(pair(a, b, shift: shift + 5))])
        }
        let ordered: [Slot<Value>] = slotA < slotB ? [.entry(a), .entry(b)] : [.entry(b), .entry(a)]
        return Node(bitmap: (1 << UInt32(slotA)) | (1 << UInt32(slotB)), slots: ordered)
    }

    private func collisionFind(_ key: String) -> Value? {
        for case .entry(let entry) in slots where entry.key == key { return entry.value }
        return nil
    }

    private func collisionInserting(_ entry: Entry<Value>, added: inout Bool) -> Node {
        var slots = self.slots
        if let index = slots.firstIndex(where: { if case .entry(let e) = $0 { e.key == entry.key } else { false } }) {
            slots[index] = .entry(entry)
        } else {
            slots.append(.entry(entry))
            added = true
        }
        return Node(bitmap: 0, slots: slots)
    }
}
