import CageotCore
import Foundation

extension VendorOrders {
    /// Every table of the workbook as CSV (`--format csv`): the summary, then two tables per
    /// distribution (by household, and product × household), each named for its file
    /// (`recapitulatif`, `amap-de-reze-2026-12-03-12`, `amap-de-reze-2026-12-03-12-grille`).
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
            table.append(["N°", "Foyer", "Panier alterné : tour de", "Téléphone", "Produit", "Quantité", "Prix unitaire", "Montant"]
                .map { .text($0) })
            for household in d.households {
                let turn: CSVTable.Field = household.turn.map { .text($0) } ?? .empty
                for line in household.lines {
                    table.append([.integer(household.basketNumber), .text(household.name), turn, household.phone.map { .text($0) } ?? .empty,
                                  .text(line.product), .number(line.quantity), .number(line.unitPrice), .money(line.amount)])
                }
                table.append([.integer(household.basketNumber), .text("Sous-total \(household.name)"), .empty, .empty, .empty, .empty,
                              .empty, .money(household.total)])
            }
            table.append([.empty, .text("Total"), .empty, .empty, .empty, .empty, .empty, .money(d.total)])
            let stem = "\(FileName.slug(d.groupName))-\(d.date)-\(d.id)"
            tables.append((stem, table))

            var matrix = CSVTable()
            matrix.append((["N°", "Foyer", "Panier alterné : tour de"] + d.columns.map(\.name) + ["Montant"]).map { .text($0) })
            for household in d.households {
                matrix.append([.integer(household.basketNumber), .text(household.name), household.turn.map { .text($0) } ?? .empty]
                    + household.quantities.map { $0.map { .number($0) } ?? .empty } + [.money(household.total)])
            }
            matrix.append([.empty, .text("Total"), .empty] + d.columnTotals.map { .number($0) } + [.money(d.total)])
            tables.append(("\(stem)-grille", matrix))
        }
        return tables
    }
}
