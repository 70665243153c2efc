import CageotCore

extension SessionSheet {
    /// Builds the sheet: one household per confirmed basket, sorted by last name then first name
    /// ignoring case and accents; lines in contract then product order; totals in exact cents.
    public init(_ data: SessionSheetData) {
        let session = data.session
        let membersById = Dictionary(data.members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byBasket = Dictionary(grouping: data.lines, by: \.basketId)

        let unsorted: [(key: [String], household: Household)] = byBasket.map { _, lines in
            let first = lines[0]
            let member = membersById[first.householdId] ?? Member(id: first.householdId, firstName: "", lastName: "Compte n°\(first.householdId)")
            let sheetLines = lines.map { line in
                Line(quantity: line.product.formatQuantity(line.quantity), product: line.product.name,
                     contract: line.contractName, unitPrice: Money(rounding: line.unitPrice), amount: line.amount)
            }
            let household = Household(basketNumber: first.basketNumber, name: member.householdName,
                                      abbreviatedName: member.abbreviatedHouseholdName,
                                      phones: session.hidePhone ? [] : member.phones,
                                      lines: sheetLines, total: sheetLines.map(\.amount).sum(),
                                      balance: data.balances[member.id].map { Money(rounding: $0) })
            return (member.sortKey + [String(first.basketId)], household)
        }
        let households = Collation.sorted(unsorted, by: \.key)

        self.init(
            sessionId: session.id,
            groupName: session.groupName,
            when: SessionSheet.describe(start: session.start, end: session.end),
            date: FrenchFormat.longDate(session.start.date),
            place: [session.placeName.nonBlank, session.placeAddress.nonBlank].compactMap { $0 }.joined(separator: " — "),
            volunteers: data.volunteers.map { "\($0.role) : \($0.member?.displayName ?? "à pourvoir")" },
            households: households.map(\.household),
            notes: session.txtDistrib.map(PlainText.fromHTML)?.nonBlank,
            logo: data.logo,
            phonesHidden: session.hidePhone,
            total: households.map(\.household.total).sum(),
            currency: session.currency,
            contracts: Array(Set(data.lines.map(\.contractName))).sorted { Collation.precedes([$0], [$1]) })
        contacts = Self.contacts(data.contacts, hidePhone: session.hidePhone)
        planning = Self.planning(data.planning)
        changes = Self.changes(data.changes)
    }

    /// `jeudi 3 décembre 2026, 18h – 19h30` (the end's date too when it is another day).
    static func describe(start: LocalDateTime, end: LocalDateTime) -> String {
        let day = FrenchFormat.longDate(start.date)
        if end.date == start.date {
            return "\(day), \(FrenchFormat.time(start)) – \(FrenchFormat.time(end))"
        }
        return "\(day), \(FrenchFormat.time(start)) – \(FrenchFormat.longDate(end.date)), \(FrenchFormat.time(end))"
    }
}
