import CageotCore
import Foundation

extension UsageReport {
    /// The per-AMAP table's columns, shared by the workbook's "Par AMAP" sheet and the CSV.
    public static let groupColumns = ["AMAP", "Statut", "Foyers actifs", "Adhérents", "Adhésions payées", "Montant des adhésions",
                                      "Contrats actifs", "Producteurs", "Distributions", "Paniers", "Lignes de commande",
                                      "Chiffre d'affaires TTC", "Permanences tenues", "Rôles à pourvoir"]

    /// The per-AMAP table as CSV (`--csv`): one row per AMAP, its share when there is a cost file,
    /// and a total row of the additive figures.
    public var csvTable: CSVTable {
        var table = CSVTable()
        table.append((Self.groupColumns + (costs == nil ? [] : ["Part des frais d'hébergement"])).map { .text($0) })
        for row in rows {
            let f = row.group.figures
            var fields: [CSVTable.Field] = [.text(row.group.name), .text(row.status), .integer(f.activeHouseholds), .integer(f.members),
                                            .integer(f.membershipsPaid), .money(f.membershipAmount), .integer(f.activeContracts),
                                            .integer(f.vendors), .integer(f.sessionsHeld), .integer(f.baskets), .integer(f.orderLines),
                                            .money(f.turnover), .integer(f.dutiesFilled), .integer(f.dutiesNeeded)]
            if costs != nil { fields.append(row.share.map { .money($0.amount) } ?? .empty) }
            table.append(fields)
        }
        var total: [CSVTable.Field] = [.text("Total"), .empty, .integer(sum(\.activeHouseholds)), .integer(sum(\.members)),
                                       .integer(sum(\.membershipsPaid)), .money(sum(\.membershipAmount)), .integer(sum(\.activeContracts)),
                                       .integer(sum(\.vendors)), .integer(sum(\.sessionsHeld)), .integer(sum(\.baskets)),
                                       .integer(sum(\.orderLines)), .money(sum(\.turnover)), .integer(sum(\.dutiesFilled)),
                                       .integer(sum(\.dutiesNeeded))]
        if costs != nil { total.append(.money(totalShares)) }
        table.append(total)
        return table
    }
}
