import CageotCore
import Foundation

extension DistributionMatrix {
    /// Builds the matrix: one row per confirmed basket, one column per product ordered, exact totals.
    public init(_ data: DistributionSheetData) {
        let d = data.distribution
        let households = DistributionHousehold.sorted(data)
        var firstLine: [Int: OrderLine] = [:]
        for line in data.lines where firstLine[line.product.id] == nil { firstLine[line.product.id] = line }
        let columns = Collation.sorted(Array(firstLine.values)) { [$0.product.name, String($0.product.id)] }.map(\.product)

        let products = columns.map { product in
            let lines = data.lines.filter { $0.product.id == product.id }
            let tally = DistributionMatrix.tally(product)
            let quantity = DistributionMatrix.quantity(of: lines, product: product, tally: tally)
            return Product(id: product.id, name: product.name, tally: tally, quantity: quantity,
                           total: DistributionMatrix.format(quantity, tally: tally, total: true),
                           amount: lines.map(\.amount).sum())
        }
        let rows = households.map { household in
            let byProduct = Dictionary(grouping: household.lines, by: \.product.id)
            let cells = columns.map { product -> String in
                guard let lines = byProduct[product.id] else { return "" }
                let tally = DistributionMatrix.tally(product)
                return DistributionMatrix.format(DistributionMatrix.quantity(of: lines, product: product, tally: tally), tally: tally, total: false)
            }
            return Household(basketNumber: household.basketNumber, name: household.member.householdName, cells: cells,
                             total: household.delivered)
        }
        self.init(distributionId: d.id, groupName: d.groupName, contractName: d.catalogName, farmName: d.vendorName,
                  date: FrenchFormat.longDate(d.start.date), when: d.when, place: d.place, products: products,
                  households: rows, total: rows.map(\.total).sum(), currency: d.currency)
    }

    static func tally(_ product: ProductInfo) -> Tally {
        if product.multiWeight { return .pieces }
        if product.isMeasured { return .measure(unit: product.unitType?.symbol ?? "") }
        return .count
    }

    /// Pieces: the number of lines; a measure: Σ quantity × quantity per unit; a count: Σ quantity.
    static func quantity(of lines: [OrderLine], product: ProductInfo, tally: Tally) -> Decimal {
        switch tally {
        case .pieces: Decimal(lines.count)
        case .measure: lines.reduce(Decimal(0)) { $0 + $1.quantity } * (product.qt ?? 1)
        case .count: lines.reduce(Decimal(0)) { $0 + $1.quantity }
        }
    }

    /// `2`, `1,5 kg`; a total of pieces says so (`3 pièces`).
    static func format(_ quantity: Decimal, tally: Tally, total: Bool) -> String {
        let number = FrenchFormat.decimal(quantity)
        switch tally {
        case .pieces: return total ? "\(number)\u{00A0}pièce\(quantity > 1 ? "s" : "")" : number
        case let .measure(unit): return unit.isEmpty ? number : "\(number)\u{00A0}\(unit)"
        case .count: return number
        }
    }
}
