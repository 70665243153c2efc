import CageotCore
import Foundation

extension SessionSheet {
    /// One entry per person: the main contact first, then the coordinators, then the farmers,
    /// each with all the contracts they hold. Members' phones are dropped when the group hides
    /// them; farmers' professional phones stay.
    static func contacts(_ data: SessionContacts, hidePhone: Bool) -> [Contact] {
        var people: [(member: Member, main: Bool, contracts: [String])] = data.mainContact.map { [($0, true, [])] } ?? []
        for coordinator in Collation.sorted(data.coordinators, by: { $0.member.sortKey }) {
            if let i = people.firstIndex(where: { $0.member.id == coordinator.member.id }) {
                people[i].contracts.append(coordinator.contractName)
            } else {
                people.append((coordinator.member, false, [coordinator.contractName]))
            }
        }
        let members = people.map { person in
            let roles = (person.main ? ["contact du groupe"] : []) + (person.contracts.isEmpty ? [] : ["référent " + list(person.contracts)])
            return Contact(name: person.member.displayName.nonBlank ?? "Compte n°\(person.member.id)", role: capitalized(roles.joined(separator: " · ")),
                           phone: hidePhone ? nil : person.member.phone?.nonBlank, email: person.member.email?.nonBlank, isMember: true)
        }
        var farms: [(farmer: SessionContacts.Farmer, contracts: [String])] = []
        for farmer in data.farmers {
            if let i = farms.firstIndex(where: { $0.farmer.vendorId == farmer.vendorId }) {
                farms[i].contracts.append(farmer.contractName)
            } else {
                farms.append((farmer, [farmer.contractName]))
            }
        }
        let farmers = Collation.sorted(farms, by: { [$0.farmer.name, String($0.farmer.vendorId)] }).map { farm in
            let f = farm.farmer
            let name = f.name.nonBlank ?? "Producteur n°\(f.vendorId)"
            return Contact(name: f.peopleName?.nonBlank.map { "\(name) (\($0))" } ?? name, role: "Producteur " + list(farm.contracts),
                           phone: f.phone?.nonBlank, email: f.email?.nonBlank, isMember: false)
        }
        return members + farmers
    }

    /// The sessions to come, dated `jeu. 10 déc.`, with who is on duty or nil for a slot to fill.
    static func planning(_ sessions: [CageotCore.PlannedSession]) -> [PlannedSession] {
        sessions.map { session in
            PlannedSession(date: dayAndMonth(session.start.date),
                           slots: session.slots.map { PlannedSession.Slot(role: $0.role, volunteer: $0.member?.displayName) })
        }
    }

    static let changeTitles: [SessionChanges.Item.Kind: String] = [
        .newSubscription: "Nouveaux contrats", .endedSubscription: "Contrats terminés",
        .absence: "Absents à cette distribution", .cancelledLine: "Lignes annulées",
        .changedQuantity: "Quantités modifiées — contrats variables",
    ]

    /// The changes grouped by kind (kinds without any left out), households sorted by surname
    /// ignoring case and accents.
    static func changes(_ data: SessionChanges) -> Changes {
        guard let previous = data.previous else { return Changes(previous: nil) }
        let groups = SessionChanges.Item.Kind.allCases.compactMap { kind -> Changes.Group? in
            let items = data.items.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            let sorted = Collation.sorted(items) { $0.member.sortKey + [$0.contractName, $0.product?.name ?? "", $0.date?.description ?? ""] }
            return Changes.Group(title: "\(changeTitles[kind]!) (\(items.count))", rows: sorted.map { item in
                Changes.Row(household: item.member.householdName, abbreviatedHousehold: item.member.abbreviatedHouseholdName,
                            contract: item.contractName, detail: detail(item))
            })
        }
        return Changes(previous: FrenchFormat.longDate(previous.start.date), groups: groups)
    }

    static func detail(_ item: SessionChanges.Item) -> String {
        let product = item.product?.name ?? ""
        let quantity = { (q: Decimal) in item.product?.formatQuantity(q) ?? FrenchFormat.decimal(q) }
        switch item.kind {
        case .newSubscription: return item.date.map { "à partir du \(FrenchFormat.shortDate($0))" } ?? ""
        case .endedSubscription: return item.date.map { "jusqu'au \(FrenchFormat.shortDate($0))" } ?? ""
        case .absence: return "absence prévue"
        case .cancelledLine: return "\(product) : annulé"
        case .changedQuantity:
            switch (item.before, item.after) {
            case let (nil, after?): return "\(product) : nouveau, \(quantity(after))"
            case let (before?, nil): return "\(product) : plus commandé (\(quantity(before)) la dernière fois)"
            case let (before?, after?): return "\(product) : \(quantity(before)) → \(quantity(after))"
            case (nil, nil): return product
            }
        }
    }

    static let shortWeekdays = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    static let shortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]

    /// `jeu. 10 déc.` (`1er` for the first of the month).
    public static func dayAndMonth(_ date: LocalDate) -> String {
        "\(shortWeekdays[date.weekdayIndex]) \(date.day == 1 ? "1er" : String(date.day)) \(shortMonths[date.month - 1])"
    }

    static func list(_ names: [String]) -> String {
        Array(Set(names)).sorted { Collation.precedes([$0], [$1]) }.joined(separator: ", ")
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
