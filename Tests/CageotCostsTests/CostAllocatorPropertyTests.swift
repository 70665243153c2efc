import CageotCore
@testable import CageotCosts
import Foundation
import Testing

/// SplitMix64 (Steele, Lea and Flood): a small seeded generator, so every run sees the same cases.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random federations and cost files; each property is checked on every case.
struct CostAllocatorPropertyTests {
    static let cases = 1_500
    static let year = 2026

    struct Case {
        var file: CostFile
        var groups: [AllocationGroup]
    }

    static func randomCase(_ random: inout SplitMix64) -> Case {
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func weight() -> Decimal {
            chance(30) ? 0 : (chance(20) ? Decimal(Int.random(in: 1...400, using: &random)) / 8 : Decimal(Int.random(in: 1...100, using: &random)))
        }
        let count = Int.random(in: 1...12, using: &random)
        var ids = Set<Int>()
        while ids.count < count { ids.insert(Int.random(in: 1...500, using: &random)) }
        let groups = ids.shuffled(using: &random).map { id in
            AllocationGroup(groupId: id, name: "AMAP \(id)", disabled: chance(10),
                            createdOn: LocalDate(year: chance(10) ? year : 2018, month: 5, day: 4),
                            households: chance(15) ? 0 : Int.random(in: 1...200, using: &random),
                            sessions: chance(15) ? 0 : Int.random(in: 1...52, using: &random),
                            turnover: Money(cents: chance(15) ? 0 : Int64.random(in: 1...5_000_000, using: &random)))
        }
        var weights = CostFile.Weights(fixed: weight(), households: weight(), sessions: weight(), turnover: weight())
        if weights == .init(fixed: 0, households: 0, sessions: 0, turnover: 0) { weights.fixed = 1 }
        let total = chance(3) ? 0 : Int64.random(in: 1...500_000, using: &random)
        let perGroup = total / Int64(count)
        let floor = chance(40) ? Int64.random(in: 0...max(0, perGroup), using: &random) : nil
        let cap = chance(40) ? Int64.random(in: max(floor ?? 0, perGroup)...max(floor ?? 0, total), using: &random) : nil
        let exempt = groups.filter { _ in chance(5) }.map(\.groupId)
        return Case(file: costFile(total: total, weights: weights, floor: floor, cap: cap, exemptDisabled: chance(80),
                                   firstYearFree: chance(50), exempt: exempt),
                    groups: groups)
    }

    @Test func randomAllocationsKeepEveryRule() throws {
        var random = SplitMix64(state: 20_260_101)
        var allocated = 0, refused = 0, clamped = 0, roundedUp = 0
        for _ in 0..<Self.cases {
            let input = Self.randomCase(&random)
            let allocation: Allocation
            do {
                allocation = try CostAllocator.allocate(input.file, groups: input.groups, year: Self.year, writingSteps: false)
            } catch {
                try expectJustified(error, input)
                refused += 1
                continue
            }
            allocated += 1
            #expect(allocation.violations().isEmpty, "\(allocation.violations())")
            #expect(allocation.shares.map(\.amount).sum() == input.file.total)
            try expectExemptions(allocation, input)
            try expectOneScaleFactor(allocation, input.file)
            expectMonotone(allocation, input.groups)
            try expectDeterministic(allocation, input, random: &random)
            if allocation.shares.contains(where: { $0.bound != nil }) { clamped += 1 }
            roundedUp += allocation.shares.filter(\.roundedUp).count
        }
        // The generator must reach the interesting cases, or the properties prove little.
        #expect(allocated > Self.cases / 2 && refused > Self.cases / 100 && clamped > Self.cases / 10 && roundedUp > Self.cases / 3,
                "allocated \(allocated), refused \(refused), clamped \(clamped), rounded up \(roundedUp)")
    }

    /// A refusal is only for a file and groups that cannot be allocated.
    func expectJustified(_ error: any Error, _ input: Case) throws {
        let error = try #require(error as? AllocationError)
        let payers = input.groups.filter { CostAllocator.exemptReason($0, file: input.file, year: Self.year) == nil }
        let total = input.file.total.cents, count = Int64(payers.count)
        let floorTooHigh = input.file.floor.map { $0.cents * count > total } ?? false
        let capTooLow = input.file.cap.map { $0.cents * count < total } ?? false
        let noPart = !AllocationPart.allCases.contains { part in
            CostAllocator.weight(part, in: input.file.weights) > 0
                && payers.contains { CostAllocator.metric(part, of: $0) > 0 }
        }
        #expect((payers.isEmpty && total > 0) || floorTooHigh || capTooLow || noPart, "\(error)")
    }

    func expectExemptions(_ allocation: Allocation, _ input: Case) throws {
        var wrong: [Int] = []
        for (group, share) in zip(input.groups, allocation.shares) {
            let exempt = (group.disabled && input.file.exemptDisabled) || (group.createdOn.year == Self.year && input.file.firstYearFree)
                || input.file.exempt.contains(group.groupId) || (group.households == 0 && group.sessions == 0 && group.turnover == .zero)
            let withinFloor = exempt || allocation.floor.map { share.amount >= $0 } ?? true
            let withinCap = exempt || allocation.cap.map { share.amount <= $0 } ?? true
            if group.groupId != share.groupId || (share.exemptReason != nil) != exempt || (exempt && share.amount != .zero)
                || !withinFloor || !withinCap {
                wrong.append(group.groupId)
            }
        }
        #expect(wrong.isEmpty, "exemption or bound wrong for groups \(wrong)")
    }

    /// Water-filling's fixed point: one factor λ, every share `min(cap, max(floor, λ × ideal))`.
    func expectOneScaleFactor(_ allocation: Allocation, _ file: CostFile) throws {
        let payers = allocation.shares.filter { $0.exemptReason == nil && $0.ideal > 0 }
        let free = payers.filter { $0.bound == nil }
        guard let first = free.first else { return }
        let lambda = first.adjusted / first.ideal
        let tolerance = Decimal(string: "0.000001")!
        let wrong = free.filter { abs($0.adjusted - lambda * $0.ideal) >= tolerance }
            + payers.filter { $0.bound == .floor && lambda * $0.ideal > file.floor!.decimal + tolerance }
            + payers.filter { $0.bound == .cap && lambda * $0.ideal < file.cap!.decimal - tolerance }
        #expect(wrong.isEmpty, "not min(cap, max(floor, λ × ideal)) with λ = \(lambda): \(wrong.map(\.groupId))")
    }

    /// A payer with at least as much of every metric pays at least as much; a cent less only when
    /// their ideal shares are equal and the tie-break gave the unit to the smaller id.
    func expectMonotone(_ allocation: Allocation, _ groups: [AllocationGroup]) {
        let paying = zip(groups, allocation.shares).filter { $0.1.exemptReason == nil }
        var wrong: [(Int, Int)] = []
        for (a, shareA) in paying {
            for (b, shareB) in paying where a.households >= b.households && a.sessions >= b.sessions && a.turnover >= b.turnover {
                let adjustedOK = !(shareA.ideal > shareB.ideal) || shareA.adjusted >= shareB.adjusted
                // Equal ideals (equal metrics): the tie-break may give the other one the unit.
                let amountOK = shareA.adjusted > shareB.adjusted ? shareA.amount >= shareB.amount
                    : shareA.amount.cents >= shareB.amount.cents - 1
                if !adjustedOK || !amountOK { wrong.append((a.groupId, b.groupId)) }
            }
        }
        #expect(wrong.isEmpty, "more of every metric but pays less: \(wrong)")
    }

    /// Same input, same output; shuffled groups, same share for each group (steps included, on a
    /// sample: writing them is most of the time an allocation takes).
    func expectDeterministic(_ allocation: Allocation, _ input: Case, random: inout SplitMix64) throws {
        let steps = Int.random(in: 0..<10, using: &random) == 0
        let again = try CostAllocator.allocate(input.file, groups: input.groups, year: Self.year, writingSteps: steps)
        let shuffled = try CostAllocator.allocate(input.file, groups: input.groups.shuffled(using: &random), year: Self.year,
                                                  writingSteps: steps)
        if !steps { #expect(again == allocation) }
        let differing = shuffled.shares.filter { again.share(of: $0.groupId) != $0 }.map(\.groupId)
        #expect(differing.isEmpty && shuffled.steps == again.steps, "shuffling the groups changed \(differing)")
    }

    /// With more of every metric than another payer, a group never pays less (here with distinct ideals).
    @Test func moreOfEveryMetricNeverPaysLess() throws {
        var random = SplitMix64(state: 7)
        for _ in 0..<300 {
            var input = Self.randomCase(&random)
            guard let base = input.groups.first(where: { CostAllocator.exemptReason($0, file: input.file, year: Self.year) == nil })
            else { continue }
            let bigger = AllocationGroup(groupId: 1_000, name: "plus grande", disabled: false, createdOn: base.createdOn,
                                         households: base.households + 1, sessions: base.sessions + 1,
                                         turnover: base.turnover + Money(cents: 100))
            input.groups.append(bigger)
            guard let allocation = try? CostAllocator.allocate(input.file, groups: input.groups, year: Self.year, writingSteps: false),
                  let small = allocation.share(of: base.groupId), let large = allocation.share(of: 1_000),
                  large.ideal > small.ideal
            else { continue }
            #expect(large.amount >= small.amount)
        }
    }
}
