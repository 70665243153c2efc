import CageotApp
import CageotCore
import CageotStore
import Foundation
import Testing

/// The `coordinator` preset (contacts, planning, changes) on Fixtures/session-blocks-fixture.sql,
/// read back with pdftotext and checked against SQL.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct SessionBlocksTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/session-blocks-fixture.sql")

    func load() throws -> Connection {
        let db = try TestDatabase.connect("blocks")
        try db.executeScript("session blocks fixture", try String(contentsOf: Self.fixture, encoding: .utf8))
        return db
    }

    func sheet(_ db: Connection, session: Int = 20, layout: String = "coordinator", set: [String] = []) throws -> (GeneratedDocument, String) {
        let folder = try temporaryFolder()
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: folder)),
                                 recordInLedger: false, layout: layout, overrides: set)
        let document = try jobs.sessionSheet(session, to: folder.appendingPathComponent("sheet.pdf"))
        return (document, normalized(try run("pdftotext", ["-layout", document.path, "-"])))
    }

    /// The non-blank lines of the text from `start` to the end of its page.
    func section(_ text: String, from start: String) -> [String] {
        guard let range = text.range(of: start) else { return [] }
        let page = text[range.lowerBound...].prefix { $0 != "\u{0C}" }
        return page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func contactsShowTheMainContactAndEachCoordinatorAndFarmerOfTheSession() throws {
        let db = try load()
        let (_, text) = try sheet(db)
        let people = try db.query("coordinators and farmers", """
            SELECT upper(u."lastName") || ' ' || u."firstName" AS coordinator, v.name AS farm, c.name AS contract
            FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId"
            JOIN "User" u ON u.id = c."userId" JOIN "Vendor" v ON v.id = c."vendorId"
            WHERE d."multiDistribId" = 20
            """) { [try $0.decode("coordinator", as: String.self), try $0.decode("farm", as: String.self), try $0.decode("contract", as: String.self)] }
        #expect(people.count == 2)
        for row in people {
            #expect(text.contains(row[0]) && text.contains(row[1]) && text.contains("Référent \(row[2])") && text.contains("Producteur \(row[2])"),
                    "\(row) missing")
        }
        for expected in ["DURAND Hélène", "Contact du groupe · 06 10 00 00 01 · helene.durand@example.fr",
                         "Ferme des Trois Chênes (Jean Morin)", "02 40 00 00 01 · chenes@example.fr", "06 20 00 00 02", "06 30 00 00 03",
                         "fournil@example.fr"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // Pommes does not take part in this session; VOISIN is another group's contact.
        #expect(!text.contains("Verger Oublié") && !text.contains("VOISIN"))
    }

    @Test func hidePhoneHidesMembersPhonesButNotFarmersProfessionalOnes() throws {
        let db = try load()
        try db.execute("hide phones", #"UPDATE "Group" SET flags = flags | 64 WHERE id = 1"#)
        let (_, text) = try sheet(db)
        for member in ["06 10 00 00 01", "06 20 00 00 02", "06 30 00 00 03", "07 40 00 00 04"] {
            #expect(!text.contains(member), "\(member) printed although the group hides phones")
        }
        #expect(text.contains("02 40 00 00 01") && text.contains("02 40 00 00 02") && text.contains("helene.durand@example.fr"))
    }

    @Test func planningShowsWhoIsOnDutyAndTheSlotsToFillAtTheNextFourSessions() throws {
        let db = try load()
        let (_, text) = try sheet(db)
        let lines = section(text, from: "Planning des permanences")
        func row(_ i: Int, _ parts: String...) -> Bool { lines.indices.contains(i) && parts.allSatisfy { lines[i].contains($0) } }
        let december10 = try #require(lines.firstIndex { $0.hasPrefix("jeu. 10 déc.") })
        #expect(row(december10, "Accueil", "ABADIE Zoé"))
        #expect(row(december10 + 1, "Distribution", "ÉMERY Lucas"))
        #expect(row(december10 + 2, "Distribution", "à pourvoir"))
        #expect(row(december10 + 3, "jeu. 17 déc.", "Accueil", "à pourvoir"))
        #expect(row(december10 + 4, "jeu. 31 déc.", "aucune permanence prévue"))
        #expect(row(december10 + 5, "jeu. 7 janv.", "Distribution", "LEROUX Chloé"))
        #expect(lines.filter { $0.hasSuffix("à pourvoir") }.count == 2)
        // The fifth session comes with planning-sessions: 5; another group's sessions never do.
        #expect(!text.contains("14 janv."))
        let (_, five) = try sheet(db, set: ["planning-sessions=5"])
        #expect(section(five, from: "Planning des permanences").contains { $0.hasPrefix("jeu. 14 janv.") && $0.contains("Accueil") })
        #expect(!five.contains("Caisse voisine") && !five.contains("5 déc.") && !five.contains("1er déc."))
    }

    /// Each kind of change as SQL sees it: household, contract (independent, plain queries).
    static let expectedChangesSQL = """
        WITH this AS (SELECT "distribStartDate"::date AS day FROM "MultiDistrib" WHERE id = 20),
             prev AS (SELECT "distribStartDate"::date AS day FROM "MultiDistrib" WHERE id = 19),
             part AS (SELECT id, "catalogId" FROM "Distribution" WHERE "multiDistribId" = 20),
             q AS (SELECT b."multiDistribId" AS s, b."userId" AS u, o."productId" AS p, sum(o.quantity::numeric) AS n
                   FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id JOIN "Product" pr ON pr.id = o."productId"
                   JOIN "Catalog" c ON c.id = pr."catalogId"
                   WHERE b."multiDistribId" IN (19, 20) AND b.status <> 'OPEN' AND o.quantity <> 0 AND c.type = 1
                   GROUP BY 1, 2, 3)
        SELECT 'Nouveaux contrats', s."userId", s."catalogId" FROM "Subscription" s, this, prev
          WHERE s."catalogId" IN (SELECT "catalogId" FROM part) AND s."startDate"::date > prev.day AND s."startDate"::date <= this.day
        UNION ALL SELECT 'Contrats terminés', s."userId", s."catalogId" FROM "Subscription" s, this, prev
          WHERE s."catalogId" IN (SELECT "catalogId" FROM part) AND s."endDate"::date >= prev.day AND s."endDate"::date < this.day
        UNION ALL SELECT 'Absents', s."userId", s."catalogId" FROM "Subscription" s JOIN part ON part."catalogId" = s."catalogId"
          WHERE ',' || replace(s."absentDistribIds", ' ', '') || ',' LIKE '%,' || part.id || ',%'
        UNION ALL SELECT 'Lignes annulées', b."userId", p."catalogId" FROM "Basket" b JOIN "UserOrder" o ON o."basketId" = b.id
          JOIN "Product" p ON p.id = o."productId" WHERE b."multiDistribId" = 20 AND b.status <> 'OPEN' AND o.quantity = 0
        UNION ALL SELECT 'Quantités modifiées', k.u, pr."catalogId" FROM (SELECT DISTINCT u, p FROM q) k
          JOIN "Product" pr ON pr.id = k.p
          LEFT JOIN q a ON a.s = 20 AND a.u = k.u AND a.p = k.p LEFT JOIN q b ON b.s = 19 AND b.u = k.u AND b.p = k.p
          WHERE a.n IS DISTINCT FROM b.n
        """

    @Test func changesPageListsExactlyWhatSqlSays() throws {
        let db = try load()
        let (document, text) = try sheet(db)
        #expect(document.pages == 2)
        let page = section(text, from: "Changements depuis la distribution précédente")
        #expect(page.contains { $0.contains("Par rapport à la distribution du jeudi 26 novembre 2026") })
        let expected = try db.query("expected changes", """
            SELECT e.kind, upper(u."lastName") || ' ' || u."firstName" AS name, c.name AS contract
            FROM (\(Self.expectedChangesSQL)) AS e(kind, "userId", "catalogId")
            JOIN "User" u ON u.id = e."userId" JOIN "Catalog" c ON c.id = e."catalogId"
            """) { row in [try row.decode("kind", as: String.self), try row.decode("name", as: String.self), try row.decode("contract", as: String.self)] }
        // The page's rows under each kind's title: household and contract, as printed.
        var printed: [[String]] = []
        var kind = ""
        for line in page {
            if let title = ["Nouveaux contrats", "Contrats terminés", "Absents", "Lignes annulées", "Quantités modifiées"].first(where: line.hasPrefix) {
                kind = title
            } else if !kind.isEmpty, !line.hasPrefix("Foyer"), !line.contains("page 2 / 2") {
                let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                printed.append([kind] + cells.prefix(2))
            }
        }
        let sort = { (rows: [[String]]) in rows.sorted { $0.joined(separator: "|") < $1.joined(separator: "|") } }
        #expect(expected.count == 11)
        #expect(sort(printed) == sort(expected))
        // And what changed, hand-checked.
        for detail in ["ÉMERY Lucas", "à partir du 01/12/2026", "à partir du 03/12/2026", "jusqu'au 26/11/2026", "jusqu'au 30/11/2026",
                       "absence prévue", "Panier de légumes : annulé", "Brioche : annulé", "Baguette : 2 → 3",
                       "Brioche : plus commandé (1 la dernière fois)", "Pain de seigle : nouveau, 2", "Baguette : nouveau, 1"] {
            #expect(page.contains { $0.contains(detail) }, "missing \(detail)")
        }
        #expect(!page.contains { $0.contains("Farine de seigle") || $0.contains("MOREAU Paul") && $0.contains("Légumes") })
    }

    @Test func theFirstSessionOfAGroupSaysThereIsNothingToCompare() throws {
        let db = try load()
        let (_, text) = try sheet(db, session: 18)
        let page = section(text, from: "Changements depuis la distribution précédente")
        #expect(page.contains("Pas de distribution précédente pour ce groupe : rien à comparer."))
        #expect(!page.contains { $0.hasPrefix("Foyer") })
    }

    @Test func theDefaultPresetPrintsNoneOfTheNewBlocks() throws {
        let db = try load()
        let (document, text) = try sheet(db, layout: "all")
        #expect(document.pages == 1)
        for absent in ["Ferme des Trois Chênes", "Planning des permanences", "Changements depuis", "jeu. 10 déc."] {
            #expect(!text.contains(absent), "\(absent) printed by the default preset")
        }
    }

    /// A preset without the contacts, planning and changes blocks spares their queries: the store
    /// leaves them empty, and reads them all when asked.
    @Test func blocksThePresetLeavesOutAreNotRead() throws {
        let db = try load()
        let store = CamapStore(db)
        let all = try store.sessionSheetData(session: 20)
        #expect(all.contacts != SessionContacts() && !all.planning.isEmpty && all.changes != SessionChanges())
        var asked: [Int] = []
        let none = try store.sessionSheetData(session: 20) { groupId in asked.append(groupId); return [] }
        #expect(asked == [all.session.groupId])
        #expect(none.contacts == SessionContacts() && none.planning.isEmpty && none.changes == SessionChanges())
        #expect(none.lines == all.lines && none.members == all.members && none.volunteers == all.volunteers)
        let onlyPlanning = try store.sessionSheetData(session: 20) { _ in .planning }
        #expect(onlyPlanning.planning == all.planning && onlyPlanning.contacts == SessionContacts())
    }

    @Test func aDutyTakenAtANextSessionChangesTheFingerprint() throws {
        let db = try load()
        let (before, _) = try sheet(db)
        let (again, _) = try sheet(db)
        try db.execute("take a duty", #"INSERT INTO "Volunteer" ("userId", "multiDistribId", "volunteerRoleId") VALUES (8, 22, 1)"#)
        let (after, text) = try sheet(db)
        #expect(before.fingerprint == again.fingerprint && before.checksum == again.checksum)
        #expect(after.fingerprint != before.fingerprint)
        #expect(section(text, from: "Planning des permanences").contains { $0.hasPrefix("jeu. 17 déc.") && $0.contains("NOËL Léa") })
    }
}
