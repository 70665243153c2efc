import CageotCore
import Foundation

/// One table of the payments documents as plain rows: the workbook's sheets and the CSV files are
/// both written from it, so they cannot disagree.
public struct PaymentsTable: Sendable, Hashable {
    public var titles: [String]
    public var rows: [[CSVTable.Field]]
    /// The total row's values by column (exact sums of the rows); the label `Total` goes in column 0.
    public var totals: [Int: CSVTable.Field]
    /// Total columns whose width is not widened for the bold total (the balance, as the
    /// single-contract workbook has always sized it, so its bytes stay the same).
    public var unmeasuredTotals: Set<Int> = []

    /// Header, rows, then the total row.
    public var csv: CSVTable {
        var table = CSVTable(rows: [titles.map { .text($0) }] + rows)
        table.append(titles.indices.map { $0 == 0 ? .text("Total") : totals[$0] ?? .empty })
        return table
    }
}

/// The tables of one contract's payments (`showsContract` false: the layout of the single-contract
/// workbook) or of several contracts, then with the group and the contract in the leading columns.
public struct PaymentsTables: Sendable, Hashable {
    public var parts: [Payments]
    public var showsContract: Bool

    public init(_ parts: [Payments], showsContract: Bool) {
        self.parts = parts; self.showsContract = showsContract
    }

    /// How many leading columns name the contract (`AMAP`, `Contrat`).
    public var lead: Int { showsContract ? 2 : 0 }

    func leading(_ titles: [String]) -> [String] { (showsContract ? ["AMAP", "Contrat"] : []) + titles }

    func leading(_ p: Payments, _ cells: [CSVTable.Field]) -> [CSVTable.Field] {
        (showsContract ? [.text(p.groupName), .text(p.contractName)] : []) + cells
    }

    /// Totals placed `lead` columns to the right.
    func shifted(_ totals: [Int: CSVTable.Field], by offset: Int) -> [Int: CSVTable.Field] {
        Dictionary(uniqueKeysWithValues: totals.map { ($0.key + offset, $0.value) })
    }

    /// One row per subscription: what was ordered and paid, the balance and its status.
    public var contracts: PaymentsTable {
        let titles = leading(["Foyer", "Alterné avec", "Début", "Fin", "Distributions", "Commandé", "Paiements", "Payé",
                              "Solde", "Statut"])
        let rows = parts.flatMap { p in
            p.contracts.map { c in
                leading(p, [.text(c.household), c.partner.map { .text($0) } ?? .empty, .date(c.start), .date(c.end),
                            .integer(c.distributions), .money(c.ordered), .integer(c.paymentCount), .money(c.paid),
                            .money(c.balance), .text(c.status.rawValue)])
            }
        }
        let contracts = parts.flatMap(\.contracts)
        return PaymentsTable(titles: titles, rows: rows, totals: shifted([
            4: .integer(contracts.map(\.distributions).reduce(0, +)), 5: .money(parts.map(\.totalOrdered).sum()),
            6: .integer(parts.map(\.payments.count).reduce(0, +)), 7: .money(parts.map(\.totalPaid).sum()),
            8: .money(parts.map(\.totalBalance).sum())], by: lead), unmeasuredTotals: [lead + 8])
    }

    /// Every payment, refunds negative.
    public var payments: PaymentsTable {
        let rows = parts.flatMap { p in
            p.payments.map { payment in
                leading(p, [.text(payment.household), .date(payment.date), .text(payment.kind.label),
                            payment.label.isEmpty ? .empty : .text(payment.label), .money(payment.amount)])
            }
        }
        return PaymentsTable(titles: leading(["Foyer", "Date", "Type", "Libellé", "Montant"]), rows: rows,
                             totals: [lead + 4: .money(parts.map(\.totalPaid).sum())])
    }

    /// The checks to deposit, numbered from 1; with several contracts, each check's payee too.
    public var checks: PaymentsTable {
        let payee = showsContract ? ["À l'ordre de"] : []
        var rows: [[CSVTable.Field]] = []
        for p in parts {
            let payeeCell: [CSVTable.Field] = showsContract ? [p.payee.map { .text($0) } ?? .empty] : []
            for check in p.checks {
                rows.append(leading(p, payeeCell + [.integer(rows.count + 1), check.label.isEmpty ? .empty : .text(check.label),
                                                    .text(check.household), .date(check.date), .money(check.amount)]))
            }
        }
        return PaymentsTable(titles: leading(payee + ["N°", "N° de chèque", "Tireur", "Date", "Montant"]), rows: rows,
                             totals: [lead + payee.count + 4: .money(parts.map(\.checksTotal).sum())])
    }
}

extension VendorPayments {
    /// One row per contract: its group, period, subscriptions, and what was ordered and paid.
    public var summary: PaymentsTable {
        let rows: [[CSVTable.Field]] = contracts.map { p in
            [.text(p.groupName), .text(p.contractName), .date(p.period.lowerBound), .date(p.period.upperBound),
             .integer(p.contracts.count), .money(p.totalOrdered), .money(p.totalPaid), .money(p.totalBalance)]
        }
        return PaymentsTable(
            titles: ["AMAP", "Contrat", "Début", "Fin", "Souscriptions", "Commandé", "Payé", "Solde"], rows: rows,
            totals: [4: .integer(contracts.map(\.contracts.count).reduce(0, +)), 5: .money(totalOrdered),
                     6: .money(totalPaid), 7: .money(totalBalance)])
    }

    /// The tables of every contract, each row led by its group and contract.
    public var tables: PaymentsTables { PaymentsTables(contracts, showsContract: true) }

    /// Every table as CSV (`--format csv`), named for its file: `recapitulatif`, `contrats`,
    /// `paiements`, `remise-cheques`. An empty season gives the summary alone, saying so.
    public var csvTables: [(name: String, table: CSVTable)] {
        guard !isEmpty else { return [("recapitulatif", CSVTable(rows: [[.text(emptyMessage)]]))] }
        return [("recapitulatif", summary.csv)] + tables.csvTables
    }
}

extension PaymentsTables {
    /// `contrats`, `paiements`, `remise-cheques`.
    public var csvTables: [(name: String, table: CSVTable)] {
        [("contrats", contracts.csv), ("paiements", payments.csv), ("remise-cheques", checks.csv)]
    }
}

extension Payments {
    /// The single-contract tables as CSV: `contrats`, `paiements`, `remise-cheques`.
    public var csvTables: [(name: String, table: CSVTable)] { PaymentsTables([self], showsContract: false).csvTables }
}
