import CageotCore
import Foundation

extension VendorOrders {
    /// Every table of the workbook as CSV (`--format csv`): the summary, then one table per
    /// distribution, each named for its file (`recapitulatif`, `amap-de-reze-2026-12-03-12`).
    public var csvTables: [(name: String, table: CSVTable)] {
        var summary = CSVTable()
        summary.append((["Produit", "Unité", "Total à préparer"] + distributions.map(\.label)
            + ["TVA (%)", "Montant TTC", "Montant HT", "TVA"]).map { .text($0) })
        if isEmpty { summary.append([.text("Aucune commande pour cette semaine")]) }
        for product in products {
            summary.append([.text(product.name), .text(product.unit), .number(product.quantity)]
                + product.perDistribution.map { $0.map { .number($0) } ?? .empty }
                + [.number(product.vatRate), .money(product.amount), .money(product.amountExcludingVAT), .money(product.vat)])
        }
        if !isEmpty {
            summary.append([.text("Total"), .empty, .empty] + distributions.map { _ in .empty }
                + [.empty, .money(total), .money(totalExcludingVAT), .money(totalVAT)])
        }
        var tables = [("recapitulatif", summary)]
        for d in distributions {
            var table = CSVTable()
            table.append(["N°", "Foyer", "Téléphone", "Produit", "Quantité", "Prix unitaire", "Montant"].map { .text($0) })
            for household in d.households {
                for line in household.lines {
                    table.append([.integer(household.basketNumber), .text(household.name), household.phone.map { .text($0) } ?? .empty,
                                  .text(line.product), .number(line.quantity), .number(line.unitPrice), .money(line.amount)])
                }
                table.append([.integer(household.basketNumber), .text("Sous-total \(household.name)"), .empty, .empty, .empty, .empty,
                              .money(household.total)])
            }
            table.append([.empty, .text("Total"), .empty, .empty, .empty, .empty, .money(d.total)])
            tables.append(("\(FileName.slug(d.groupName))-\(d.date)-\(d.id)", table))
        }
        return tables
    }
}
