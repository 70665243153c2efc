import CageotCore
import Foundation

extension Allocation {
    /// Writes the French lines a treasurer can check by hand, for the whole and for each AMAP.
    mutating func writeSteps(file: CostFile, redistribution: BoundedShares) {
        let payers = shares.filter { $0.exemptReason == nil }.count
        steps = ["Total à répartir : \(FrenchFormat.money(total)) ("
            + file.items.map { "\($0.name) \(FrenchFormat.money($0.amount))" }.joined(separator: " + ") + ")",
                 "AMAP qui paient : \(payers) sur \(shares.count)"]
        let weightInUse = parts.weightInUse
        for part in parts where part.weight > 0 {
            if part.inUse {
                steps.append("\(part.part.title) : poids \(FrenchFormat.decimal(part.weight, maxFractionDigits: 6)) sur "
                    + "\(FrenchFormat.decimal(weightInUse, maxFractionDigits: 6)), \(FrenchFormat.money(total)) × "
                    + "\(FrenchFormat.decimal(part.weight, maxFractionDigits: 6)) / "
                    + "\(FrenchFormat.decimal(weightInUse, maxFractionDigits: 6)) \(EuroText.result(part.amount))")
            } else {
                steps.append("\(part.part.title) : non utilisée, aucune AMAP qui paie n'en a ; son poids est réparti sur les autres parts")
            }
        }
        steps += boundSteps(redistribution)
        let roundedUp = shares.filter(\.roundedUp).count
        if roundedUp > 0 {
            steps.append("Arrondi au centime : \(roundedUp) centime\(roundedUp > 1 ? "s" : "") donné\(roundedUp > 1 ? "s" : "") "
                + "aux plus grands restes (à reste égal, au plus petit numéro de groupe)")
        }
        for index in shares.indices { shares[index].steps = shareSteps(shares[index], redistribution: redistribution) }
    }

    func boundSteps(_ redistribution: BoundedShares) -> [String] {
        guard let factor = redistribution.factor else { return [] }
        var lines: [String] = []
        for (bound, name) in [(Bound.floor, "Plancher"), (.cap, "Plafond")] {
            let count = shares.filter { $0.bound == bound }.count
            if count > 0, let value = bound == .floor ? floor : cap {
                lines.append("\(name) de \(FrenchFormat.money(value)) : \(count) AMAP")
            }
        }
        let rest = "Reste \(EuroText.euros(redistribution.remaining)) pour les \(redistribution.freeCount) autres AMAP"
        lines.append(redistribution.equalSplit
            ? "\(rest), à parts égales (leurs parts idéales sont nulles)"
            : "\(rest), en proportion de leur part avant plancher et plafond : coefficient \(FrenchFormat.decimal(factor, maxFractionDigits: 8))")
        return lines
    }

    func shareSteps(_ share: Share, redistribution: BoundedShares) -> [String] {
        if let reason = share.exemptReason {
            return ["Exonérée : \(reason)", "Part due : \(FrenchFormat.money(.zero))"]
        }
        var lines: [String] = []
        for partShare in share.parts {
            guard let part = parts.first(where: { $0.part == partShare.part }) else { continue }
            let amount = EuroText.euros(part.amount)
            lines.append(part.part == .fixed
                ? "\(part.part.title) : \(amount) ÷ \(FrenchFormat.decimal(part.metricTotal)) AMAP \(EuroText.result(partShare.amount))"
                : "\(part.part.title) : \(amount) × \(EuroText.metric(partShare.metric, of: part.part)) / "
                    + "\(EuroText.metric(part.metricTotal, of: part.part)) \(EuroText.result(partShare.amount))")
        }
        lines.append("Total avant plancher et plafond : \(EuroText.euros(share.ideal))")
        switch share.bound {
        case .floor?:
            lines.append("Plancher de \(FrenchFormat.money(floor ?? .zero)) appliqué (au lieu de \(EuroText.euros(share.ideal)))")
        case .cap?:
            lines.append("Plafond de \(FrenchFormat.money(cap ?? .zero)) appliqué (au lieu de \(EuroText.euros(share.ideal)))")
        case nil:
            if let factor = redistribution.factor {
                lines.append(redistribution.equalSplit
                    ? "Part égale du reste : \(EuroText.euros(redistribution.remaining)) ÷ \(redistribution.freeCount) AMAP "
                        + EuroText.result(share.adjusted)
                    : "Après plancher et plafond des autres : \(EuroText.euros(share.ideal)) × "
                        + "\(FrenchFormat.decimal(factor, maxFractionDigits: 8)) \(EuroText.result(share.adjusted))")
            }
        }
        let truncated = share.amount - (share.roundedUp ? Money(cents: 1) : .zero)
        if share.roundedUp {
            lines.append("Arrondi au centime : +\(FrenchFormat.money(Money(cents: 1))) (\(EuroText.euros(share.adjusted)) → \(FrenchFormat.money(share.amount)), "
                + "l'un des plus grands restes)")
        } else if truncated.decimal != share.adjusted {
            lines.append("Arrondi au centime : \(EuroText.euros(share.adjusted)) → \(FrenchFormat.money(share.amount))")
        }
        lines.append("Part due : \(FrenchFormat.money(share.amount))")
        return lines
    }
}
