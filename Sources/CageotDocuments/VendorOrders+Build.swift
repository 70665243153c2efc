import CageotCore
import Foundation

extension VendorOrders {
    /// Builds the workbook's content: exact cents everywhere, households and products sorted
    /// ignoring case and accents.
    public init(_ data: VendorOrdersData) {
        let byDistribution = Dictionary(grouping: data.lines, by: \.distributionId)
        let members = Dictionary(data.members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let distributions = data.distributions.map { d in
            VendorOrders.distribution(d, lines: (byDistribution[d.id] ?? []).map(\.line), members: members)
        }

        // A farm's product exists once per AMAP (one catalog each): the same name, unit, measure and
        // VAT make one row of what to prepare, with a column per distribution.
        func sameProduct(_ p: ProductInfo) -> String {
            [Collation.key(p.name.nonBlank ?? "Produit \(p.id)"), "\(p.unitType?.rawValue ?? -1)", "\(p.qt ?? 0)",
             "\(p.bulk)\(p.variablePrice)\(p.multiWeight)", "\(p.vat)"].joined(separator: "|")
        }
        var firstLine: [String: OrderLine] = [:]
        for entry in data.lines where firstLine[sameProduct(entry.line.product)] == nil {
            firstLine[sameProduct(entry.line.product)] = entry.line
        }
        let columns = Collation.sorted(Array(firstLine.values)) { [$0.product.name, String($0.product.id)] }.map(\.product)
        let linesByProduct = Dictionary(grouping: data.lines, by: { sameProduct($0.line.product) })
        let products = columns.map { product in
            let entries = linesByProduct[sameProduct(product)] ?? []
            let tally = DistributionMatrix.tally(product)
            let lines = entries.map(\.line)
            let perDistribution = data.distributions.map { d -> Decimal? in
                let here = entries.filter { $0.distributionId == d.id }.map(\.line)
                return here.isEmpty ? nil : DistributionMatrix.quantity(of: here, product: product, tally: tally)
            }
            let amount = lines.map(\.amount).sum()
            let excluding = VendorOrders.excludingVAT(amount, rate: product.vat)
            return Product(id: product.id, name: VendorOrders.label(product, tally: tally), tally: tally,
                           unit: VendorOrders.unit(tally), quantity: DistributionMatrix.quantity(of: lines, product: product, tally: tally),
                           perDistribution: perDistribution, vatRate: product.vat, amount: amount,
                           amountExcludingVAT: excluding, vat: amount - excluding)
        }
        let rates = Dictionary(grouping: products, by: \.vatRate).sorted { $0.key < $1.key }.map { rate, rows in
            RateTotal(rate: rate, amount: rows.map(\.amount).sum(), amountExcludingVAT: rows.map(\.amountExcludingVAT).sum(),
                      vat: rows.map(\.vat).sum())
        }
        let range = "du \(FrenchFormat.shortDate(data.from)) au \(FrenchFormat.shortDate(data.to))"
        self.init(vendorName: data.vendor.name, title: "Commandes — \(data.vendor.name) — \(range)",
                  from: data.from, to: data.to, distributions: distributions, products: products, rates: rates,
                  total: products.map(\.amount).sum(), totalExcludingVAT: products.map(\.amountExcludingVAT).sum(),
                  totalVAT: products.map(\.vat).sum())
    }

    /// The amount excluding VAT of a product's total: incl. / (1 + rate/100), computed in decimal and
    /// rounded half away from zero to the cent once per product total (not per line), so that a
    /// rate's excl. is the sum of its products' and the VAT is always incl. − excl. exactly.
    public static func excludingVAT(_ amount: Money, rate: Decimal) -> Money {
        guard rate != 0 else { return amount }
        return Money(rounding: amount.decimal / (1 + rate / 100))
    }

    /// `AMAP de Rezé — jeu. 3 déc.`
    public static func label(groupName: String, date: LocalDate) -> String {
        let weekdays = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
        let months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        let day = date.day == 1 ? "1er" : String(date.day)
        let group = groupName.nonBlank ?? "Groupe"
        return "\(group) — \(weekdays[date.weekdayIndex]) \(day) \(months[date.month - 1])"
    }

    static func unit(_ tally: DistributionMatrix.Tally) -> String {
        switch tally {
        case .pieces: "pièces"
        case let .measure(unit): unit
        case .count: ""
        }
    }

    /// The product's name with its unit, unless the name already says it.
    static func label(_ product: ProductInfo, tally: DistributionMatrix.Tally) -> String {
        let name = product.name.nonBlank ?? "Produit \(product.id)"
        guard case let .measure(unit) = tally, !unit.isEmpty, !name.contains("(\(unit))") else { return name }
        return "\(name) (\(unit))"
    }

    static func distribution(_ d: VendorDistribution, lines: [OrderLine], members: [Int: Member]) -> Distribution {
        let byBasket = Dictionary(grouping: lines, by: \.basketId)
        let baskets = byBasket.values.map { lines -> (Member, [OrderLine]) in
            let householdId = lines[0].householdId
            return (members[householdId] ?? Member(id: householdId, firstName: "", lastName: "Foyer \(householdId)"), lines)
        }
        let sorted = Collation.sorted(baskets) { $0.0.sortKey + [String($0.1[0].basketId)] }
        let households = sorted.map { member, lines in
            let rows = lines.map { Line(product: $0.product.name, quantity: $0.quantity, unitPrice: $0.unitPrice, amount: $0.amount) }
            let phones = member.phones.joined(separator: " / ")
            return Household(basketNumber: lines[0].basketNumber, name: member.householdName,
                             phone: d.hidePhone || phones.isEmpty ? nil : phones, lines: rows, total: rows.map(\.amount).sum())
        }
        return Distribution(id: d.id, groupName: d.groupName, contractName: d.catalogName, date: d.start.date,
                            label: label(groupName: d.groupName, date: d.start.date), showsPhones: !d.hidePhone,
                            households: households, total: households.map(\.total).sum())
    }
}
