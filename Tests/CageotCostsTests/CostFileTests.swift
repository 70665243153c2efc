import CageotCore
@testable import CageotCosts
import Testing

struct CostFileTests {
    @Test func totalIsTheSumOfTheItems() {
        let file = CostFile(path: "costs.toml", year: 2026, items: [.init(name: "Serveur", amount: Money(cents: 120_000)),
                                                                    .init(name: "Domaine", amount: Money(cents: 1_299))],
                            weights: .init(fixed: 1, households: 1, sessions: 0, turnover: 0), floor: nil, cap: nil,
                            exemptDisabled: true, firstYearFree: false, exempt: [])
        #expect(file.total == Money(cents: 121_299))
        #expect(CostFileError(file: "costs.toml", line: 12, key: "allocation.floor", message: "must be ≥ 0").description
            == "costs.toml:12: allocation.floor: must be ≥ 0")
    }
}
