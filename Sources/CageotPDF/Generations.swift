/// A bounded cache with two generations, approximating least-recently-used eviction in O(1): a hit
/// in the older generation moves the entry to the newer; when the newer fills, it becomes the older
/// and the older's values are handed back (to be freed, or reused).
struct Generations<Key: Hashable, Value> {
    private let size: Int
    private var newer: [Key: Value] = [:]
    private var older: [Key: Value] = [:]

    init(size: Int) {
        self.size = size
        newer.reserveCapacity(size)
    }

    /// The value of `key`, made by `make` when neither generation has it; `evicted` receives the
    /// values dropped to make room.
    mutating func value(_ key: Key, make: (Key) -> Value, evicted: ([Value]) -> Void = { _ in }) -> Value {
        if let value = newer[key] { return value }
        let value = older.removeValue(forKey: key) ?? make(key)
        if newer.count >= size {
            evicted(Array(older.values))
            older = newer
            newer = [:]
            newer.reserveCapacity(size)
        }
        newer[key] = value
        return value
    }

    mutating func removeAll() {
        newer = [:]
        older = [:]
    }
}
