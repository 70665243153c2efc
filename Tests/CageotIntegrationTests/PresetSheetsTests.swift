import CageotApp
import CageotCore
import CageotDemoData
import CageotLayout
import CageotPDF
import CageotPresets
import CageotStore
import Foundation
import Testing

/// The shipped presets with real fonts (Pango), read back with poppler.
struct PresetSheetsTests {
    static let library = PresetLibrary(directory: repositoryRoot.appendingPathComponent("layouts"))
    /// The shipped session presets (grid, variable and matrix presets are rendered by their own tests and CLITests).
    static let shipped = library.list().map(\.name).filter { (try? library.load($0).kind) == .session }

    func session(households: Int, lines: Int, longNames: Bool = false) -> SessionSheetData {
        let session = SessionInfo(id: 1, groupId: 1, groupName: "AMAP des Bords de Loire", hidePhone: false, txtDistrib: "Merci !",
                                  currency: "€", placeName: "Salle des fêtes", placeAddress: "1 rue de la Loire, 44000 Nantes",
                                  start: LocalDateTime(iso: "2026-12-03 18:00")!, end: LocalDateTime(iso: "2026-12-03 19:30")!)
        var members: [Member] = []
        var orders: [OrderLine] = []
        for h in 0..<households {
            let last = longNames ? "DE LA VILLEMARQUÉ-KERGUÉLEN-SAINT-AUBIN-DES-BOIS" : "NOM\(h)"
            members.append(Member(id: h + 1, firstName: longNames ? "Marie-Édith" : "Élodie", lastName: last,
                                  firstName2: longNames ? "Jean-Christophe" : nil, phone: "06 12 34 56 \(10 + h % 90)"))
            for l in 0..<lines {
                let name = longNames
                    ? "Panier de légumes de saison issus de l'agriculture biologique du Pays nantais, récoltés la veille au matin par l'équipe"
                    : "Produit n°\(l)"
                orders.append(OrderLine(id: h * 100 + l, basketId: h + 1, basketNumber: h + 1, householdId: h + 1, contractId: 1,
                                        contractName: "Légumes", product: ProductInfo(id: l, name: name, qt: 12, unitType: .piece),
                                        quantity: 12, unitPrice: Decimal(string: "2.675")!))
            }
        }
        return SessionSheetData(session: session, volunteers: [VolunteerSlot(role: "Accueil", member: nil)], members: members, lines: orders)
    }

    @Test func fiftyThreeHouseholdsFitOnFourA4PagesAtNinePoints() throws {
        let factory = try DocumentFactory(environment: Fixture.environment(output: try temporaryFolder()))
        let preset = try Self.library.load("all")
        #expect(preset.fontSize >= 9)
        let (_, pages) = try factory.sessionSheetPages(session(households: 53, lines: 3), preset: preset)
        #expect(pages.count <= 4, "\(pages.count) pages")
        #expect(pages.allSatisfy { $0.size == .a4Portrait })
    }

    @Test(arguments: shipped)
    func nothingIsCutInAnyShippedPreset(preset name: String) throws {
        let folder = try temporaryFolder()
        let factory = try DocumentFactory(environment: Fixture.environment(output: folder))
        let preset = try Self.library.load(name)
        let data = session(households: 3, lines: 2, longNames: true)
        // Every text fits its frame when measured with the fonts that draw it: nothing is ellipsized.
        let measurer = PangoTextMeasurer(fonts: try FontContext(fontsDirectory: repositoryRoot.appendingPathComponent("Fonts")))
        let (_, pages) = try factory.sessionSheetPages(data, preset: preset)
        for page in pages {
            for case let .text(text, frame, style) in page.items {
                let needed = measurer.measure(text, style: style, width: frame.width).height
                #expect(needed <= frame.height + 0.5, "\(name): \"\(text.prefix(40))\" needs \(needed) pt in \(frame.height)")
            }
        }
        let document = try factory.writeSessionSheet(data, preset: preset, to: folder.appendingPathComponent("\(name).pdf"))
        // Words that fit a line come back whole (pdftotext joins a word hyphenated at a line end).
        let printed = try run("pdftotext", [document.path, "-"]).replacingOccurrences(of: "-", with: "")
        let words = Set(printed.split(whereSeparator: \.isWhitespace).map(String.init))
        for word in data.lines[0].product.name.split(separator: " ") {
            #expect(words.contains(word.replacingOccurrences(of: "-", with: "")), "\(name): \"\(word)\" of the product name is missing")
        }
        #expect(words.contains("12"))
        try run("qpdf", ["--check", document.path])
    }

    @Test(arguments: shipped)
    func everyShippedPresetPrintsTheDemoSessionWithSqlTotals(preset name: String) throws {
        guard TestDatabase.isAvailable else { return }
        let db = try TestDatabase.demo("presets", options: DemoOptions(seed: 5, groups: 1, households: 15, weeks: 1,
                                                                       start: LocalDate(year: 2026, month: 11, day: 30))).db
        let folder = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: folder)),
                                 layout: name)
        let session = try #require(try CamapStore(db).sessions().first { $0.baskets > 0 })
        let document = try jobs.sessionSheet(session.id)
        let text = normalized(try run("pdftotext", ["-layout", document.path, "-"]))
        let total = try db.query("total", """
            SELECT sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS t
            FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id
            WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
            """, [session.id]) { try $0.decode("t", as: Decimal.self) }.first!
        let preset = try Self.library.load(name)
        if preset.variant == .short {
            #expect(!text.contains("€"), "\(name) prints prices")
        } else {
            #expect(text.contains("total de la distribution : \(normalized(FrenchFormat.money(Money(rounding: total))))"), "\(name)")
        }
        #expect(text.contains("\(session.baskets) foyer"))
        if preset.variant == .householdPerPage || preset.variant == .byContract {
            #expect(document.pages >= session.baskets)
        }
        let fonts = try run("pdffonts", [document.path])
        #expect(fonts.contains(preset.fontFamily == .sans ? "DejaVuSans" : "DejaVuSansCondensed"))
    }
}
