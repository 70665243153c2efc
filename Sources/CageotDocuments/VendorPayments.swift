import CageotCore
import Foundation

/// A farmer's payments for a season: every contract of the farm, in every group, that starts in
/// the season's year, each as its own `Payments`, and a summary line per contract. Pure data.
public struct VendorPayments: Sendable, Hashable {
    public var vendorName: String
    public var season: Int
    /// `Paiements — Les Jardins de Kervœn — saison 2026`.
    public var title: String
    /// By group name, then start, then contract name (ignoring case and accents), then id.
    public var contracts: [Payments]
    /// `du 01/09/2026 au 30/06/2027`: the check deposit range asked, or the span of the contracts' periods.
    public var checksRange: String
    public var totalOrdered: Money
    public var totalPaid: Money
    public var totalBalance: Money

    /// `Aucun contrat pour la saison 2026`: what the workbook says when the season has no contract.
    public var emptyMessage: String { "Aucun contrat pour la saison \(season)" }
    public var isEmpty: Bool { contracts.isEmpty }
}

extension VendorPayments {
    /// Builds each contract's `Payments` and the season's totals in exact cents.
    public init(_ data: VendorPaymentsData) {
        let built = data.contracts.map { (id: $0.contract.id, payments: Payments($0)) }
        let sorted = Collation.sorted(built) {
            [$0.payments.groupName, $0.payments.period.lowerBound.description, $0.payments.contractName, String($0.id)]
        }.map(\.payments)
        let from = data.from ?? sorted.map(\.from).min()
        let to = data.to ?? sorted.map(\.to).max()
        let range = if let from, let to { "du \(FrenchFormat.shortDate(from)) au \(FrenchFormat.shortDate(to))" } else { "" }
        let name = data.vendor.name.nonBlank ?? "Producteur \(data.vendor.id)"
        self.init(vendorName: name, season: data.season, title: "Paiements — \(name) — saison \(data.season)",
                  contracts: sorted, checksRange: range, totalOrdered: sorted.map(\.totalOrdered).sum(),
                  totalPaid: sorted.map(\.totalPaid).sum(), totalBalance: sorted.map(\.totalBalance).sum())
    }
}
