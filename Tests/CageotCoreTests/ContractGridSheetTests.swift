import CageotCore
import CageotDocuments
import Foundation
import Testing

/// The classic-contract grid as data: cells, turns, baskets, sorting, contact columns.
struct ContractGridSheetTests {
    typealias Grid = ContractGridData
    static let veg = ProductInfo(id: 1, name: "Panier de légumes - petit")
    static let eggs = ProductInfo(id: 3, name: "Œufs (boîte de 12)", qt: 12, unitType: .piece)
    static let flour = ProductInfo(id: 4, name: "Farine T80", qt: 1, unitType: .kilogram, bulk: true)

    static func day(_ d: Int) -> LocalDateTime { LocalDateTime(date: LocalDate(year: 2026, month: 12, day: d), hour: 18) }

    /// Four Thursdays of December 2026 (ordinals 4 to 7: three distributions before the range).
    static let distributions = [3, 10, 17, 24].enumerated().map { i, d in
        Grid.Distribution(id: 203 + i, sessionId: 23 + i, date: day(d), quantities: d == 24 ? 2 : 1, ordinal: 4 + i)
    }

    static func data(_ subscriptions: [Grid.Subscription], lines: [Grid.Line], hidePhone: Bool = false) -> Grid {
        Grid(contract: .init(id: 1, name: "Légumes d'hiver", groupId: 1, groupName: "AMAP des Écluses", hidePhone: hidePhone,
                             vendorName: "Ferme de Kervœn", startDate: LocalDateTime(iso: "2026-10-01")!, endDate: LocalDateTime(iso: "2027-03-31")!),
             from: LocalDate(year: 2026, month: 12, day: 1), to: LocalDate(year: 2026, month: 12, day: 31),
             distributions: distributions, subscriptions: subscriptions, lines: lines, products: [veg, eggs, flour])
    }

    static func member(_ id: Int, _ first: String, _ last: String) -> Member {
        Member(id: id, firstName: first, lastName: last, phone: "06 00 00 00 0\(id)", email: "m\(id)@example.fr")
    }

    static func subscription(_ id: Int, _ member: Member, partner: Member? = nil, from: Int = 1, to: Int = 31,
                             absent: [Int] = [], defaults: [Grid.DefaultOrder] = []) -> Grid.Subscription {
        Grid.Subscription(id: id, member: member, partner: partner, startDate: LocalDateTime(date: LocalDate(year: 2026, month: 12, day: from)),
                          endDate: LocalDateTime(date: LocalDate(year: 2026, month: 12, day: to), hour: 23, minute: 59),
                          absentDistributionIds: absent, defaultOrders: defaults)
    }

    static func line(_ sub: Int?, user: Int, at distribution: Int, _ product: ProductInfo = veg, _ quantity: Decimal = 1, flags: Int = 0) -> Grid.Line {
        Grid.Line(id: distribution * 100 + product.id * 10 + user, subscriptionId: sub, userId: user, distributionId: distribution,
                  product: product, quantity: quantity, flags: flags)
    }

    @Test(arguments: [
        (1, false, ContractGridSheet.Turn.holder), (2, false, .partner), (3, false, .holder), (4, false, .partner),
        (1, true, .partner), (2, true, .holder), (7, true, .partner), (8, true, .holder),
    ])
    func alternationFollowsTheCountOfDistributionsSwappedByFlagBit0(ordinal: Int, partnerFirst: Bool, expected: ContractGridSheet.Turn) {
        #expect(ContractGridSheet.turn(ordinal: ordinal, startsWithPartner: partnerFirst) == expected)
    }

    @Test func cellsSayBasketAbsentNoOrderOrOutsideTheSubscription() {
        let zoe = Self.member(1, "Zoé", "ÉTIENNE")
        let sub = Self.subscription(1, zoe, from: 8, absent: [205, 999])
        let sheet = ContractGridSheet(Self.data([sub], lines: [Self.line(1, user: 1, at: 204), Self.line(1, user: 1, at: 206)]))
        // 03/12 is before the subscription, 10/12 has a line, 17/12 is a declared absence, 24/12 has a line.
        #expect(sheet.rows[0].cells == [.notSubscribed, .sign, .absent, .sign])
        let noLine = ContractGridSheet(Self.data([sub], lines: [Self.line(1, user: 1, at: 204)]))
        #expect(noLine.rows[0].cells == [.notSubscribed, .sign, .absent, .noOrder])
    }

    @Test func aLineWinsOverADeclaredAbsence() {
        let sub = Self.subscription(1, Self.member(1, "Zoé", "ÉTIENNE"), absent: [203])
        let sheet = ContractGridSheet(Self.data([sub], lines: [Self.line(1, user: 1, at: 203)]))
        #expect(sheet.rows[0].cells[0] == .sign)
    }

    @Test func linesWithoutSubscriptionGoToTheAccountsSubscriptionCoveringTheDate() {
        let noe = Self.member(2, "Noé", "DURAND")
        let early = Self.subscription(1, noe, from: 1, to: 12), late = Self.subscription(2, noe, from: 13, to: 31)
        let sheet = ContractGridSheet(Self.data([early, late], lines: [Self.line(nil, user: 2, at: 203), Self.line(nil, user: 2, at: 205)]))
        let byId = Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.subscriptionId, $0.cells) })
        #expect(byId[1] == [.sign, .noOrder, .notSubscribed, .notSubscribed])
        #expect(byId[2] == [.notSubscribed, .notSubscribed, .sign, .noOrder])
    }

    @Test func alternatedCellsNameWhoseTurnItIsCountingFromTheContractStart() {
        let sub = Self.subscription(1, Self.member(1, "Zoé", "ÉTIENNE"), partner: Self.member(2, "Paul", "MARTIN"))
        // Ordinals 4, 5, 6, 7; the last two lines say the alternation starts with the partner.
        let lines = [Self.line(1, user: 1, at: 203), Self.line(1, user: 1, at: 204),
                     Self.line(1, user: 1, at: 205, flags: 1), Self.line(1, user: 1, at: 206, flags: 1)]
        let row = ContractGridSheet(Self.data([sub], lines: lines)).rows[0]
        #expect(row.cells == [.turn(person: 1), .turn(person: 0), .turn(person: 0), .turn(person: 1)])
        #expect(row.people.map(\.name) == ["ÉTIENNE Zoé", "↔ MARTIN Paul"])
    }

    @Test func basketIsTheLatestSingleDeliveryOfTheRange() {
        let sub = Self.subscription(1, Self.member(1, "Zoé", "ÉTIENNE"))
        let lines = [Self.line(1, user: 1, at: 203, Self.veg, 1),
                     Self.line(1, user: 1, at: 205, Self.veg, 1), Self.line(1, user: 1, at: 205, Self.eggs, 2),
                     // The double delivery of 24/12 (quantities 2): lines duplicated, not the usual basket.
                     Self.line(1, user: 1, at: 206, Self.veg, 1), Grid.Line(id: 9, subscriptionId: 1, userId: 1, distributionId: 206, product: Self.veg, quantity: 1)]
        let sheet = ContractGridSheet(Self.data([sub], lines: lines))
        #expect(sheet.rows[0].basket == ["1 × Panier de légumes - petit, 2 × Œufs (boîte de 12)"])
        #expect(sheet.dates.map(\.title) == ["03/12", "10/12", "17/12", "24/12\n×2"])
    }

    @Test func aHouseholdAbsentAllAlongShowsItsDefaultOrders() {
        let sub = Self.subscription(1, Self.member(1, "Léa", "CHÂTEAU"), absent: [203, 204, 205, 206],
                                    defaults: [.init(productId: 4, quantity: 1.5), .init(productId: 77, quantity: 1)])
        let sheet = ContractGridSheet(Self.data([sub], lines: []))
        #expect(sheet.rows[0].basket == ["1,5\u{00A0}kg Farine T80"])
        #expect(sheet.rows[0].cells == [.absent, .absent, .absent, .absent])
    }

    @Test func perProductColumnsHoldEachQuantity() {
        let a = Self.subscription(1, Self.member(1, "Zoé", "ÉTIENNE")), b = Self.subscription(2, Self.member(2, "Noé", "DURAND"))
        let lines = [Self.line(1, user: 1, at: 203, Self.veg, 1), Self.line(1, user: 1, at: 203, Self.eggs, 2), Self.line(2, user: 2, at: 203, Self.veg, 2)]
        let sheet = ContractGridSheet(Self.data([a, b], lines: lines), ContractGridOptions(basket: .perProduct))
        #expect(sheet.basketTitles == ["Panier de légumes - petit", "Œufs (boîte de 12)"])
        #expect(sheet.rows.map(\.basket) == [["2", ""], ["1", "2"]])
    }

    @Test func rowsAreSortedBySurnameIgnoringCaseAndAccents() {
        let names = [("Zoé", "ÉTIENNE"), ("Élodie", "LE GOFF"), ("Anne", "N'DIAYE"), ("Léa", "CHÂTEAU"), ("Noé", "durand"), ("Eve", "Etienne")]
        let subs = names.enumerated().map { Self.subscription($0 + 1, Self.member($0 + 1, $1.0, $1.1)) }
        let sheet = ContractGridSheet(Self.data(subs, lines: []))
        #expect(sheet.rows.map { $0.people[0].name } == ["CHÂTEAU Léa", "DURAND Noé", "ETIENNE Eve", "ÉTIENNE Zoé", "LE GOFF Élodie", "N'DIAYE Anne"])
    }

    @Test(arguments: [
        (ContractGridOptions.Contact.none, false, [String]()), (.phone, false, ["Téléphone"]), (.phoneAndEmail, false, ["Téléphone", "E-mail"]),
        (.phone, true, []), (.phoneAndEmail, true, ["E-mail"]),
    ])
    func phonesAreNeverPrintedWhenTheGroupHidesThem(contact: ContractGridOptions.Contact, hidden: Bool, titles: [String]) {
        let sub = Self.subscription(1, Self.member(1, "Zoé", "ÉTIENNE"), partner: Self.member(2, "Paul", "MARTIN"))
        let sheet = ContractGridSheet(Self.data([sub], lines: [], hidePhone: hidden), ContractGridOptions(contact: contact))
        #expect(sheet.contactTitles == titles && sheet.phonesHidden == hidden)
        let printed = sheet.rows.flatMap(\.people).flatMap(\.contact)
        #expect(printed.contains("06 00 00 00 01") == (titles.contains("Téléphone")))
        #expect(printed.contains("m2@example.fr") == (titles.contains("E-mail")))
    }

    @Test func longDatesAreAbbreviatedTheFrenchWay() {
        #expect(ContractGridSheet.dateTitle(LocalDate(year: 2026, month: 12, day: 3), format: .long) == "jeu. 3 déc.")
        #expect(ContractGridSheet.dateTitle(LocalDate(year: 2027, month: 2, day: 1), format: .long) == "lun. 1er févr.")
        #expect(ContractGridSheet.dateTitle(LocalDate(year: 2027, month: 2, day: 1), format: .short) == "01/02")
        let sheet = ContractGridSheet(Self.data([], lines: []))
        #expect(sheet.period == "du 1er décembre 2026 au 31 décembre 2026")
    }

    @Test func fingerprintFollowsTheDataAndTheOptions() {
        let sub = Self.subscription(1, Self.member(1, "Zoé", "ÉTIENNE"), absent: [204])
        let base = Self.data([sub], lines: [Self.line(1, user: 1, at: 203)])
        let a = base.fingerprint(options: ContractGridOptions())
        #expect(a == Self.data([sub], lines: [Self.line(1, user: 1, at: 203)]).fingerprint(options: ContractGridOptions()))
        #expect(a != base.fingerprint(options: ContractGridOptions(basket: .perProduct)))
        var moved = base
        moved.subscriptions[0].absentDistributionIds = [205]
        #expect(a != moved.fingerprint(options: ContractGridOptions()))
        var renamed = base
        renamed.subscriptions[0].member.firstName = "Zoë"
        #expect(a != renamed.fingerprint(options: ContractGridOptions()))
    }
}
