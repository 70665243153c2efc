import CageotCore
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// The usage report's figures (docs/usage-report.md) against a real PostgreSQL: the hand-checked
/// fixture, then a generated federation checked against SQL written independently of the store's.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct UsageReportTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/usage-fixture.sql")

    static func fixtureData(_ period: UsagePeriod = .year(2026)) throws -> UsageReportData {
        let db = try TestDatabase.connect("usage")
        try db.executeScript("usage fixture", try String(contentsOf: fixture, encoding: .utf8))
        return try CamapStore(db).usageReportData(period: period)
    }

    static func euros(_ text: String) -> Money { Money(rounding: Decimal(string: text)!) }

    /// The fixture plus `sql`, the year 2026's report on it, each group's figures and the months
    /// checked against independent SQL; the report and the checker, for more expectations.
    static func fixtureMatchingIndependentSQL(adding label: String, _ sql: String) throws -> (UsageReportData, IndependentUsage) {
        let db = try TestDatabase.connect("usage")
        try db.executeScript("usage fixture", try String(contentsOf: fixture, encoding: .utf8))
        try db.executeScript(label, sql)
        let data = try CamapStore(db).usageReportData(period: .year(2026))
        let check = IndependentUsage(db: db, period: .year(2026))
        for group in data.groups {
            #expect(group.figures == (try check.figures(group: group.groupId)), "group \(group.groupId)")
        }
        #expect(data.months == (try check.months()))
        return (data, check)
    }

    @Test func fixtureListsGroupsCreatedByTheEndByNameIgnoringCaseAndAccents() throws {
        let data = try Self.fixtureData()
        #expect(data.groups.map(\.groupId) == [1, 3, 2])
        #expect(data.groups.map(\.disabled) == [nil, "SUSPENDED", nil])
        #expect(data.groups.map(\.createdOn) == [LocalDate(year: 2020, month: 1, day: 1), LocalDate(year: 2019, month: 1, day: 1),
                                                 LocalDate(year: 2026, month: 3, day: 15)])
        #expect(data.newGroups == 1 && data.disabledGroups == 1)
        #expect(data.hasActivity)
    }

    @Test func fixtureGroupFiguresAreTheHandCheckedOnes() throws {
        let data = try Self.fixtureData()
        let byId = Dictionary(uniqueKeysWithValues: data.groups.map { ($0.groupId, $0.figures) })
        #expect(byId[1] == UsageFigures(
            activeHouseholds: 3, members: 4, membershipsPaid: 3, membershipAmount: Self.euros("37.01"),
            activeContracts: 2, vendors: 2, sessionsHeld: 3, baskets: 6, orderLines: 7, turnover: Self.euros("43.05"),
            turnoverByVAT: [VATAmount(rate: Decimal(string: "5.5")!, amount: Self.euros("28.06")),
                            VATAmount(rate: 20, amount: Self.euros("14.99"))],
            payments: [PaymentTypeTotal(type: "check", count: 3, amount: Self.euros("18.03")),
                       PaymentTypeTotal(type: "cash", count: 1, amount: Self.euros("5")),
                       PaymentTypeTotal(type: "transfer", count: 1, amount: Self.euros("9.99")),
                       PaymentTypeTotal(type: "other", count: 3, amount: Self.euros("15.03"))],
            dutiesFilled: 3, dutiesNeeded: 5))
        #expect(byId[2] == UsageFigures(
            activeHouseholds: 2, members: 2, membershipsPaid: 2, membershipAmount: Self.euros("40"),
            activeContracts: 1, vendors: 1, sessionsHeld: 2, baskets: 3, orderLines: 3, turnover: Self.euros("30"),
            turnoverByVAT: [VATAmount(rate: Decimal(string: "5.5")!, amount: Self.euros("30"))],
            payments: [PaymentTypeTotal(type: "card-terminal", count: 1, amount: Self.euros("22.5")),
                       PaymentTypeTotal(type: "onthespot", count: 1, amount: Self.euros("7.5")),
                       PaymentTypeTotal(type: "moneypot", count: 1, amount: Self.euros("7.5")),
                       PaymentTypeTotal(type: "other", count: 2, amount: Self.euros("1.5"))],
            dutiesFilled: 2, dutiesNeeded: 3))
        #expect(byId[3] == UsageFigures(members: 1, membershipsPaid: 1, membershipAmount: Self.euros("5")))
    }

    @Test func fixtureFederationCountsAHouseholdAndAFarmerOfTwoGroupsOnce() throws {
        let data = try Self.fixtureData()
        #expect(data.federation == UsageFigures(
            activeHouseholds: 4, members: 6, membershipsPaid: 6, membershipAmount: Self.euros("82.01"),
            activeContracts: 3, vendors: 2, sessionsHeld: 5, baskets: 9, orderLines: 10, turnover: Self.euros("73.05"),
            turnoverByVAT: [VATAmount(rate: Decimal(string: "5.5")!, amount: Self.euros("58.06")),
                            VATAmount(rate: 20, amount: Self.euros("14.99"))],
            payments: [PaymentTypeTotal(type: "check", count: 3, amount: Self.euros("18.03")),
                       PaymentTypeTotal(type: "cash", count: 1, amount: Self.euros("5")),
                       PaymentTypeTotal(type: "transfer", count: 1, amount: Self.euros("9.99")),
                       PaymentTypeTotal(type: "card-terminal", count: 1, amount: Self.euros("22.5")),
                       PaymentTypeTotal(type: "onthespot", count: 1, amount: Self.euros("7.5")),
                       PaymentTypeTotal(type: "moneypot", count: 1, amount: Self.euros("7.5")),
                       PaymentTypeTotal(type: "other", count: 5, amount: Self.euros("16.53"))],
            dutiesFilled: 5, dutiesNeeded: 8))
        let sums = data.groups.map(\.figures)
        #expect(sums.map(\.activeHouseholds).reduce(0, +) == 5 && sums.map(\.vendors).reduce(0, +) == 3)
    }

    @Test func fixtureMonthsIncludeMonthsWithoutActivity() throws {
        let data = try Self.fixtureData()
        #expect(data.months.map(\.month) == (1...12).map { LocalDate(year: 2026, month: $0, day: 1) })
        let turnover: [Int: String] = [1: "25.03", 3: "9.99", 4: "22.5", 5: "7.5", 12: "8.03"]
        #expect(data.months.map(\.turnover) == (1...12).map { Self.euros(turnover[$0] ?? "0") })
        #expect(data.months.map(\.sessionsHeld) == (1...12).map { turnover[$0] == nil ? 0 : 1 })
        #expect(data.months.map(\.turnover).sum() == data.federation.turnover)
    }

    @Test func aPeriodOfDaysStartsAtMidnightOfItsFirstDayAndEndsAtMidnightAfterItsLast() throws {
        // 31 Dec 2025 holds session 10 (23:59); 8 Jan 2026 session 11. Group 2 does not exist yet.
        let data = try Self.fixtureData(UsagePeriod(from: LocalDate(year: 2025, month: 12, day: 31),
                                                    to: LocalDate(year: 2026, month: 1, day: 8), label: "hiver"))
        #expect(data.groups.map(\.groupId) == [1, 3])
        #expect(data.federation.sessionsHeld == 2 && data.federation.orderLines == 5)
        #expect(data.federation.turnover == Self.euros("30.38")) // 5,35 + 25,03
        #expect(data.months.map(\.month) == [LocalDate(year: 2025, month: 12, day: 1), LocalDate(year: 2026, month: 1, day: 1)])
        #expect(data.newGroups == 0)
    }

    @Test func anEmptyPeriodHasNoActivityButListsItsGroups() throws {
        let data = try Self.fixtureData(.year(2030))
        #expect(!data.hasActivity && data.federation.turnover == .zero && data.federation.payments.isEmpty)
        #expect(data.groups.count == 4 && data.months.count == 12)
        #expect(data.federation.members == 7) // Gaston's account exists by then; Denis is also in Zèbre
    }

    @Test func basketsAcrossGroupsOrHouseholdsAndRangesCountLikeIndependentSQL() throws {
        // 1200: no userId, lines of Alice and Denis (two households in one basket). 1201: Bruno's
        // basket at session 11 (group 1) with a line at session 20 (group 2): one basket in two
        // groups. 3500: Alice again in group 1, in the other basket range (ids are split in the
        // middle, 2551 here): one household, counted once.
        let (data, check) = try Self.fixtureMatchingIndependentSQL(adding: "odd baskets", """
            INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
              (1200, NULL, 11, 5, '2026-01-01', 'CONFIRMED'), (1201, 3, 11, 6, '2026-01-01', 'CONFIRMED'),
              (3500, 2, 12, 3, '2026-03-01', 'CONFIRMED');
            INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date) VALUES
              (50, 2, 10, 101, 1200, 1, 2.675, '2026-01-01'), (51, 5, 12, 102, 1200, 1, 4, '2026-01-01'),
              (52, 3, 10, 101, 1201, 1, 2.675, '2026-01-01'), (53, 3, 13, 200, 1201, 1, 7.5, '2026-01-01'),
              (54, 2, 11, 103, 3500, 1, 4.995, '2026-03-01')
            """)
        // The federation's baskets are the sum of the groups' (docs/usage-report.md): 1201 counts in
        // both of its groups, where a distinct count across the federation would count it once.
        var federation = try check.figures(group: nil)
        federation.baskets = data.groups.map(\.figures.baskets).reduce(0, +)
        #expect(data.federation == federation)
        let byId = Dictionary(uniqueKeysWithValues: data.groups.map { ($0.groupId, $0.figures) })
        // Group 1: 6 + 1200 + 1201 + 3500; Alice, Bruno, Émile and Denis. Group 2: 3 + 1201; Alice, Denis, Bruno.
        #expect(byId[1]?.baskets == 9 && byId[1]?.activeHouseholds == 4)
        #expect(byId[2]?.baskets == 4 && byId[2]?.activeHouseholds == 3)
        #expect(data.federation.baskets == 13 && data.federation.activeHouseholds == 4)
    }

    /// Ids far above the others (a hostile database's; CAMAP's auto-increment ids never are) go
    /// to the scan's side tables instead of its arrays: they count exactly like the others.
    @Test func distributionsAndBasketsWithFarIdsCountLikeIndependentSQL() throws {
        // Distribution 2,000,000,000: a copy of 101 (group 1). Basket 2,000,000,001 (Bruno, group 1)
        // with lines at it and at 101; basket 2,000,000,002 (no account) at it, in group 1 too.
        let (data, _) = try Self.fixtureMatchingIndependentSQL(adding: "far ids", """
            CREATE TEMP TABLE far AS SELECT * FROM "Distribution" WHERE id = 101;
            UPDATE far SET id = 2000000000;
            INSERT INTO "Distribution" SELECT * FROM far;
            INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES
              (2000000001, 3, 11, 7, '2026-01-01', 'CONFIRMED'), (2000000002, NULL, 11, 8, '2026-01-01', 'VALIDATED');
            INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date) VALUES
              (60, 3, 10, 2000000000, 2000000001, 2, 2.675, '2026-01-01'), (61, 3, 12, 101, 2000000001, 1, 4, '2026-01-01'),
              (62, 5, 10, 2000000000, 2000000002, 3, 1.005, '2026-01-01')
            """)
        let before = try Self.fixtureData()
        let one = { (data: UsageReportData) in data.groups.first { $0.groupId == 1 }?.figures }
        #expect(one(data)?.baskets == (one(before)?.baskets ?? 0) + 2)
        #expect(one(data)?.orderLines == (one(before)?.orderLines ?? 0) + 3)
        // 2 × 2.675 = 5.35, 4, 3 × 1.005 = 3.015 → 3.02 (half away from zero): 12.37 € more.
        #expect(one(data)?.turnover == (one(before)?.turnover ?? Money(cents: 0)) + Money(cents: 1237))
    }

    /// A price whose line amount does not fit PostgreSQL's bigint cents fails the report in SQL;
    /// lines whose amounts fit one by one but not added up fail it in Swift: both name the query,
    /// and the second the group and the columns to check, never a wrong or wrapped total.
    @Test(arguments: [(1e17, 1, "bigint out of range"), (5e16, 2, "order lines of group 1 add up")] as [(Double, Int, String)])
    func amountsTooLargeForCentsFailTheReportSayingWhy(price: Double, lines: Int, says: String) throws {
        let db = try TestDatabase.connect("usage")
        try db.executeScript("usage fixture", try String(contentsOf: Self.fixture, encoding: .utf8))
        try db.executeScript("huge basket", """
            INSERT INTO "Basket" (id, "userId", "multiDistribId", num, cdate, status) VALUES (1300, 3, 11, 9, '2026-01-01', 'CONFIRMED')
            """)
        for line in 0..<lines {
            try db.execute("huge line", """
                INSERT INTO "UserOrder" (id, "userId", "productId", "distributionId", "basketId", quantity, "productPrice", date)
                VALUES ($1, 3, 10, 101, 1300, 1, $2, '2026-01-01')
                """, [70 + line, price])
        }
        do {
            _ = try CamapStore(db).usageReportData(period: .year(2026))
            Issue.record("a total of \(Double(lines) * price) € was accepted")
        } catch let error as DatabaseError {
            #expect("\(error)".contains("usage line amounts") && "\(error)".contains(says), "\(error)")
        }
    }

    // MARK: - A generated federation against independent SQL

    @Test func demoFederationFiguresEqualIndependentSQL() throws {
        let db = try TestDatabase.connect("usage")
        // Sessions from December 2025 to February 2026: the year 2026 leaves the first weeks out.
        _ = try DemoFederation.generate(into: db, options: DemoOptions(seed: 5, groups: 3, households: 14, weeks: 10,
                                                                       start: LocalDate(year: 2025, month: 12, day: 1)),
                                        logger: TestDatabase.logger)
        var federations: [UsageFigures] = []
        for period in [UsagePeriod.year(2026), UsagePeriod.year(2025),
                       UsagePeriod(from: LocalDate(year: 2025, month: 12, day: 10), to: LocalDate(year: 2026, month: 1, day: 20),
                                   label: "hiver")] {
            let data = try CamapStore(db).usageReportData(period: period)
            let check = IndependentUsage(db: db, period: period)
            #expect(data.groups.map(\.groupId) == (try check.groupIds()))
            for group in data.groups {
                #expect(group.figures == (try check.figures(group: group.groupId)), "group \(group.groupId), \(period.label)")
            }
            #expect(data.federation == (try check.figures(group: nil)), "federation, \(period.label)")
            #expect(data.months == (try check.months()), "\(period.label)")
            #expect(data.newGroups == (try check.scalar(#"SELECT count(*) AS v FROM "Group" WHERE cdate::date BETWEEN $1 AND $2"#)))
            #expect(data.disabledGroups == (try check.scalar(
                #"SELECT count(*) AS v FROM "Group" WHERE cdate::date <= $2 AND disabled IS NOT NULL AND $1::date IS NOT NULL"#)))
            if period == .year(2026) {
                #expect(data.federation.vendors < data.groups.map(\.figures.vendors).reduce(0, +))
            }
            federations.append(data.federation)
        }
        // The checks cannot pass on empty reports: the periods hold activity of every kind, and
        // households or farmers in several groups (the federation's distinct counts differ from sums).
        #expect(federations.allSatisfy { $0.orderLines > 100 && $0.turnoverByVAT.count >= 2 && $0.payments.count >= 3 })
        #expect(federations.contains { $0.dutiesFilled > 0 && $0.dutiesNeeded > 0 })
        #expect(federations.contains { $0.membershipsPaid > 0 } && federations.allSatisfy { $0.members > 0 })
        #expect(try IndependentUsage(db: db, period: .year(2026)).scalar(
            #"SELECT count(*) AS v FROM "Basket" b JOIN "MultiDistrib" md ON md.id = b."multiDistribId" WHERE b."userId" = 1 AND md."distribStartDate"::date BETWEEN $1 AND $2"#) > 0,
            "the deleted account has baskets in 2026")
    }
}

/// Each figure of docs/usage-report.md computed on its own, with subqueries, implicit joins and
/// other spellings than the store's grouped queries. `$1`, `$2`: the period; `$3`: a group id, or
/// NULL for the whole federation.
struct IndependentUsage {
    let db: Connection
    let period: UsagePeriod

    /// The counted lines of the scope: `o`, `b`, `d`, `md`.
    static let lines = """
        FROM "UserOrder" o, "Basket" b, "Distribution" d, "MultiDistrib" md
        WHERE b.id = o."basketId" AND d.id = o."distributionId" AND md.id = d."multiDistribId"
          AND NOT (b.status = 'OPEN') AND o.quantity != 0
          AND (CASE WHEN d.date IS NULL THEN md."distribStartDate" ELSE d.date END)::date BETWEEN $1 AND $2
          AND md."groupId" IN (SELECT id FROM "Group" WHERE cdate::date <= $2)
          AND ($3::int IS NULL OR md."groupId" = $3)
        """
    /// Half away from zero, written without `round`.
    static let lineAmount = "trunc(abs(o.quantity::text::numeric * o.\"productPrice\"::text::numeric) * 100 + 0.5) * sign(o.quantity * o.\"productPrice\") / 100"
    static let deleted = "(SELECT id FROM \"User\" WHERE email = 'deleted@camap.tld')"

    func scalar(_ sql: String, group: Int? = nil) throws -> Int {
        let params: [(any SQLParameter)?] = sql.contains("$3") ? [period.from, period.to, group] : [period.from, period.to]
        return try db.query("independent", sql, params) { row in
            try row.decodeIfPresent("v", as: Int.self) ?? 0
        }.first ?? 0
    }

    func amount(_ sql: String, group: Int?) throws -> Money {
        Money(rounding: try db.query("independent", sql, [period.from, period.to, group]) { row in
            try row.decodeIfPresent("v", as: Decimal.self) ?? 0
        }.first ?? 0)
    }

    func groupIds() throws -> [Int] {
        let rows = try db.query("independent groups", #"SELECT id, name FROM "Group" WHERE cdate::date <= $2 AND $1::date IS NOT NULL"#,
                                [period.from, period.to]) { row in
            (id: try row.decode("id", as: Int.self), name: try row.decode("name", as: String.self))
        }
        return rows.sorted { Collation.precedes([$0.name], [$1.name]) || ($0.name == $1.name && $0.id < $1.id) }.map(\.id)
    }

    func figures(group: Int?) throws -> UsageFigures {
        let held = "SELECT DISTINCT md.id \(Self.lines)"
        let membershipDay = #"CASE WHEN m.date IS NOT NULL THEN m.date WHEN m."distributionId" IS NOT NULL THEN (SELECT "distribStartDate"::date FROM "MultiDistrib" WHERE id = m."distributionId") ELSE make_date(m.year, 1, 1) END"#
        let memberships = """
            FROM "Membership" m WHERE (\(membershipDay)) BETWEEN $1 AND $2
              AND m."groupId" IN (SELECT id FROM "Group" WHERE cdate::date <= $2) AND ($3::int IS NULL OR m."groupId" = $3)
            """
        return UsageFigures(
            activeHouseholds: try scalar("""
                SELECT count(*) AS v FROM (SELECT DISTINCT CASE WHEN b."userId" IS NULL THEN o."userId" ELSE b."userId" END AS h
                \(Self.lines)) x WHERE h NOT IN \(Self.deleted)
                """, group: group),
            members: try scalar("""
                SELECT count(DISTINCT ug."userId") AS v FROM "UserGroup" ug
                WHERE ug."userId" NOT IN \(Self.deleted) AND $1::date IS NOT NULL
                  AND ug."userId" IN (SELECT id FROM "User" WHERE cdate::date <= $2)
                  AND ug."groupId" IN (SELECT id FROM "Group" WHERE cdate::date <= $2) AND ($3::int IS NULL OR ug."groupId" = $3)
                """, group: group),
            membershipsPaid: try scalar("SELECT count(*) AS v \(memberships)", group: group),
            membershipAmount: try amount("SELECT sum(trunc(abs(m.amount::text::numeric) * 100 + 0.5) * sign(m.amount) / 100) AS v \(memberships)", group: group),
            activeContracts: try scalar("SELECT count(DISTINCT d.\"catalogId\") AS v \(Self.lines)", group: group),
            vendors: try scalar("""
                SELECT count(*) AS v FROM "Vendor" v WHERE EXISTS (SELECT 1 \(Self.lines)
                  AND d."catalogId" IN (SELECT id FROM "Catalog" c WHERE c."vendorId" = v.id))
                """, group: group),
            sessionsHeld: try scalar("SELECT count(*) AS v FROM (\(held)) s", group: group),
            baskets: try scalar("SELECT count(DISTINCT b.id) AS v \(Self.lines)", group: group),
            orderLines: try scalar("SELECT count(*) AS v \(Self.lines)", group: group),
            turnover: try amount("SELECT sum(\(Self.lineAmount)) AS v \(Self.lines)", group: group),
            turnoverByVAT: try db.query("independent VAT", """
                SELECT p.vat::text AS rate, sum(\(Self.lineAmount)) AS v
                \(Self.lines.replacingOccurrences(of: "\"MultiDistrib\" md", with: "\"MultiDistrib\" md, \"Product\" p"))
                  AND p.id = o."productId"
                GROUP BY p.vat ORDER BY p.vat
                """, [period.from, period.to, group]) { row in
                VATAmount(rate: try row.decode("rate"), amount: Money(rounding: try row.decode("v")))
            },
            payments: try payments(group: group),
            dutiesFilled: try scalar("SELECT count(*) AS v FROM \"Volunteer\" WHERE \"multiDistribId\" IN (\(held))", group: group),
            dutiesNeeded: try scalar("""
                SELECT count(*) AS v FROM "MultiDistrib" x, unnest(string_to_array(x."volunteerRolesIds", ',')) AS e
                WHERE x.id IN (\(held)) AND e ~ '^\\s*\\d+\\s*$'
                """, group: group))
    }

    func payments(group: Int?) throws -> [PaymentTypeTotal] {
        let rows = try db.query("independent payments", """
            SELECT op.data, op.amount::text AS amount FROM "Operation" op
            WHERE op.type = 2 AND op.pending = false AND op.date::date BETWEEN $1 AND $2
              AND op."groupId" IN (SELECT id FROM "Group" WHERE cdate::date <= $2) AND ($3::int IS NULL OR op."groupId" = $3)
            """, [period.from, period.to, group]) { row in
            (data: try row.decodeIfPresent("data", as: String.self), amount: try row.decode("amount", as: Decimal.self))
        }
        // The JSON is read here with Foundation's parser, a different reader from the store's pattern.
        var totals: [String: PaymentTypeTotal] = [:]
        for row in rows {
            let object = row.data.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
            var type = object?["type"] as? String ?? "other"
            if !CamapStore.paymentTypes.contains(type) { type = "other" }
            totals[type, default: PaymentTypeTotal(type: type, count: 0, amount: .zero)].count += 1
            totals[type]!.amount += Money(rounding: row.amount)
        }
        return CamapStore.paymentTypes.compactMap { totals[$0] }
    }

    func months() throws -> [MonthUsage] {
        var month = LocalDate(year: period.from.year, month: period.from.month, day: 1)
        var months: [MonthUsage] = []
        while month <= period.to {
            let next = month.month == 12 ? LocalDate(year: month.year + 1, month: 1, day: 1)
                                         : LocalDate(year: month.year, month: month.month + 1, day: 1)
            let inMonth = Self.lines + " AND (CASE WHEN d.date IS NULL THEN md.\"distribStartDate\" ELSE d.date END) >= $4::date"
                + " AND (CASE WHEN d.date IS NULL THEN md.\"distribStartDate\" ELSE d.date END) < $5::date"
            let params: [(any SQLParameter)?] = [period.from, period.to, nil as Int?, month, next]
            let turnover = try db.query("independent month", "SELECT sum(\(Self.lineAmount)) AS v \(inMonth)", params) { row in
                Money(rounding: try row.decodeIfPresent("v", as: Decimal.self) ?? 0)
            }[0]
            let sessions = try db.query("independent month sessions", "SELECT count(DISTINCT md.id) AS v \(inMonth)", params) { row in
                try row.decode("v", as: Int.self)
            }[0]
            months.append(MonthUsage(month: month, turnover: turnover, sessionsHeld: sessions))
            month = next
        }
        return months
    }
}
