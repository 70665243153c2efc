import CageotCore
import CageotDocuments
import CageotLayout
import CageotPresets
import Testing

/// The `contacts`, `planning` and `changes` blocks, laid out with the fixed-width measurer.
struct SessionBlocksLayoutTests {
    let measurer = FixedWidthMeasurer()
    static let allBlocks: [SheetPreset.Block] = [.logo, .contacts, .volunteers, .notes, .planning, .changes]

    func data(households: Int, sessionsToCome: Int = 4, rolesEach: Int = 2, previous: Bool = true) -> SessionSheetData {
        var members: [Member] = []
        var lines: [OrderLine] = []
        for h in 0..<households {
            members.append(Member(id: h + 1, firstName: "Prénom\(h)", lastName: "NOM\(h)"))
            for l in 0..<3 {
                lines.append(OrderLine(id: h * 10 + l, basketId: h + 1, basketNumber: h + 1, householdId: h + 1, contractId: 1,
                                       contractName: "Légumes", product: ProductInfo(id: l, name: "Produit \(l)"), quantity: 1, unitPrice: 2))
            }
        }
        let session = SessionInfo(id: 1, groupId: 1, groupName: "AMAP Test", hidePhone: false, txtDistrib: "Merci !", currency: "€",
                                  placeName: "Salle", placeAddress: "", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                                  end: LocalDateTime(iso: "2026-12-03 19:30")!)
        var base = SessionSheetData(session: session, volunteers: [], members: members, lines: lines)
        base.contacts = SessionContacts(
            mainContact: Member(id: 90, firstName: "Hélène", lastName: "DURAND", phone: "06 10 00 00 01", email: "helene@example.fr"),
            coordinators: [.init(contractId: 1, contractName: "Légumes", member: Member(id: 91, firstName: "Marc", lastName: "ÉVRARD",
                                                                                       phone: "06 20 00 00 02"))],
            farmers: [.init(vendorId: 1, name: "Ferme des Trois Chênes", peopleName: "Jean Morin", phone: "02 40 00 00 01", contractName: "Légumes")])
        base.planning = (0..<sessionsToCome).map { s in
            PlannedSession(id: 100 + s, start: LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 10).adding(days: 7 * s), hour: 18),
                           slots: (0..<rolesEach).map { r in
                               VolunteerSlot(role: "Rôle \(r)", member: r == 0 ? Member(id: 200 + s, firstName: "Zoé", lastName: "BÉNÉVOLE\(s)") : nil)
                           })
        }
        base.changes = previous
            ? SessionChanges(previous: .init(id: 9, start: LocalDateTime(iso: "2026-11-26 18:00")!),
                             items: [.init(kind: .newSubscription, member: Member(id: 5, firstName: "Lucas", lastName: "ÉMERY"),
                                           contractName: "Légumes", date: LocalDate(year: 2026, month: 12, day: 1))])
            : SessionChanges()
        return base
    }

    func layout(_ data: SessionSheetData, blocks: [SheetPreset.Block] = allBlocks, planningSessions: Int = 4,
                phones: Bool = true) throws -> [Page] {
        var preset = SheetPreset()
        preset.blocks = blocks
        preset.planningSessions = planningSessions
        preset.phones = phones
        return try SessionSheetLayout(preset: preset).layout(SessionSheet(data), measurer: measurer)
    }

    func texts(_ page: Page) -> [String] {
        page.items.compactMap { if case let .text(text, _, _) = $0 { return text } else { return nil } }
    }

    func pageIndices(containing text: String, in pages: [Page]) -> [Int] {
        pages.indices.filter { texts(pages[$0]).contains { $0.contains(text) } }
    }

    @Test func blocksAppearOnlyWhenThePresetAsksForThem() throws {
        let plain = try layout(data(households: 3), blocks: [.logo, .volunteers, .notes]).flatMap(texts)
        for absent in ["DURAND Hélène", "Ferme des Trois Chênes (Jean Morin)", "Planning des permanences", "jeu. 10 déc.",
                       "Changements depuis la distribution précédente", "ÉMERY Lucas"] {
            #expect(!plain.contains { $0.contains(absent) }, "\(absent) printed without being asked for")
        }
        let asked = try layout(data(households: 3)).flatMap(texts)
        for present in ["DURAND Hélène", "ÉVRARD Marc", "Ferme des Trois Chênes (Jean Morin)", "Planning des permanences",
                        "jeu. 10 déc.", "Changements depuis la distribution précédente", "ÉMERY Lucas"] {
            #expect(asked.contains { $0.contains(present) }, "\(present) missing")
        }
    }

    @Test func contactsStandUnderTheTitleBeforeTheTable() throws {
        let first = try layout(data(households: 3))[0]
        func y(_ text: String) -> Double? {
            first.items.compactMap { if case let .text(t, frame, _) = $0, t.contains(text) { return frame.y } else { return nil } }.first
        }
        let contact = try #require(y("DURAND Hélène"))
        #expect(try #require(y("AMAP Test")) < contact)
        #expect(contact < (try #require(y("Signature"))))
    }

    @Test func membersPhonesFollowThePresetButFarmersPhonesStay() throws {
        let shown = try layout(data(households: 1)).flatMap(texts).joined(separator: "\n")
        #expect(shown.contains("06 10 00 00 01") && shown.contains("06 20 00 00 02") && shown.contains("02 40 00 00 01"))
        let hidden = try layout(data(households: 1), phones: false).flatMap(texts).joined(separator: "\n")
        #expect(!hidden.contains("06 10 00 00 01") && !hidden.contains("06 20 00 00 02"))
        #expect(hidden.contains("02 40 00 00 01") && hidden.contains("helene@example.fr"))
    }

    @Test func emptySlotsSayToBeFilledOnAGreyGround() throws {
        let pages = try layout(data(households: 2, sessionsToCome: 3, rolesEach: 3))
        let page = pages[try #require(pageIndices(containing: "jeu. 10 déc.", in: pages).first)]
        let open = page.items.compactMap { if case let .text("à pourvoir", frame, _) = $0 { return frame } else { return nil } }
        // Three sessions, two of their three roles not taken: six open slots.
        #expect(open.count == 6)
        let grounds: [Rect] = page.items.compactMap { if case let .fill(rect, gray) = $0, gray < 1 { return rect } else { return nil } }
        func covered(_ slot: Rect) -> Bool {
            grounds.contains { ground in ground.x <= slot.x && ground.maxX >= slot.maxX && ground.y <= slot.y && ground.maxY >= slot.maxY }
        }
        for slot in open { #expect(covered(slot), "no grey ground behind the open slot at y \(slot.y)") }
        #expect(texts(page).filter { $0.hasPrefix("BÉNÉVOLE") }.count == 3)
    }

    @Test func planningShowsAsManySessionsAsThePresetSays() throws {
        let two = try layout(data(households: 1, sessionsToCome: 6), planningSessions: 2).flatMap(texts)
        #expect(two.contains("jeu. 10 déc.") && two.contains("jeu. 17 déc."))
        #expect(!two.contains("jeu. 24 déc.") && !two.contains("jeu. 31 déc."))
        let none = try layout(data(households: 1, sessionsToCome: 6), planningSessions: 0).flatMap(texts)
        #expect(!none.contains { $0.contains("Planning des permanences") })
    }

    @Test func planningIsKeptTogetherOnOnePageWhenItFits() throws {
        // Whatever the number of households, the planning's heading and sessions share one page.
        for households in stride(from: 5, through: 40, by: 1) {
            let pages = try layout(data(households: households, sessionsToCome: 4, rolesEach: 3))
            let heading = pageIndices(containing: "Planning des permanences", in: pages)
            let dates = ["jeu. 10 déc.", "jeu. 17 déc.", "jeu. 24 déc.", "jeu. 31 déc."].map { pageIndices(containing: $0, in: pages) }
            #expect(heading.count == 1 && dates.allSatisfy { $0 == heading }, "\(households) households: heading \(heading), dates \(dates)")
        }
    }

    @Test func aPlanningTallerThanAPageRepeatsItsHeader() throws {
        let pages = try layout(data(households: 1, sessionsToCome: 12, rolesEach: 8), planningSessions: 12)
        let withDates = pages.indices.filter { i in texts(pages[i]).contains { $0.hasPrefix("jeu.") || $0.hasPrefix("ven.") } }
        #expect(withDates.count >= 2)
        for i in withDates { #expect(texts(pages[i]).contains("Bénévole"), "page \(i + 1) has no planning header") }
        #expect(pages.flatMap(texts).filter { $0 == "à pourvoir" }.count == 12 * 7)
    }

    @Test func changesHaveTheLastPageToThemselves() throws {
        let pages = try layout(data(households: 3))
        #expect(pages.count == 2)
        let last = texts(pages[1])
        #expect(last.contains("Changements depuis la distribution précédente") && last.contains("ÉMERY Lucas"))
        #expect(!last.contains { $0.hasPrefix("Produit ") || $0.contains("Planning") })
        #expect(last.contains { $0.contains("Nouveaux contrats (1)") } && last.contains("à partir du 01/12/2026"))
    }

    @Test func withoutAPreviousSessionTheChangesPageSaysSoInOneLine() throws {
        let last = try #require(try layout(data(households: 1, previous: false)).last)
        #expect(texts(last).contains("Pas de distribution précédente pour ce groupe : rien à comparer."))
        #expect(!texts(last).contains("Foyer"))
    }

    @Test func newBlocksStayInsideThePrintableArea() throws {
        let margin = SheetPreset.points(10)
        for page in try layout(data(households: 30, sessionsToCome: 12, rolesEach: 6), planningSessions: 12) {
            for case let .text(_, frame, _) in page.items {
                #expect(frame.x >= margin - 0.01 && frame.maxX <= page.size.width - margin + 0.01)
                #expect(frame.y >= margin - 0.01 && frame.maxY <= page.size.height - margin + 0.01)
            }
        }
    }

    @Test func presetsReadTheNewBlocksAndPlanningSessions() throws {
        let preset = try PresetParser(file: "t.yaml").parse("blocks: [contacts, planning, changes]\nplanning-sessions: 6\n")
        #expect(preset.blocks == [.contacts, .planning, .changes] && preset.planningSessions == 6)
        #expect(SheetPreset().planningSessions == 4)
        for (text, message) in [("planning-sessions: 13", "13 is out of range; use a value from 0 to 12"),
                                ("planning-sessions: 2.5", "expected a whole number, not 2,5")] {
            #expect(throws: PresetError(file: "t.yaml", line: 1, key: "planning-sessions", message: message)) {
                try PresetParser(file: "t.yaml").parse(text)
            }
        }
    }
}
