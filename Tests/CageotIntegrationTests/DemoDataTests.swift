import CageotCore
import CageotDemoData
import CageotStore
import Testing

/// The demo federation against a real PostgreSQL: deterministic, complete, and consistent.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct DemoDataTests {
    static let tables = ["File", "User", "Group", "Place", "Vendor", "Catalog", "Product", "VolunteerRole", "MultiDistrib",
                         "Distribution", "Subscription", "Basket", "UserOrder", "Operation", "Membership", "Volunteer", "UserGroup"]

    /// A fresh replica holding a generated federation.
    static func generated(_ label: String, _ options: DemoOptions = DemoOptions()) throws -> (Connection, DemoSummary) {
        let db = try TestDatabase.connect(label)
        let summary = try DemoFederation.generate(into: db, options: options, logger: TestDatabase.logger)
        return (db, summary)
    }

    /// An md5 of every row of each table, in a stable order.
    static func fingerprints(_ db: Connection) throws -> [String: String] {
        var prints: [String: String] = [:]
        for table in tables {
            prints[table] = try db.query("fingerprint \(table)", """
                SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS h FROM \(db.quoteIdentifier(table)) t
                """) { try $0.decode("h", as: String.self) }.first
        }
        return prints
    }

    @Test func sameSeedAndOptionsGiveIdenticalRows() throws {
        let (first, _) = try Self.generated("demo")
        let (second, _) = try Self.generated("demo")
        let a = try Self.fingerprints(first), b = try Self.fingerprints(second)
        #expect(a.count == Self.tables.count)
        for table in Self.tables { #expect(a[table] == b[table], "\(table) differs between two runs with the same seed") }
    }

    @Test func anotherSeedGivesOtherRows() throws {
        let (first, _) = try Self.generated("demo")
        let (second, _) = try Self.generated("demo", DemoOptions(seed: 2))
        let a = try Self.fingerprints(first), b = try Self.fingerprints(second)
        for table in ["User", "Subscription", "Basket", "UserOrder", "Operation", "Volunteer"] {
            #expect(a[table] != b[table], "\(table) is the same with seeds 1 and 2")
        }
    }

    @Test func summaryCountsAreTheTablesCounts() throws {
        let (db, summary) = try Self.generated("demo")
        for (table, rows) in summary.tables {
            #expect(try db.scalarInt("SELECT count(*) AS v FROM \(db.quoteIdentifier(table))") == rows, "\(table)")
        }
        #expect(summary.tables.map(\.table).sorted() == Self.tables.sorted())
        #expect(summary.groups == 4 && summary.users == 1 + 3 * 40 + 4 && summary.sessions == 3 * 8 + 4)
        #expect(summary.description.contains("\(summary.orderLines) order lines"))
    }

    @Test(arguments: [(1, 2, 1), (2, 5, 2), (1, 4, 3), (4, 12, 5)])
    func tinyFederationsLoadAndStayConsistent(groups: Int, households: Int, weeks: Int) throws {
        let options = DemoOptions(seed: 7, groups: groups, households: households, weeks: weeks)
        let (db, summary) = try Self.generated("demo", options)
        #expect(try db.scalarInt("SELECT count(*) AS v FROM \"UserOrder\"") == summary.orderLines)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "MultiDistrib" m JOIN "Group" g ON g.id = m."groupId" WHERE g.disabled IS NULL"#)
                    == groups * weeks)
        #expect(try db.scalarInt(Self.debtMismatches) == 0)
        #expect(try db.scalarInt(Self.balanceMismatches) == 0)
    }

    @Test func refusesADatabaseThatAlreadyHoldsGroups() throws {
        let (db, summary) = try Self.generated("demo")
        let name = try db.query("name", "SELECT current_database() AS v") { try $0.decode("v", as: String.self) }[0]
        #expect {
            _ = try DemoFederation.generate(into: db, options: DemoOptions(seed: 9), logger: TestDatabase.logger)
        } throws: { error in
            guard let error = error as? DemoDataError, case .databaseNotEmpty(_, "Group", _) = error else { return false }
            return error.description.contains(name)
        }
        #expect(try db.scalarInt("SELECT count(*) AS v FROM \"User\"") == summary.users)
    }

    @Test func identitySequencesContinueAfterTheLoadedIds() throws {
        let (db, summary) = try Self.generated("demo")
        let id = try db.query("insert", """
            INSERT INTO "User" ("firstName", "lastName", email, cdate) VALUES ('Zoé', 'NOUVELLE', 'zoe@new.example', '2025-10-01') RETURNING id AS v
            """) { try $0.decode("v", as: Int.self) }[0]
        #expect(id == summary.users + 1)
        let line = try db.query("insert line", """
            INSERT INTO "UserOrder" ("userId", "productId", "distributionId", quantity, "productPrice", date)
            VALUES (2, 1, 1, 1, 12, '2025-10-01') RETURNING id AS v
            """) { try $0.decode("v", as: Int.self) }[0]
        #expect(line == summary.orderLines + 1)
    }

    // MARK: - Every case the documents must handle, in the default federation

    @Test func peopleHaveFrenchNamesPartnersAndPhones() throws {
        let (db, _) = try Self.generated("demo")
        let names = try db.query("names", #"SELECT "firstName" AS f, "lastName" AS l, "firstName2" AS f2, "lastName2" AS l2 FROM "User""#) {
            (try $0.decode("f", as: String.self), try $0.decode("l", as: String.self),
             try $0.decodeIfPresent("f2", as: String.self), try $0.decodeIfPresent("l2", as: String.self))
        }
        let firsts = Set(names.map(\.0)), lasts = Set(names.map(\.1))
        for name in ["Élodie", "Loïc", "Anne-Sophie", "Gaëlle", "François", "Noé", "Chloé"] {
            #expect(firsts.contains(name) || names.contains { $0.2 == name }, "no \(name)")
        }
        for name in ["LE GOFF", "N'DIAYE", "LEFÈVRE", "MÜLLER", "DA SILVA", "BRÉHIER", "KERVŒN"] {
            #expect(lasts.contains(name) || names.contains { $0.3 == name }, "no \(name)")
        }
        #expect(names.allSatisfy { $0.1 == $0.1.uppercased() }, "last names are stored upper-case")
        #expect(names.contains { $0.0.contains("-") }, "a compound first name")
        let partners = names.filter { $0.2 != nil }
        #expect(partners.count >= 30 && partners.count <= 90, "about half the households have a partner")
        #expect(partners.contains { $0.3 != nil && $0.3 != $0.1 }, "a partner with another last name")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "User" WHERE phone ~ '^0[67]( [0-9]{2}){4}$'"#) > 60)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "User" WHERE phone2 IS NOT NULL"#) > 5)
        #expect(try db.scalarInt(#"SELECT count(*) - count(DISTINCT lower(email)) AS v FROM "User""#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "User" WHERE "lastName" <> upper("lastName") OR email NOT LIKE '%@%'"#) == 0)
    }

    @Test func deletedAccountOwnsHistory() throws {
        let (db, _) = try Self.generated("demo")
        let id = try db.query("deleted", #"SELECT id AS v, "firstName" AS f FROM "User" WHERE email = 'deleted@camap.tld'"#) {
            (try $0.decode("v", as: Int.self), try $0.decode("f", as: String.self))
        }
        #expect(id.count == 1)
        let deleted = id.first?.0 ?? -1
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" WHERE "userId" = $1"#, [deleted]) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE "userId" = $1"#, [deleted]) > 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder" o JOIN "Distribution" d ON d.id = o."distributionId"
            WHERE o."userId" = $1 AND d.date >= '2025-09-29'
            """#, [deleted]) == 0, "its orders are history: all before today")
    }

    @Test func groupsCoverFlagsMembershipAndLogo() throws {
        let (db, _) = try Self.generated("demo")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Group" WHERE flags & 64 <> 0"#) == 1, "one HidePhone group")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Group" WHERE disabled = 'SUSPENDED'"#) == 1)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Basket" b JOIN "MultiDistrib" m ON m.id = b."multiDistribId"
            JOIN "Group" g ON g.id = m."groupId" WHERE g.disabled IS NOT NULL
            """#) > 0, "the suspended group keeps a little data")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Group" WHERE disabled IS NULL AND NOT ("placeId" IS NOT NULL AND "userId" IS NOT NULL
              AND "hasMembership" AND "membershipFee" > 0 AND currency = '€' AND "currencyCode" = 'EUR' AND "checkOrder" <> ''
              AND "vatRates" = '{"5,5%":5.5,"20%":20}' AND "allowedPaymentsType" LIKE '[%')
            """#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Group" WHERE "txtDistrib" LIKE '<p>%&nbsp;!</p>%'"#) >= 1)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Place" WHERE "zipCode" LIKE '44%' AND city <> ''"#) == 4)
        let logo = try db.query("logo", #"""
            SELECT encode(substring(f.data FROM 1 FOR 8), 'hex') AS sig, encode(substring(f.data FROM 17 FOR 8), 'hex') AS size,
                   encode(substring(f.data FROM length(f.data) - 7), 'hex') AS tail
            FROM "Group" g JOIN "File" f ON f.id = g."imageId"
            """#) { (try $0.decode("sig", as: String.self), try $0.decode("size", as: String.self), try $0.decode("tail", as: String.self)) }
        #expect(logo.count == 1)
        #expect(logo.first?.0 == "89504e470d0a1a0a", "PNG signature")
        #expect(logo.first?.1 == "0000004000000040", "64 × 64")
        #expect(logo.first?.2 == "49454e44ae426082", "ends with the IEND chunk")
    }

    @Test func contractsCoverClassicVariableBulkAndWeighedProducts() throws {
        let (db, _) = try Self.generated("demo")
        #expect(try db.scalarInt(#"SELECT max(n) AS v FROM (SELECT count(DISTINCT "groupId") AS n FROM "Catalog" GROUP BY "vendorId") x"#) >= 3,
                "a farm supplies several AMAPs")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Vendor" WHERE email LIKE '%@%' AND phone <> '' AND "companyNumber" ~ '^[0-9 ]{17}$'"#)
                    == (try db.scalarInt(#"SELECT count(*) AS v FROM "Vendor""#)))
        #expect(try db.scalarInt(#"SELECT count(DISTINCT type) AS v FROM "Catalog""#) == 2)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Catalog" WHERE "userId" IS NULL OR "endDate" <= "startDate""#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Product" WHERE name LIKE 'Œufs (boîte de 12)' AND qt = 12 AND "unitType" = 0"#) > 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Product" p JOIN "Catalog" c ON c.id = p."catalogId"
            WHERE c.type = 1 AND p."multiWeight" AND p."variablePrice" AND p."unitType" = 1
            """#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Product" WHERE bulk AND "unitType" = 1"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Product" WHERE vat = 20"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Product" WHERE vat = 5.5"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Product" WHERE NOT active"#) > 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder"
            WHERE "productPrice" = 2.675 AND quantity IN (1, 3)
            """#) > 0, "a line whose amount lands on a half cent")
    }

    @Test func sessionsDistributionsAndVolunteers() throws {
        let (db, _) = try Self.generated("demo")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM (SELECT "groupId", count(*) AS n, count(DISTINCT extract(isodow FROM "distribStartDate")) AS d
            FROM "MultiDistrib" m JOIN "Group" g ON g.id = m."groupId" WHERE g.disabled IS NULL GROUP BY 1) x WHERE n <> 8 OR d <> 1
            """#) == 0, "one session a week on a fixed weekday")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Distribution" d JOIN "MultiDistrib" m ON m.id = d."multiDistribId"
            WHERE d.date <> m."distribStartDate" OR d."end" <> m."distribEndDate" OR d."placeId" <> m."placeId"
            """#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "MultiDistrib" WHERE "orderStartDate" IS NULL OR "orderEndDate" >= "distribStartDate""#)
                    == 4, "only the suspended group (classic contracts) has no order window")
        // A double delivery of a classic contract duplicates its lines.
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE d.quantities = 2 AND c.type = 0
            """#) >= 1)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM (SELECT count(*) AS n FROM "UserOrder" o JOIN "Distribution" d ON d.id = o."distributionId"
            WHERE d.quantities = 2 GROUP BY o."subscriptionId", o."productId", o."distributionId") x WHERE n % 2 <> 0
            """#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" o JOIN "Distribution" d ON d.id = o."distributionId" WHERE d.quantities = 2"#) > 0)
        let slots = try db.query("slots", #"SELECT "volunteerRolesIds" AS v FROM "MultiDistrib" WHERE "volunteerRolesIds" IS NOT NULL"#) {
            try $0.decode("v", as: String.self).split(separator: ",").map { Int($0)! }
        }
        #expect(slots.contains { Set($0).count < $0.count }, "a role needed twice in a session")
        let duties = try db.scalarInt(#"SELECT count(*) AS v FROM "Volunteer""#)
        #expect(duties > 0 && duties < slots.map(\.count).reduce(0, +), "some duties filled, some left empty")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "VolunteerRole" WHERE "catalogId" IS NOT NULL"#) > 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Volunteer" v JOIN "VolunteerRole" r ON r.id = v."volunteerRoleId"
            JOIN "MultiDistrib" m ON m.id = v."multiDistribId"
            WHERE r."groupId" <> m."groupId" OR NOT (v."volunteerRoleId"::text = ANY (string_to_array(m."volunteerRolesIds", ',')))
            """#) == 0, "duties fill roles of their own session")
    }

    @Test func subscriptionsBasketsAndOrderLines() throws {
        let (db, _) = try Self.generated("demo")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Subscription" WHERE "userId2" IS NOT NULL AND "userId2" <> "userId""#) >= 3)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" WHERE "userId2" IS NOT NULL AND flags & 1 = 1"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" WHERE "userId2" IS NOT NULL AND flags & 1 = 0"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Subscription" WHERE "absentDistribIds" ~ '^[0-9]+(,[0-9]+)*$'"#) >= 3)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder" o JOIN "Subscription" s ON s.id = o."subscriptionId"
            WHERE o."distributionId"::text = ANY (string_to_array(s."absentDistribIds", ','))
            """#) == 0, "no line at an absence")
        // Classic contracts: one line per distribution of the subscription period, except absences.
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Subscription" s JOIN "Catalog" c ON c.id = s."catalogId" JOIN "Distribution" d ON d."catalogId" = c.id
            WHERE c.type = 0 AND d.date BETWEEN s."startDate" AND s."endDate"
              AND NOT (d.id::text = ANY (string_to_array(coalesce(s."absentDistribIds", ''), ',')))
              AND NOT EXISTS (SELECT 1 FROM "UserOrder" o WHERE o."subscriptionId" = s.id AND o."distributionId" = d.id)
            """#) == 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM (SELECT "multiDistribId", max(num) AS m, count(*) AS n, count(DISTINCT num) AS d, count(DISTINCT "userId") AS u
            FROM "Basket" GROUP BY 1) x WHERE m <> n OR d <> n OR u <> n
            """#) == 0, "baskets numbered 1…n in each session, one per household")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Basket" b JOIN "MultiDistrib" m ON m.id = b."multiDistribId"
            WHERE (b.status = 'VALIDATED') <> (m."distribStartDate" < '2025-09-29') AND b.status <> 'OPEN'
            """#) == 0, "validated exactly for past sessions")
        #expect(try db.scalarInt(#"SELECT count(DISTINCT status) AS v FROM "Basket""#) == 3)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" WHERE b.status = 'OPEN'
            """#) >= 3, "unconfirmed carts hold lines")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" WHERE o."userId" <> b."userId""#) == 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "Distribution" d ON d.id = o."distributionId"
            WHERE d."multiDistribId" <> b."multiDistribId"
            """#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" WHERE "basketId" IS NULL"#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" WHERE quantity = 0"#) > 0, "cancelled lines")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" WHERE quantity <> floor(quantity)"#) > 10, "decimal quantities")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder" o JOIN "Product" p ON p.id = o."productId"
            WHERE p."multiWeight" AND o.quantity <> 0 AND o.quantity NOT BETWEEN 1.4 AND 2.6
            """#) == 0, "weighed pieces: one line per piece")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM (SELECT 1 FROM "UserOrder" o JOIN "Product" p ON p.id = o."productId" WHERE p."multiWeight"
            GROUP BY o."basketId", o."productId" HAVING count(*) > 1) x
            """#) > 0, "two pieces, two lines")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserOrder" o JOIN "Product" p ON p.id = o."productId" WHERE p.bulk AND o.quantity IN (0.75, 1.5)"#) > 0)
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "UserOrder" o JOIN "Product" p ON p.id = o."productId" WHERE o."productPrice" <> p.price
            """#) > 0, "a price frozen before the product's price changed")
    }

    @Test func operationsCoverEveryPaymentAndMembership() throws {
        let (db, _) = try Self.generated("demo")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 1 AND (amount > 0 OR "subscriptionId" IS NULL)"#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 1 AND amount < 0"#) > 100)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 2 AND data = '{"type":"check"}' AND name ~ '^Chèque n°[0-9]{7}$'"#) > 10)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 2 AND data = '{"type":"cash"}' AND amount > 0"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 2 AND data = '{"type":"transfer"}' AND amount > 0"#) > 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 2 AND amount < 0"#) > 0, "a refund")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Operation" WHERE type = 2 AND pending"#) > 0, "checks not cashed yet")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Operation" p JOIN "Operation" d ON d.id = p."relationId"
            WHERE p.type = 2 AND (d.type NOT IN (1, 3) OR d."userId" <> p."userId" OR d."groupId" <> p."groupId")
            """#) == 0, "payments settle a debt of the same member")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Membership" m JOIN "Operation" o ON o.id = m."operationId"
            WHERE o.type = 3 AND o.amount = -m.amount AND o."userId" = m."userId" AND o."groupId" = m."groupId"
            """#) == (try db.scalarInt(#"SELECT count(*) AS v FROM "Membership""#)))
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Membership" WHERE year = 2025"#) > 60)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "Membership" WHERE "distributionId" IS NOT NULL"#) > 0)
        #expect(try db.scalarInt(Self.debtMismatches) == 0)
        #expect(try db.scalarInt(Self.balanceMismatches) == 0)
    }

    @Test func everyHouseholdIsAMemberWithRightsForCoordinators() throws {
        let (db, _) = try Self.generated("demo")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "User" u WHERE email <> 'deleted@camap.tld'
            AND NOT EXISTS (SELECT 1 FROM "UserGroup" ug WHERE ug."userId" = u.id)
            """#) == 0)
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "User" u WHERE (SELECT count(*) FROM "UserGroup" ug WHERE ug."userId" = u.id) > 1"#) > 0,
                "a household in two AMAPs")
        #expect(try db.scalarInt(#"""
            SELECT count(*) AS v FROM "Catalog" c LEFT JOIN "UserGroup" ug ON ug."userId" = c."userId" AND ug."groupId" = c."groupId"
            WHERE ug.rights IS NULL OR ug.rights NOT LIKE '%ContractAdmin%'
            """#) == 0, "coordinators are members with rights on their contracts")
        #expect(try db.scalarInt(#"SELECT count(*) AS v FROM "UserGroup" WHERE rights IS NULL"#) > 80)
    }

    /// Subscription debts that are not minus the sum of their lines' amounts (rounded to the cent, half away from zero).
    static let debtMismatches = #"""
        SELECT count(*) AS v FROM "Operation" op
        LEFT JOIN (SELECT "subscriptionId", sum(round(quantity::numeric * "productPrice"::numeric, 2)) AS total
                   FROM "UserOrder" GROUP BY 1) l ON l."subscriptionId" = op."subscriptionId"
        WHERE op.type = 1 AND op.amount::numeric <> -coalesce(l.total, 0)
        """#

    /// Members whose cached balance is not the sum of their operations in the group.
    static let balanceMismatches = #"""
        SELECT count(*) AS v FROM "UserGroup" ug
        LEFT JOIN (SELECT "userId", "groupId", sum(amount::numeric) AS s FROM "Operation" GROUP BY 1, 2) o
          ON o."userId" = ug."userId" AND o."groupId" = ug."groupId"
        WHERE abs(ug.balance::numeric - coalesce(o.s, 0)) > 0.001
        """#
}

struct DemoOptionsTests {
    @Test func startMustBeAMonday() {
        #expect(throws: DemoDataError.self) { try DemoOptions(start: LocalDate(year: 2025, month: 9, day: 2)).validate() }
        #expect(throws: Never.self) { try DemoOptions().validate() }
        #expect(DemoOptions().today == LocalDate(year: 2025, month: 9, day: 29))
    }

    @Test(arguments: [(0, 40, 8), (3, 1, 8), (3, 40, 0)])
    func sizesMustMakeAFederation(groups: Int, households: Int, weeks: Int) {
        #expect(throws: DemoDataError.self) {
            try DemoOptions(groups: groups, households: households, weeks: weeks).validate()
        }
    }
}

private extension Connection {
    /// The integer column `v` of the first row.
    func scalarInt(_ sql: String, _ params: [(any SQLParameter)?] = []) throws -> Int {
        try query("test scalar", sql, params) { try $0.decodeIfPresent("v", as: Int.self) ?? 0 }.first ?? 0
    }
}
