import CageotCore
import Foundation

/// Shares a cost file's total among AMAPs by the rules of `docs/cost-sharing.md`: who pays, the
/// parts of the key, floors and caps, rounding to the cent.
public enum CostAllocator {
    /// Adjusted shares are fixed at this many decimals of a euro before rounding to the cent, so
    /// that they sum exactly to the total (`Decimal` divisions keep 38 significant digits only).
    public static let adjustedScale = 10

    /// Every group of `groups` gets a share (0 with a reason when it does not pay), in the input's
    /// order; the shares sum exactly to `file.total`. The result does not depend on the groups'
    /// order: they are processed by increasing `groupId`.
    public static func allocate(_ file: CostFile, groups: [AllocationGroup], year: Int) throws(AllocationError)
        -> Allocation {
        try allocate(file, groups: groups, year: year, writingSteps: true)
    }

    /// `writingSteps: false` leaves the French steps out, for the property tests' thousands of cases.
    static func allocate(_ file: CostFile, groups: [AllocationGroup], year: Int, writingSteps: Bool)
        throws(AllocationError) -> Allocation {
        func fail(_ message: String) -> AllocationError { AllocationError(file: file.path, message: message) }
        if let fileYear = file.year, fileYear != year {
            throw fail("this file is for \(fileYear), not \(year); use the \(year) file or write year = \(year)")
        }
        try checkGroups(groups, fail: fail)

        let sorted = groups.sorted { $0.groupId < $1.groupId }
        let reasons = sorted.map { exemptReason($0, file: file, year: year) }
        let payers = sorted.indices.filter { reasons[$0] == nil }.map { sorted[$0] }
        let total = file.total
        if payers.isEmpty && total > .zero {
            throw fail("no AMAP pays the \(FrenchFormat.money(total)): all \(groups.count) are exempt "
                + "(disabled, first year, listed in exempt, or without activity); check exempt and first_year_free")
        }

        let metrics = payers.map { group in AllocationPart.allCases.map { metric($0, of: group) } }
        let parts = partTotals(file, metrics: metrics)
        if !payers.isEmpty && !parts.contains(where: \.inUse) && total > .zero {
            throw fail("no part of the key applies: the AMAPs that pay have none of the metrics that have a weight "
                + "(\(parts.filter { $0.weight > 0 }.map(\.part.label).joined(separator: ", "))); give fixed a weight, e.g. fixed = 1")
        }
        // One division per part: amount / metricTotal, the part's price per unit of its metric.
        let perUnit = parts.map { $0.inUse ? $0.amount / $0.metricTotal : 0 }
        let partShares = metrics.map { metrics in
            parts.indices.filter { parts[$0].inUse }.map { index in
                Allocation.PartShare(part: parts[index].part, metric: metrics[index], amount: perUnit[index] * metrics[index])
            }
        }
        let ideal = partShares.map { $0.map(\.amount).reduce(0, +) }

        try checkBounds(file, payers: payers.count, total: total, fail: fail)
        let bounded = BoundedShares(ideal: ideal, total: total.decimal, floor: file.floor?.decimal, cap: file.cap?.decimal)
        let ids = payers.map(\.groupId)
        let adjusted = LargestRemainder.round(bounded.values, ids: ids, scale: adjustedScale, total: total.decimal)
        let cents = LargestRemainder.round(adjusted.values, ids: ids, scale: 2, total: total.decimal)

        var paying: [Int: Allocation.Share] = [:]
        for (index, group) in payers.enumerated() {
            paying[group.groupId] = Allocation.Share(
                groupId: group.groupId, name: group.name, exemptReason: nil, parts: partShares[index],
                ideal: ideal[index], bound: bounded.bounds[index], adjusted: adjusted.values[index],
                amount: Money(rounding: cents.values[index]), roundedUp: cents.roundedUp[index], steps: [])
        }
        var allocation = Allocation(total: total, floor: file.floor, cap: file.cap, parts: parts, shares: groups.map { group in
            paying[group.groupId] ?? Allocation.Share(
                groupId: group.groupId, name: group.name, exemptReason: exemptReason(group, file: file, year: year),
                parts: [], ideal: 0, bound: nil, adjusted: 0, amount: .zero, roundedUp: false, steps: [])
        }, steps: [])
        if writingSteps { allocation.writeSteps(file: file, redistribution: bounded) }
        return allocation
    }

    /// Why `group` pays nothing, in French, or nil when it pays; the first reason that applies.
    public static func exemptReason(_ group: AllocationGroup, file: CostFile, year: Int) -> String? {
        if group.disabled && file.exemptDisabled { return "groupe désactivé" }
        if group.createdOn.year == year && file.firstYearFree { return "première année gratuite" }
        if file.exempt.contains(group.groupId) { return "exempté par le fichier de coûts" }
        if group.households == 0 && group.sessions == 0 && group.turnover == .zero {
            return "aucune activité sur la période"
        }
        return nil
    }

    static func metric(_ part: AllocationPart, of group: AllocationGroup) -> Decimal {
        switch part {
        case .fixed: 1
        case .households: Decimal(group.households)
        case .sessions: Decimal(group.sessions)
        case .turnover: group.turnover.decimal
        }
    }

    static func weight(_ part: AllocationPart, in weights: CostFile.Weights) -> Decimal {
        switch part {
        case .fixed: weights.fixed
        case .households: weights.households
        case .sessions: weights.sessions
        case .turnover: weights.turnover
        }
    }

    /// The four parts; one is in use when its weight and its metric over the payers are not 0.
    static func partTotals(_ file: CostFile, metrics: [[Decimal]]) -> [Allocation.PartTotal] {
        let parts = AllocationPart.allCases.enumerated().map { index, part in
            let metricTotal = metrics.map { $0[index] }.reduce(0, +)
            let weight = weight(part, in: file.weights)
            return Allocation.PartTotal(part: part, weight: weight, fraction: 0, amount: 0, metricTotal: metricTotal,
                                        inUse: weight > 0 && metricTotal > 0)
        }
        let weightInUse = parts.weightInUse
        let total = file.total.decimal
        return parts.map { part in
            guard part.inUse else { return part }
            var part = part
            part.fraction = part.weight / weightInUse
            part.amount = total * part.weight / weightInUse
            return part
        }
    }

    static func checkGroups(_ groups: [AllocationGroup], fail: (String) -> AllocationError) throws(AllocationError) {
        var seen = Set<Int>()
        for group in groups {
            guard seen.insert(group.groupId).inserted else {
                throw fail("the group \(group.groupId) (\(group.name)) is listed twice; each AMAP must appear once")
            }
            guard group.households >= 0, group.sessions >= 0, group.turnover >= .zero else {
                throw fail("the group \(group.groupId) (\(group.name)) has a negative households, sessions or turnover figure")
            }
        }
    }

    /// Floors and caps must leave a way to reach the total exactly.
    static func checkBounds(_ file: CostFile, payers: Int, total: Money, fail: (String) -> AllocationError)
        throws(AllocationError) {
        guard payers > 0 else { return }
        let count = Int64(payers)
        if let floor = file.floor, floor.cents * count > total.cents {
            throw fail("the floor of \(FrenchFormat.money(floor)) for each of the \(payers) AMAP that pay makes "
                + "\(FrenchFormat.money(Money(cents: floor.cents * count))), more than the total "
                + "\(FrenchFormat.money(total)); lower floor to at most \(FrenchFormat.money(Money(cents: total.cents / count)))")
        }
        if let cap = file.cap, cap.cents * count < total.cents {
            let least = Money(cents: (total.cents + count - 1) / count)
            throw fail("the cap of \(FrenchFormat.money(cap)) for each of the \(payers) AMAP that pay makes "
                + "\(FrenchFormat.money(Money(cents: cap.cents * count))), less than the total "
                + "\(FrenchFormat.money(total)); raise cap to at least \(FrenchFormat.money(least))")
        }
    }
}

extension [Allocation.PartTotal] {
    /// Σ of the weights of the parts in use.
    var weightInUse: Decimal { filter(\.inUse).map(\.weight).reduce(0, +) }
}
