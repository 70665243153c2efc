import CageotCore
@testable import CageotCosts
import Foundation
import Testing

func costFile(total cents: Int64, weights: CostFile.Weights, floor: Int64? = nil, cap: Int64? = nil,
              exemptDisabled: Bool = true, firstYearFree: Bool = false, exempt: [Int] = [], year: Int? = nil) -> CostFile {
    CostFile(path: "costs.toml", year: year, items: [.init(name: "Serveur", amount: Money(cents: cents))],
             weights: weights, floor: floor.map(Money.init(cents:)), cap: cap.map(Money.init(cents:)),
             exemptDisabled: exemptDisabled, firstYearFree: firstYearFree, exempt: exempt)
}

func group(_ id: Int, households: Int = 0, sessions: Int = 0, turnover: Int64 = 0, disabled: Bool = false,
           createdIn year: Int = 2015) -> AllocationGroup {
    AllocationGroup(groupId: id, name: "AMAP \(id)", disabled: disabled, createdOn: LocalDate(year: year, month: 3, day: 1),
                    households: households, sessions: sessions, turnover: Money(cents: turnover))
}

struct CostAllocatorTests {
    /// 1 000 €, half fixed, half by households. Payers 1, 2, 3: fixed 166,666… each; households
    /// 500 × 10/40 = 125 and 500 × 30/40 = 375. Ideal 291,666…, 541,666…, 166,666…; truncated
    /// 999,98 €: the two missing cents go to the equal remainders of the smaller ids, 1 and 2.
    @Test func aHandComputedAllocation() throws {
        let file = costFile(total: 100_000, weights: .init(fixed: 50, households: 50, sessions: 0, turnover: 0))
        let groups = [group(3, sessions: 2), group(1, households: 10, sessions: 4), group(2, households: 30),
                      group(4, households: 99, disabled: true), group(5)]
        let allocation = try CostAllocator.allocate(file, groups: groups, year: 2026)
        #expect(allocation.shares.map(\.groupId) == [3, 1, 2, 4, 5])
        #expect(allocation.shares.map(\.amount.cents) == [16_666, 29_167, 54_167, 0, 0])
        #expect(allocation.shares.map(\.exemptReason) == [nil, nil, nil, "groupe désactivé", "aucune activité sur la période"])
        #expect(allocation.parts.map(\.inUse) == [true, true, false, false])
        #expect(allocation.parts[1].metricTotal == 40 && allocation.parts[1].amount == 500)
        #expect(allocation.violations().isEmpty)
        let steps = try #require(allocation.share(of: 2)).steps
        #expect(steps == [
            "Part fixe : 500,00 € ÷ 3 AMAP ≈ 166,6667 €",
            "Foyers actifs : 500,00 € × 30 / 40 = 375,00 €",
            "Total avant plancher et plafond : 541,6667 €",
            "Arrondi au centime : +0,01 € (541,6667 € → 541,67 €, l'un des plus grands restes)",
            "Part due : 541,67 €",
        ].map { $0.replacingOccurrences(of: " €", with: "\u{00A0}€") })
    }

    /// Ideal 1, 1, 1, 97 € of 100 €: 57 € above the cap of 40 € outweighs 12 € below the floor of 5 €,
    /// so the cap is clamped first; the 60 € left make 20 € each, within the bounds.
    @Test func theCapIsClampedAndWhatItFreesIsRedistributed() throws {
        let file = costFile(total: 10_000, weights: .init(fixed: 0, households: 1, sessions: 0, turnover: 0), floor: 500, cap: 4_000)
        let groups = [group(1, households: 1), group(2, households: 1), group(3, households: 1), group(4, households: 97)]
        let allocation = try CostAllocator.allocate(file, groups: groups, year: 2026)
        #expect(allocation.shares.map(\.amount.cents) == [2_000, 2_000, 2_000, 4_000])
        #expect(allocation.shares.map(\.bound) == [nil, nil, nil, .cap])
        #expect(allocation.share(of: 4)?.steps.contains("Plafond de 40,00\u{00A0}€ appliqué (au lieu de 97,00\u{00A0}€)") == true)
        #expect(allocation.share(of: 1)?.steps.contains("Après plancher et plafond des autres : 1,00\u{00A0}€ × 20 = 20,00\u{00A0}€") == true)
    }

    /// Ideal 1, 1, 1, 97 € with a floor of 10 €: three floors take 27 €, the fourth pays the 70 € left.
    @Test func theFloorIsTakenFromTheOthers() throws {
        let file = costFile(total: 10_000, weights: .init(fixed: 0, households: 1, sessions: 0, turnover: 0), floor: 1_000)
        let groups = [group(1, households: 1), group(2, households: 1), group(3, households: 1), group(4, households: 97)]
        let allocation = try CostAllocator.allocate(file, groups: groups, year: 2026)
        #expect(allocation.shares.map(\.amount.cents) == [1_000, 1_000, 1_000, 7_000])
        #expect(allocation.shares.map(\.bound) == [.floor, .floor, .floor, nil])
    }

    /// Sessions has a weight but no payer held a session: its weight is dropped, households gets all.
    @Test func aPartNoPayerHasIsLeftOut() throws {
        let file = costFile(total: 9_000, weights: .init(fixed: 0, households: 1, sessions: 2, turnover: 0))
        let allocation = try CostAllocator.allocate(file, groups: [group(1, households: 1), group(2, households: 2)], year: 2026)
        #expect(allocation.shares.map(\.amount.cents) == [3_000, 6_000])
        #expect(allocation.parts[2].inUse == false && allocation.parts[1].fraction == 1)
        #expect(allocation.steps.contains { $0.hasPrefix("Distributions : non utilisée") })
    }

    @Test func exemptionsHaveTheirReasons() throws {
        let file = costFile(total: 1_000, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0),
                            exemptDisabled: true, firstYearFree: true, exempt: [3])
        let groups = [group(1, households: 5, disabled: true), group(2, households: 5, createdIn: 2026),
                      group(3, households: 5), group(4, households: 5), group(5)]
        let allocation = try CostAllocator.allocate(file, groups: groups, year: 2026)
        #expect(allocation.shares.map(\.exemptReason) == ["groupe désactivé", "première année gratuite",
                                                          "exempté par le fichier de coûts", nil,
                                                          "aucune activité sur la période"])
        #expect(allocation.shares.map(\.amount.cents) == [0, 0, 0, 1_000, 0])
        #expect(allocation.share(of: 1)?.steps == ["Exonérée : groupe désactivé", "Part due : 0,00\u{00A0}€"])
    }

    @Test func disabledGroupsPayWhenTheFileSaysSo() throws {
        let file = costFile(total: 1_000, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0), exemptDisabled: false)
        let allocation = try CostAllocator.allocate(file, groups: [group(1, households: 5, disabled: true), group(2, sessions: 1)], year: 2026)
        #expect(allocation.shares.map(\.amount.cents) == [500, 500])
    }

    @Test(arguments: [
        (costFile(total: 10_000, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0), floor: 5_001), "lower floor to at most 50,00"),
        (costFile(total: 10_000, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0), cap: 4_999), "raise cap to at least 50,00"),
        (costFile(total: 10_000, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0), exempt: [1, 2]), "no AMAP pays"),
        (costFile(total: 10_000, weights: .init(fixed: 0, households: 0, sessions: 1, turnover: 0)), "no part of the key applies"),
        (costFile(total: 10_000, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0), year: 2025), "this file is for 2025, not 2026"),
    ])
    func impossibleAllocationsSayWhy(file: CostFile, message: String) {
        let error = #expect(throws: AllocationError.self) {
            try CostAllocator.allocate(file, groups: [group(1, households: 3), group(2, households: 4)], year: 2026)
        }
        #expect(error?.message.contains(message.replacingOccurrences(of: " €", with: "\u{00A0}€")) == true, "\(String(describing: error))")
        #expect(error?.file == "costs.toml")
    }

    @Test func aGroupListedTwiceIsRefused() {
        let file = costFile(total: 100, weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0))
        #expect(throws: AllocationError.self) {
            try CostAllocator.allocate(file, groups: [group(1, households: 1), group(1, households: 2)], year: 2026)
        }
    }

    @Test func theShippedExampleAllocates() throws {
        let file = try CostFile.load(CostFileParseTests.example)
        let groups = (1...20).map { group($0, households: $0 * 7 % 50, sessions: $0 % 13, turnover: Int64($0) * 123_457,
                                          createdIn: $0 == 20 ? 2026 : 2015) }
        let allocation = try CostAllocator.allocate(file, groups: groups, year: 2026)
        #expect(allocation.violations().isEmpty)
        #expect(allocation.share(of: 12)?.exemptReason == "exempté par le fichier de coûts")
        #expect(allocation.share(of: 20)?.exemptReason == "première année gratuite")
        #expect(allocation.shares.map(\.amount).sum() == Money(cents: 199_599))
    }
}
