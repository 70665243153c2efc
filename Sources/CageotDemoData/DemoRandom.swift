/// The generator's only source of randomness: SplitMix64 (Steele, Lea & Flood, 2014).
///
/// Written here rather than taken from the standard library so that a seed gives the same rows on
/// every platform and every Swift version: `Int.random(in:using:)` may change its algorithm, this
/// will not. Each part of the federation draws from its own stream (`stream(_:_:)`), so a group's
/// rows do not depend on how many numbers an earlier group happened to draw.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one part of the federation (a tag and an index, e.g. a group).
    static func stream(_ seed: UInt64, _ tag: Tag, _ index: Int = 0) -> DemoRandom {
        let a = mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* tag.rawValue)
        return DemoRandom(seed: mix(a ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)))
    }

    enum Tag: UInt64 {
        case users = 1, groups, vendors, plan, activity, payments, volunteers
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return DemoRandom.mix(state)
    }

    /// SplitMix64's output function, also used to derive stream seeds.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-high; the tiny bias is irrelevant here).
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "int(below:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < p
    }

    /// A uniform number in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    /// `count` distinct indexes of `0..<bound`, in increasing order.
    mutating func sample(_ count: Int, below bound: Int) -> [Int] {
        var chosen = Set<Int>()
        let wanted = min(count, bound)
        while chosen.count < wanted { chosen.insert(int(below: bound)) }
        return chosen.sorted()
    }

    /// A string of `count` decimal digits (check numbers, phone numbers).
    mutating func digits(_ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + int(below: 10))))) }
        return text
    }
}
