import CageotCore

/// The households of one distribution, one per confirmed basket, sorted by last name then first
/// name ignoring case and accents: the rows of both distribution sheets.
struct DistributionHousehold {
    var member: Member
    var basketId: Int
    var basketNumber: Int
    /// Today's lines of the contract, in product-name order.
    var lines: [OrderLine]

    var delivered: Money { lines.map(\.amount).sum() }

    static func sorted(_ data: DistributionSheetData) -> [DistributionHousehold] {
        let membersById = Dictionary(data.members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unsorted: [(key: [String], household: DistributionHousehold)] = Dictionary(grouping: data.lines, by: \.basketId).map { basketId, lines in
            let first = lines[0]
            let member = membersById[first.householdId]
                ?? Member(id: first.householdId, firstName: "", lastName: "Compte n°\(first.householdId)")
            let ordered = Collation.sorted(lines) { [$0.product.name, String($0.product.id), String($0.id)] }
            return (member.sortKey + [String(basketId)],
                    DistributionHousehold(member: member, basketId: basketId, basketNumber: first.basketNumber, lines: ordered))
        }
        return Collation.sorted(unsorted, by: \.key).map(\.household)
    }
}

extension DistributionInfo {
    /// `jeudi 3 décembre 2026, 18h – 19h30`.
    var when: String { SessionSheet.describe(start: start, end: end) }

    /// `Salle des fêtes — 3 rue de l'Église, 44400 Rezé`.
    var place: String { [placeName.nonBlank, placeAddress.nonBlank].compactMap { $0 }.joined(separator: " — ") }
}
