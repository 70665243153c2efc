// TEMPORARY STUB — removed when the costs branch is merged.
import CageotCore
import Foundation

extension CostFile {
    public static func load(_ url: URL) throws(CostFileError) -> CostFile {
        CostFile(path: url.path, year: nil, items: [.init(name: "Serveur", amount: Money(cents: 120_000)), .init(name: "Domaine", amount: Money(cents: 1_500))],
                 weights: .init(fixed: 40, households: 40, sessions: 10, turnover: 10), floor: Money(cents: 2_000), cap: nil,
                 exemptDisabled: true, firstYearFree: true, exempt: [])
    }
}

public enum CostAllocator {
    public static func allocate(_ file: CostFile, groups: [AllocationGroup], year: Int) throws(AllocationError) -> Allocation {
        let n = groups.count
        let each = Decimal(file.total.cents) / 100 / Decimal(n)
        let shares = groups.map { g in
            Allocation.Share(groupId: g.groupId, name: g.name, exemptReason: nil, parts: [.init(part: .fixed, metric: 1, amount: each)],
                             ideal: each, bound: nil, adjusted: each, amount: Money(rounding: each), roundedUp: false,
                             steps: ["Part fixe : \(file.total) ÷ \(n)", "Part due : \(Money(rounding: each))"])
        }
        return Allocation(total: file.total, parts: [.init(part: .fixed, weight: 1, fraction: 1, amount: Decimal(file.total.cents) / 100, metricTotal: Decimal(n))], shares: shares)
    }
}
