/// A hash table from a pair of 64-bit keys to an `Int`, with open addressing, linear probing and
/// a multiplicative hash: a few nanoseconds a lookup where `Dictionary`'s SipHash of a struct cost
/// most of the usage report's client time (two million lookups). Keys are plain bit patterns
/// (ids, doubles' bits), never attacker-chosen strings, so a seeded hash buys nothing here.
struct PairTable: Sendable {
    private var first: [UInt64]
    private var second: [UInt64]
    private var occupied: [Bool]
    private(set) var values: [Int]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        first = Array(repeating: 0, count: size)
        second = Array(repeating: 0, count: size)
        occupied = Array(repeating: false, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func hash(_ a: UInt64, _ b: UInt64) -> Int {
        let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 17)
    }

    /// The slot of `(a, b)`, inserted with the value 0 if absent. Valid until the next insertion.
    @inline(__always)
    mutating func slot(_ a: UInt64, _ b: UInt64) -> Int {
        var i = Self.hash(a, b) & mask
        while occupied[i] {
            if first[i] == a && second[i] == b { return i }
            i = (i + 1) & mask
        }
        if (count + 1) * 2 > values.count {
            grow()
            return slot(a, b)
        }
        occupied[i] = true
        first[i] = a
        second[i] = b
        count += 1
        return i
    }

    /// Adds `n` to the value of `(a, b)`.
    @inline(__always)
    mutating func add(_ a: UInt64, _ b: UInt64, _ n: Int = 1) {
        let i = slot(a, b)
        values[i] += n
    }

    mutating func set(_ i: Int, _ value: Int) { values[i] = value }

    /// Every entry, in no particular order.
    func forEach(_ body: (UInt64, UInt64, Int) throws -> Void) rethrows {
        for i in 0..<occupied.count where occupied[i] { try body(first[i], second[i], values[i]) }
    }

    /// Adds every value of `other` to this table's.
    mutating func merge(_ other: PairTable) {
        other.forEach { a, b, n in add(a, b, n) }
    }

    private mutating func grow() {
        var bigger = PairTable(capacity: values.count)
        forEach { a, b, n in bigger.add(a, b, n) }
        self = bigger
    }
}

/// Numbers 0, 1, 2… given to pairs in order of first appearance (a line's quantity and price bits).
struct PairNumbering: Sendable {
    private(set) var pairs: [(UInt64, UInt64)] = []
    private var table = PairTable(capacity: 1024)

    /// The number of `(a, b)`, given if new.
    @inline(__always)
    mutating func number(_ a: UInt64, _ b: UInt64) -> Int {
        let slot = table.slot(a, b)
        if table.values[slot] == 0 {
            pairs.append((a, b))
            table.set(slot, pairs.count)
        }
        return table.values[slot] - 1
    }
}

/// Positions 0, 1, 2… given to keys in order of first appearance (groups, months, VAT rates), for
/// arrays indexed by them.
struct Positions<Key: Hashable & Sendable>: Sendable {
    private(set) var keys: [Key] = []
    private var index: [Key: Int32] = [:]

    /// The position of `key`, given if new.
    mutating func position(_ key: Key) -> Int32 {
        if let position = index[key] { return position }
        keys.append(key)
        index[key] = Int32(keys.count - 1)
        return Int32(keys.count - 1)
    }
}
