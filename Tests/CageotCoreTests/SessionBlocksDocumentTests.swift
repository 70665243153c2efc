import CageotCore
import CageotDocuments
import Foundation
import Testing

/// The optional blocks as document data: contacts merged per person, French short dates,
/// changes grouped and sorted, and every new field in the fingerprint.
struct SessionBlocksDocumentTests {
    static let session = SessionInfo(id: 20, groupId: 1, groupName: "AMAP", hidePhone: false, txtDistrib: nil, currency: "€",
                                     placeName: "Grange", placeAddress: "", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                                     end: LocalDateTime(iso: "2026-12-03 19:30")!)
    static let main = Member(id: 1, firstName: "Hélène", lastName: "DURAND", phone: "06 10 00 00 01", email: "helene@example.fr")
    static let contacts = SessionContacts(
        mainContact: main,
        coordinators: [.init(contractId: 2, contractName: "Pain", member: main),
                       .init(contractId: 1, contractName: "Légumes", member: Member(id: 2, firstName: "Marc", lastName: "ÉVRARD", phone: "06 20"))],
        farmers: [.init(vendorId: 7, name: "Fournil", phone: "02 40", contractName: "Pain"),
                  .init(vendorId: 7, name: "Fournil", phone: "02 40", contractName: "Brioches"),
                  .init(vendorId: 3, name: "Ferme", peopleName: "Jean Morin", contractName: "Légumes")])

    func sheet(hidePhone: Bool = false, changes: SessionChanges = SessionChanges()) -> SessionSheet {
        var session = Self.session
        session.hidePhone = hidePhone
        return SessionSheet(SessionSheetData(session: session, volunteers: [], members: [], lines: [], contacts: Self.contacts,
                                             changes: changes))
    }

    @Test(arguments: [("2026-12-10", "jeu. 10 déc."), ("2027-01-01", "ven. 1er janv."), ("2027-02-15", "lun. 15 févr."),
                      ("2026-08-02", "dim. 2 août")])
    func sessionsToComeAreDatedTheShortFrenchWay(iso: String, expected: String) {
        #expect(SessionSheet.dayAndMonth(LocalDate(iso: iso)!) == expected)
    }

    @Test func aPersonWithSeveralRolesIsListedOnce() {
        let contacts = sheet().contacts
        #expect(contacts.map(\.name) == ["DURAND Hélène", "ÉVRARD Marc", "Ferme (Jean Morin)", "Fournil"])
        #expect(contacts[0].role == "Contact du groupe · référent Pain")
        #expect(contacts[3].role == "Producteur Brioches, Pain")
        #expect(contacts.map(\.isMember) == [true, true, false, false])
    }

    @Test func hidePhoneDropsMembersPhonesButNotFarmers() {
        let contacts = sheet(hidePhone: true).contacts
        #expect(contacts.filter(\.isMember).allSatisfy { $0.phone == nil })
        #expect(contacts.last?.phone == "02 40" && contacts[0].email == "helene@example.fr")
    }

    @Test func changesAreGroupedByKindAndSortedBySurnameIgnoringAccents() {
        func member(_ id: Int, _ last: String) -> Member { Member(id: id, firstName: "X", lastName: last) }
        let flour = ProductInfo(id: 13, name: "Farine", qt: 1, unitType: .kilogram, bulk: true)
        let changes = SessionChanges(previous: .init(id: 19, start: LocalDateTime(iso: "2026-11-26 18:00")!), items: [
            .init(kind: .changedQuantity, member: member(3, "ZOLA"), contractName: "Pain", product: flour, before: 1.5, after: 2.25),
            .init(kind: .newSubscription, member: member(2, "ÉMERY"), contractName: "Légumes", date: LocalDate(year: 2026, month: 12, day: 1)),
            .init(kind: .newSubscription, member: member(1, "DUPONT"), contractName: "Pain", date: LocalDate(year: 2026, month: 12, day: 3)),
            .init(kind: .changedQuantity, member: member(4, "ABADIE"), contractName: "Pain", product: flour, before: nil, after: 1),
            .init(kind: .changedQuantity, member: member(5, "ÉLIE"), contractName: "Pain", product: flour, before: 2, after: nil),
        ])
        let groups = sheet(changes: changes).changes.groups
        #expect(groups.map(\.title) == ["Nouveaux contrats (2)", "Quantités modifiées — contrats variables (3)"])
        #expect(groups[0].rows.map(\.household) == ["DUPONT X", "ÉMERY X"])
        #expect(groups[1].rows.map(\.detail) == ["Farine : nouveau, 1\u{00A0}kg", "Farine : plus commandé (2\u{00A0}kg la dernière fois)",
                                                 "Farine : 1,5\u{00A0}kg → 2,25\u{00A0}kg"])
        #expect(sheet(changes: changes).changes.previous == "jeudi 26 novembre 2026")
        #expect(sheet().changes.previous == nil && sheet().changes.groups.isEmpty)
    }

    @Test func everyNewFieldChangesTheFingerprint() {
        let base = SessionSheetData(session: Self.session, volunteers: [], members: [], lines: [], contacts: Self.contacts,
                                    planning: [PlannedSession(id: 21, start: LocalDateTime(iso: "2026-12-10 18:00")!,
                                                              slots: [VolunteerSlot(role: "Accueil", member: nil)])],
                                    changes: SessionChanges(previous: .init(id: 19, start: LocalDateTime(iso: "2026-11-26 18:00")!)))
        var phone = base; phone.contacts.farmers[0].phone = "02 41"
        var coordinator = base; coordinator.contacts.coordinators.removeLast()
        var duty = base; duty.planning[0].slots[0].member = Self.main
        var nextSession = base; nextSession.planning.append(PlannedSession(id: 22, start: LocalDateTime(iso: "2026-12-17 18:00")!, slots: []))
        var previous = base; previous.changes.previous = nil
        var change = base
        change.changes.items = [.init(kind: .absence, member: Self.main, contractName: "Pain")]
        var otherKind = change; otherKind.changes.items[0].kind = .endedSubscription
        let prints = [base, phone, coordinator, duty, nextSession, previous, change, otherKind].map(\.fingerprint)
        #expect(Set(prints).count == prints.count)
    }
}
