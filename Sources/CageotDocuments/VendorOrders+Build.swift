import CageotCore
import Foundation

extension VendorOrders {
    /// Builds the workbook's content: exact cents everywhere, households and products sorted
    /// ignoring case and accents.
    public init(_ data: VendorOrdersData) {
        let byDistribution = Dictionary(grouping: data.lines, by: \.distributionId)
        let members = Dictionary(data.members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let distributions = data.distributions.map { d in
            VendorOrders.distribution(d, entries: byDistribution[d.id] ?? [], members: members)
        }

        // A farm's product exists once per AMAP (one catalog each): the same name, unit, measure and
        // VAT make one row of what to prepare, with a column per distribution.
        func sameProduct(_ p: ProductInfo) -> String {
            [Collation.key(p.name.nonBlank ?? "Produit \(p.id)"), "\(p.unitType?.rawValue ?? -1)", "\(p.qt ?? 0)",
             "\(p.bulk)\(p.variablePrice)\(p.multiWeight)", "\(p.vat)"].joined(separator: "|")
        }
        // The key once per product row, not once per line: folding names dominates otherwise.
        var keys: [Int: String] = [:]
        var firstLine: [String: OrderLine] = [:]
        var linesByProduct: [String: [VendorOrderLine]] = [:]
        for entry in data.lines {
            let product = entry.line.product
            let key = keys[product.id] ?? sameProduct(product)
            keys[product.id] = key
            if firstLine[key] == nil { firstLine[key] = entry.line }
            linesByProduct[key, default: []].append(entry)
        }
        let columns = Collation.sorted(Array(firstLine.values)) { [$0.product.name, String($0.product.id)] }.map(\.product)
        let products = columns.map { product in
            let entries = linesByProduct[keys[product.id]!] ?? []
            let tally = DistributionMatrix.tally(product)
            let lines = entries.map(\.line)
            let here = Dictionary(grouping: entries, by: \.distributionId)
            let perDistribution = data.distributions.map { d -> Decimal? in
                guard let lines = here[d.id]?.map(\.line) else { return nil }
                return DistributionMatrix.quantity(of: lines, product: product, tally: tally)
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
        "\(groupName.nonBlank ?? "Groupe") — \(shortDay(date))"
    }

    /// `jeu. 3 déc. AMAP de Rezé`: the day first, so that a name cut to Excel's 31 characters
    /// still tells the sheets apart.
    public static func sheetName(groupName: String, date: LocalDate) -> String {
        "\(shortDay(date)) \(groupName.nonBlank ?? "Groupe")"
    }

    /// `jeu. 3 déc.`, `mar. 1er déc.`
    static func shortDay(_ date: LocalDate) -> String {
        let weekdays = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
        let months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        return "\(weekdays[date.weekdayIndex]) \(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1])"
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

    static func distribution(_ d: VendorDistribution, entries: [VendorOrderLine], members: [Int: Member]) -> Distribution {
        func member(_ id: Int) -> Member { members[id] ?? Member(id: id, firstName: "", lastName: "Foyer \(id)") }
        // The matrix sheet's columns: the products delivered here, by name.
        var productRows: [Int: ProductInfo] = [:]
        for entry in entries where productRows[entry.line.product.id] == nil {
            productRows[entry.line.product.id] = entry.line.product
        }
        let columns = Collation.sorted(Array(productRows.values)) { [$0.name, String($0.id)] }.map { product in
            let tally = DistributionMatrix.tally(product)
            return MatrixColumn(productId: product.id, name: label(product, tally: tally), unit: unit(tally), tally: tally)
        }
        let byBasket = Dictionary(grouping: entries, by: \.line.basketId)
        let sorted = Collation.sorted(Array(byBasket.values)) { member($0[0].line.householdId).sortKey + [String($0[0].line.basketId)] }
        let households = sorted.map { entries in
            let holder = member(entries[0].line.householdId)
            let lines = entries.map(\.line)
            let rows = lines.map { Line(product: $0.product.name, quantity: $0.quantity, unitPrice: $0.unitPrice, amount: $0.amount) }
            let phones = holder.phones.joined(separator: " / ")
            let byProduct = Dictionary(grouping: lines, by: \.product.id)
            let quantities = columns.map { column in
                byProduct[column.productId].map { DistributionMatrix.quantity(of: $0, product: $0[0].product, tally: column.tally) }
            }
            return Household(basketNumber: lines[0].basketNumber, name: holder.householdName,
                             turn: turn(entries, ordinal: d.ordinal, holder: holder, member: member),
                             phone: d.hidePhone || phones.isEmpty ? nil : phones, lines: rows, quantities: quantities,
                             total: rows.map(\.amount).sum())
        }
        let totals = columns.indices.map { index in households.compactMap { $0.quantities[index] }.reduce(Decimal(0), +) }
        return Distribution(id: d.id, groupName: d.groupName, contractName: d.catalogName, date: d.start.date,
                            label: label(groupName: d.groupName, date: d.start.date),
                            sheetName: sheetName(groupName: d.groupName, date: d.start.date), showsPhones: !d.hidePhone,
                            households: households, columns: columns, columnTotals: totals,
                            total: households.map(\.total).sum())
    }

    /// For a basket shared in alternation (`"UserOrder".userId2`), who collects it at this
    /// distribution, by CAMAP's rule (`ContractGridSheet.turn`); nil for a basket not shared.
    static func turn(_ entries: [VendorOrderLine], ordinal: Int, holder: Member, member: (Int) -> Member) -> String? {
        guard let shared = entries.first(where: { $0.partnerId != nil }), let partnerId = shared.partnerId else { return nil }
        switch ContractGridSheet.turn(ordinal: ordinal, startsWithPartner: shared.startsWithPartner) {
        case .holder: return holder.householdName
        case .partner: return member(partnerId).householdName
        }
    }
}
