import CageotCore
import Foundation

extension ContractGridSheet {
    /// Builds the grid: rows sorted by the holder's last name then first name ignoring case and
    /// accents, a column per distribution, each cell decided from the subscription's lines at that
    /// distribution, its declared absences and its period (in that order: a line means a basket,
    /// whatever the absence list says).
    public init(_ data: ContractGridData, _ options: ContractGridOptions = ContractGridOptions()) {
        let contract = data.contract
        let distributions = data.distributions.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let linesBySubscription = ContractGridSheet.assign(data.lines, to: data.subscriptions, distributions: distributions)
        let productsById = Dictionary(data.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var contactTitles: [String] = []
        if options.contact != .none && !contract.hidePhone { contactTitles.append("Téléphone") }
        if options.contact == .phoneAndEmail { contactTitles.append("E-mail") }
        func person(_ member: Member, name: String) -> Person {
            Person(name: name, contact: contactTitles.map { $0 == "E-mail" ? member.email?.nonBlank ?? "" : member.phones.joined(separator: "\n") })
        }

        var baskets: [Int: [BasketItem]] = [:]
        let unsorted: [(key: [String], row: Row)] = data.subscriptions.map { sub in
            let lines = Dictionary(grouping: linesBySubscription[sub.id] ?? [], by: \.distributionId)
            let absent = Set(sub.absentDistributionIds)
            let cells: [Cell] = distributions.map { d in
                if let here = lines[d.id], !here.isEmpty {
                    guard sub.partner != nil else { return .sign }
                    let turn = ContractGridSheet.turn(ordinal: d.ordinal, startsWithPartner: here.contains(where: \.startsWithPartner))
                    return .turn(person: turn == .holder ? 0 : 1)
                }
                if absent.contains(d.id) { return .absent }
                return sub.covers(d.date) ? .noOrder : .notSubscribed
            }
            baskets[sub.id] = ContractGridSheet.basket(sub, lines: lines, distributions: distributions, products: productsById)
            var people = [person(sub.member, name: sub.member.householdName)]
            if let partner = sub.partner { people.append(person(partner, name: "↔ " + partner.householdName)) }
            return (sub.member.sortKey + [String(sub.id)], Row(subscriptionId: sub.id, people: people, basket: [], cells: cells))
        }
        var rows = Collation.sorted(unsorted, by: \.key).map(\.row)

        let basketTitles: [String]
        switch options.basket {
        case .oneColumn:
            basketTitles = ["Contrat / Panier"]
            for i in rows.indices {
                rows[i].basket = [(baskets[rows[i].subscriptionId] ?? []).map(\.description).joined(separator: ", ")]
            }
        case .perProduct:
            let all = Dictionary(baskets.values.joined().map { ($0.product.id, $0.product) }, uniquingKeysWith: { a, _ in a })
            let products = all.values.sorted { $0.id < $1.id }
            basketTitles = products.map(\.name)
            for i in rows.indices {
                let items = baskets[rows[i].subscriptionId] ?? []
                rows[i].basket = products.map { product in
                    items.first { $0.product.id == product.id }.map { product.formatQuantity($0.quantity) } ?? ""
                }
            }
        }

        self.init(catalogId: contract.id, groupName: contract.groupName, contractName: contract.name,
                  vendorName: contract.vendorName, period: ContractGridSheet.describe(from: data.from, to: data.to),
                  from: data.from, to: data.to,
                  dates: distributions.map { d in
                      let title = ContractGridSheet.dateTitle(d.date.date, format: options.dateFormat)
                      return DateColumn(distributionId: d.id, date: d.date.date, title: d.quantities > 1 ? "\(title)\n×\(d.quantities)" : title)
                  },
                  basketTitles: basketTitles, contactTitles: contactTitles, rows: rows, phonesHidden: contract.hidePhone)
    }

    /// A product and its quantity in a household's usual basket.
    struct BasketItem {
        var product: ProductInfo
        var quantity: Decimal

        /// `2 × Œufs (boîte de 12)`, or `1,5 kg Farine` for a product sold by weight.
        var description: String {
            let quantity = product.formatQuantity(quantity)
            return product.isMeasured ? "\(quantity) \(product.name)" : "\(quantity) × \(product.name)"
        }
    }

    /// Each line goes to its subscription; lines older than subscriptions (no `subscriptionId`)
    /// go to the holder's subscription covering the distribution, or their only one.
    static func assign(_ lines: [ContractGridData.Line], to subscriptions: [ContractGridData.Subscription],
                       distributions: [ContractGridData.Distribution]) -> [Int: [ContractGridData.Line]] {
        let known = Set(subscriptions.map(\.id))
        let dates = Dictionary(distributions.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        let byHolder = Dictionary(grouping: subscriptions, by: \.member.id)
        var assigned: [Int: [ContractGridData.Line]] = [:]
        for line in lines {
            if let id = line.subscriptionId, known.contains(id) {
                assigned[id, default: []].append(line)
                continue
            }
            let candidates = byHolder[line.userId] ?? []
            let owner = dates[line.distributionId].flatMap { date in candidates.first { $0.covers(date) } }
                ?? (candidates.count == 1 ? candidates[0] : nil)
            if let owner { assigned[owner.id, default: []].append(line) }
        }
        return assigned
    }

    /// The usual basket, in catalog order: the lines of the latest distribution of the range where there are some
    /// (a single delivery preferred; a multiple one is divided by its `quantities`), else the
    /// subscription's `defaultOrders` (a household absent all along the range).
    static func basket(_ sub: ContractGridData.Subscription, lines: [Int: [ContractGridData.Line]],
                       distributions: [ContractGridData.Distribution], products: [Int: ProductInfo]) -> [BasketItem] {
        let delivered = distributions.filter { !(lines[$0.id] ?? []).isEmpty }
        var items: [BasketItem] = []
        if let chosen = delivered.last(where: { $0.quantities <= 1 }) ?? delivered.last {
            var totals: [Int: BasketItem] = [:]
            for line in lines[chosen.id] ?? [] {
                totals[line.product.id, default: BasketItem(product: line.product, quantity: 0)].quantity += line.quantity
            }
            let divisor = Decimal(max(1, chosen.quantities))
            items = totals.values.map { BasketItem(product: $0.product, quantity: $0.quantity / divisor) }
        } else {
            items = sub.defaultOrders.compactMap { order in
                products[order.productId].map { BasketItem(product: $0, quantity: order.quantity) }
            }
        }
        // In the catalog's order (product ids), which puts the main basket first.
        return items.sorted { $0.product.id < $1.product.id }
    }

    static let shortWeekdays = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    static let shortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]

    /// `03/12`, or `jeu. 3 déc.` (`1er` for the first of the month).
    public static func dateTitle(_ date: LocalDate, format: ContractGridOptions.DateFormat) -> String {
        switch format {
        case .short:
            return String(FrenchFormat.shortDate(date).prefix(5))
        case .long:
            let day = date.day == 1 ? "1er" : String(date.day)
            return "\(shortWeekdays[date.weekdayIndex]) \(day) \(shortMonths[date.month - 1])"
        }
    }

    /// `du 1er décembre 2026 au 31 décembre 2026`, or `le 3 décembre 2026` for one day.
    static func describe(from: LocalDate, to: LocalDate) -> String {
        func day(_ date: LocalDate) -> String {
            "\(date.day == 1 ? "1er" : String(date.day)) \(FrenchFormat.months[date.month - 1]) \(date.year)"
        }
        return from == to ? "le \(day(from))" : "du \(day(from)) au \(day(to))"
    }
}
