import CageotCore
import Foundation

extension Payments {
    /// Builds the workbook's content: sums of exact line amounts, households sorted ignoring case and accents.
    public init(_ data: PaymentsData) {
        let ordersBySubscription = Dictionary(data.orders.map { ($0.subscriptionId, $0) }, uniquingKeysWith: { a, _ in a })
        let paymentsBySubscription = Dictionary(grouping: data.payments, by: \.subscriptionId)
        let subscriptions = Collation.sorted(data.subscriptions) { $0.member.sortKey + [String($0.id)] }
        var contracts: [Contract] = []
        var payments: [Payment] = []
        for s in subscriptions {
            let household = s.member.householdName
            let orders = ordersBySubscription[s.id]
            let paid = paymentsBySubscription[s.id] ?? []
            let ordered = orders?.amount ?? .zero
            let total = paid.map(\.amount).sum()
            contracts.append(Contract(
                subscriptionId: s.id, household: household, partner: s.partner?.householdName,
                start: s.startDate, end: s.endDate, distributions: orders?.distributions ?? 0,
                ordered: ordered, paymentCount: paid.count, paid: total, balance: total - ordered,
                status: Status(balance: total - ordered)))
            let sortedPayments = paid.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            payments += sortedPayments.map {
                Payment(id: $0.id, subscriptionId: s.id, household: household, date: $0.date.date,
                        kind: PaymentKind(operationData: $0.data), label: $0.name, amount: $0.amount)
            }
        }
        let inRange = payments.filter { $0.kind == .check && data.from <= $0.date && $0.date <= data.to }
        let checks = Collation.sorted(inRange) { [$0.date.description, $0.household, String($0.id)] }
        let c = data.contract
        self.init(contractName: c.name, groupName: c.groupName,
                  title: "Paiements — \(c.name.nonBlank ?? "Contrat \(c.id)") — \(c.groupName)",
                  payee: c.checkOrder, period: min(c.startDate, c.endDate)...max(c.startDate, c.endDate),
                  from: data.from, to: data.to, contracts: contracts, payments: payments, checks: checks,
                  totalOrdered: contracts.map(\.ordered).sum(), totalPaid: contracts.map(\.paid).sum(),
                  totalBalance: contracts.map(\.balance).sum(), checksTotal: checks.map(\.amount).sum())
    }
}
