import CageotCore
import CageotCosts
import Foundation

/// The federation's yearly report: its usage figures, per AMAP and in total, and — with a cost
/// file — the sharing of the hosting cost. Pure data: the PDF, XLSX and CSV are drawn from it.
public struct UsageReport: Sendable, Hashable {
    /// `InterAMAP44`: who the report is from.
    public var federationName: String
    /// `Usage de la plateforme — 2026`.
    public var title: String
    public var data: UsageReportData
    /// The day the report was made (from `--now`).
    public var madeOn: LocalDate
    public var costs: Costs?
    /// One per group of `data.groups`, in its order.
    public var rows: [Row]

    public struct Costs: Sendable, Hashable {
        public var file: CostFile
        public var allocation: Allocation
        public var total: Money { file.total }
        public init(file: CostFile, allocation: Allocation) { self.file = file; self.allocation = allocation }
    }

    public struct Row: Sendable, Hashable {
        public var group: GroupUsage
        /// Nil without a cost file.
        public var share: Allocation.Share?
        /// `active`, or why not: `désactivé (SUSPENDED)`, `créé en 2026`.
        public var status: String
    }

    public init(federationName: String, data: UsageReportData, madeOn: LocalDate, costs: Costs?) {
        self.federationName = federationName
        self.title = "Usage de la plateforme — \(data.period.label)"
        self.data = data
        self.madeOn = madeOn
        self.costs = costs
        let shares = Dictionary((costs?.allocation.shares ?? []).map { ($0.groupId, $0) }, uniquingKeysWith: { a, _ in a })
        self.rows = data.groups.map { group in
            Row(group: group, share: shares[group.groupId], status: UsageReport.status(group, period: data.period))
        }
    }

    /// `active`, `désactivé (SUSPENDED)`, `nouveau (créé le 12/03/2026)`.
    static func status(_ group: GroupUsage, period: UsagePeriod) -> String {
        if let disabled = group.disabled { return "désactivé (\(disabled))" }
        if group.createdOn >= period.from { return "nouveau (créé le \(FrenchFormat.shortDate(group.createdOn)))" }
        return group.figures.orderLines > 0 ? "actif" : "sans activité"
    }

    /// Σ shares; equal to the cost total (the allocation guarantees it).
    public var totalShares: Money { rows.compactMap { $0.share?.amount }.sum() }

    /// Σ of an additive figure over the groups (the table's total row).
    public func sum(_ figure: (UsageFigures) -> Int) -> Int { rows.map { figure($0.group.figures) }.reduce(0, +) }
    public func sum(_ figure: (UsageFigures) -> Money) -> Money { rows.map { figure($0.group.figures) }.sum() }

    /// The French name of a payment type (`check` → `chèque`).
    public static func paymentLabel(_ type: String) -> String { PaymentKind(rawValue: type)?.label ?? type }

    /// `12 / 15 (80 %)`.
    public static func duties(_ figures: UsageFigures) -> String {
        guard figures.dutiesNeeded > 0 else { return "\(figures.dutiesFilled) / 0" }
        let percent = (figures.dutiesFilled * 100 + figures.dutiesNeeded / 2) / figures.dutiesNeeded
        return "\(figures.dutiesFilled) / \(figures.dutiesNeeded) (\(percent) %)"
    }

    /// The report's key figures as (label, value) lines, for the cover and each AMAP's page.
    public static func keyFigures(_ f: UsageFigures) -> [(String, String)] {
        var lines: [(String, String)] = [
            ("Foyers actifs (au moins un panier)", FrenchFormat.integer(f.activeHouseholds)),
            ("Adhérents en fin de période", FrenchFormat.integer(f.members)),
            ("Adhésions payées", "\(FrenchFormat.integer(f.membershipsPaid)) — \(FrenchFormat.money(f.membershipAmount))"),
            ("Contrats actifs", FrenchFormat.integer(f.activeContracts)),
            ("Producteurs", FrenchFormat.integer(f.vendors)),
            ("Distributions tenues", FrenchFormat.integer(f.sessionsHeld)),
            ("Paniers", FrenchFormat.integer(f.baskets)),
            ("Lignes de commande", FrenchFormat.integer(f.orderLines)),
            ("Chiffre d'affaires TTC", FrenchFormat.money(f.turnover)),
        ]
        for vat in f.turnoverByVAT {
            lines.append(("  dont TVA à \(FrenchFormat.decimal(vat.rate)) %", FrenchFormat.money(vat.amount)))
        }
        for payment in f.payments {
            lines.append(("Paiements : \(paymentLabel(payment.type))",
                          "\(FrenchFormat.integer(payment.count)) — \(FrenchFormat.money(payment.amount))"))
        }
        lines.append(("Permanences tenues / rôles à pourvoir", duties(f)))
        return lines
    }
}
