import Foundation

/// Shares after the floor and the cap, by water-filling: shares outside the bounds are clamped to
/// them, and what remains is shared among the others in proportion to their ideal shares, until
/// no share is out of bounds.
///
/// Each round clamps one side only: the caps when the amount above the cap is at least the amount
/// below the floor, else the floors (both when equal). Clamping the caps frees money, which can
/// only raise the other shares, so no share clamped on that side would have been within the bounds
/// at the end; the same holds for the floors. Each round clamps at least one share, so there are at
/// most as many rounds as shares. The result is the one scale factor `λ` with every share equal to
/// `min(cap, max(floor, λ × ideal))` and their sum equal to the total.
struct BoundedShares {
    /// In the order of `ideal`.
    var values: [Decimal]
    var bounds: [Allocation.Bound?]
    /// What the shares left free were multiplied by (`remaining / Σ their ideal`), when some share was clamped.
    var factor: Decimal?
    /// True when the shares left free all had an ideal share of 0: what remains is shared equally.
    var equalSplit = false
    /// What remains for the shares left free, and how many they are.
    var remaining: Decimal
    var freeCount: Int

    init(ideal: [Decimal], total: Decimal, floor: Decimal?, cap: Decimal?) {
        values = ideal
        bounds = Array(repeating: nil, count: ideal.count)
        remaining = total
        freeCount = ideal.count
        guard floor != nil || cap != nil else { return }
        while true {
            let free = ideal.indices.filter { bounds[$0] == nil }
            remaining = total - ideal.indices.filter { bounds[$0] != nil }.map { values[$0] }.reduce(0, +)
            freeCount = free.count
            if free.count < ideal.count {
                let basisSum = free.map { ideal[$0] }.reduce(0, +)
                equalSplit = basisSum == 0
                let factor = equalSplit ? remaining / Decimal(free.count) : remaining / basisSum
                self.factor = factor
                for index in free { values[index] = (equalSplit ? 1 : ideal[index]) * factor }
            }
            let above = free.filter { cap != nil && values[$0] > cap! }
            let below = free.filter { floor != nil && values[$0] < floor! }
            if above.isEmpty && below.isEmpty { return }
            let excess = above.map { values[$0] - cap! }.reduce(0, +)
            let deficit = below.map { floor! - values[$0] }.reduce(0, +)
            if excess >= deficit {
                for index in above { values[index] = cap!; bounds[index] = .cap }
            }
            if deficit >= excess {
                for index in below { values[index] = floor!; bounds[index] = .floor }
            }
        }
    }
}
