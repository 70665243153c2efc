import CageotApp
import CageotCore
import CageotCosts
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// The usage report's files as a treasurer gets them: the PDF read back with poppler, the workbook
/// with openpyxl, the CSV as bytes; every share adding up to the cost to the cent.
enum UsageOutputFixture {
    static let epoch = 1_795_942_800 // 2026-11-29
    static let costs = """
        # Test cost file: 1 215,01 € to share.
        year = 2026

        [[item]]
        name = "Serveur"
        amount = 1200.00

        [[item]]
        name = "Nom de domaine"
        amount = 15.01

        [allocation]
        fixed = 40
        households = 40
        sessions = 10
        turnover = 10
        floor = 20.00
        """

    /// A small demo federation whose season runs in 2026, with its usual suspended AMAP.
    static func load() throws -> (conninfo: String, db: Connection) {
        let (conninfo, db, _) = try TestDatabase.demo("usage-out", options: DemoOptions(seed: 11, groups: 3, households: 12, weeks: 6,
                                                                                        start: LocalDate(year: 2026, month: 3, day: 2)))
        return (conninfo, db)
    }

    static func costFile(_ text: String = costs, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("costs.toml")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func generate(_ db: Connection, year: Int = 2026, costs: URL?, into folder: URL) throws -> [GeneratedDocument] {
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: folder, epochSeconds: epoch)))
        return try jobs.usageReport(period: .year(year), costs: try costs.map { try CostInput(url: $0) },
                                    federationName: "InterAMAP44", into: folder, csv: true)
    }
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct UsageOutputTests {
    @Test func sharesAddUpToTheCostInEveryOutput() throws {
        let (_, db) = try UsageOutputFixture.load()
        let folder = try temporaryFolder()
        let documents = try UsageOutputFixture.generate(db, costs: try UsageOutputFixture.costFile(in: folder), into: folder)
        #expect(documents.map(\.kind) == ["usage-report", "usage-workbook", "usage-csv"])
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: documents[1].path))
        #expect(book.sheets.map(\.name) == ["Synthèse", "Par AMAP", "Par mois", "Répartition"])
        #expect(book.title == "Usage de la plateforme — 2026 — InterAMAP44" && book.creator == "InterAMAP44")

        // Par AMAP: each total is the sum of its column, and the shares sum to the cost exactly.
        let groups = try book.sheet("Par AMAP")
        let totalRow = try #require(groups.rows.first { groups["A\($0)"]?.text == "Total" })
        let dataRows = Array(2..<totalRow)
        let groupCount = try db.query("groups", #"SELECT count(*)::int AS n FROM "Group" WHERE cdate::date <= '2026-12-31'"#) {
            try $0.decode("n", as: Int.self)
        }
        #expect([dataRows.count] == groupCount)
        for column in ["C", "D", "I", "J", "K", "L", "O"] {
            let sum = dataRows.compactMap { groups["\(column)\($0)"]?.number }.reduce(0, +)
            let cached = try #require(groups["\(column)\(totalRow)"]?.cached, "\(column)")
            #expect(abs(sum - cached) < 0.001, "column \(column)")
            #expect(groups["\(column)\(totalRow)"]?.formula?.hasPrefix("=SUM(") == true)
        }
        let shares = dataRows.compactMap { groups["O\($0)"]?.number }
        #expect(Int((shares.reduce(0, +) * 100).rounded()) == 121_501)
        let months = try book.sheet("Par mois")
        #expect(groups.charts == 1 && months.charts == 2)
        #expect(groups.freezePanes == "B2" && groups.autoFilter != nil && groups.footerCenter == "&P / &N")

        // Répartition: the theoretical shares are formulas of the weights, their values stored.
        let split = try book.sheet("Répartition")
        #expect(split["B5"]?.number == 40 && split["C5"]?.formula == "=SUM($B$11:$B$\(10 + dataRows.count))")
        let theoretical = (11..<(11 + dataRows.count)).compactMap { split["F\($0)"] }
        #expect(theoretical.count == dataRows.count && theoretical.allSatisfy { $0.formula?.hasPrefix("=IF(B") == true && $0.cached != nil })
        #expect(abs(theoretical.compactMap(\.cached).reduce(0, +) - 1215.01) < 0.000_1)
        // Each formula, evaluated here from the key's stored values, gives the stored share: the
        // formulas a treasurer edits compute what the allocation computed.
        func value(_ ref: String) -> Double { split[ref]?.cached ?? split[ref]?.number ?? .nan }
        for row in 11..<(11 + dataRows.count) where split["B\(row)"]?.number == 1 {
            var expected = value("F5") / max(1, value("C5"))
            for (key, metric) in [(6, "C"), (7, "D"), (8, "E")] where value("C\(key)") > 0 {
                expected += value("F\(key)") * value("\(metric)\(row)") / value("C\(key)")
            }
            #expect(abs(expected - value("F\(row)")) < 0.000_1, "row \(row)")
        }
        let due = (11..<(11 + dataRows.count)).compactMap { split["H\($0)"]?.number }
        #expect(Int((due.reduce(0, +) * 100).rounded()) == 121_501)
        // The suspended AMAP pays nothing and says why.
        let suspended = try #require((11..<(11 + dataRows.count)).first { split["B\($0)"]?.number == 0 })
        #expect(split["H\(suspended)"]?.number == 0 && split["I\(suspended)"]?.text?.isEmpty == false)

        // The PDF: every AMAP has its page; each payer's amount is printed; fonts embedded; valid.
        let pdf = documents[0].path
        try expectBundledFontsEmbeddedAndValid(pdf)
        // pdftotext gives the no-break spaces of French numbers as plain spaces.
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: FrenchFormat.thousandsSeparator, with: " ")
        }
        let text = plain(try run("pdftotext", ["-layout", pdf, "-"]))
        #expect(text.contains("Usage de la plateforme — 2026") && text.contains("Coût d'hébergement à partager"))
        #expect(text.contains("1 215,01 €"))
        for row in dataRows {
            let name = try #require(groups["A\(row)"]?.text)
            #expect(text.contains(name), "\(name)")
            let share = try #require(groups["O\(row)"]?.number)
            if share > 0 {
                let amount = plain(FrenchFormat.money(Money(cents: Int64((share * 100).rounded()))))
                #expect(text.contains("Montant à régler : \(amount)"), "\(name) \(amount)")
            }
        }
        #expect(text.contains("Chiffre d'affaires TTC par mois") && text.contains("Foyers actifs par AMAP"))

        // The CSV: BOM, ';', decimal comma, the same shares.
        let csv = try Data(contentsOf: URL(fileURLWithPath: documents[2].path))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == dataRows.count + 2 && lines.last?.hasPrefix("Total;") == true && lines.last?.hasSuffix(";1215,01") == true)
    }

    @Test func sameDataAndCostFileGiveSameBytes() throws {
        let (_, db) = try UsageOutputFixture.load()
        let a = try temporaryFolder(), b = try temporaryFolder()
        let first = try UsageOutputFixture.generate(db, costs: try UsageOutputFixture.costFile(in: a), into: a)
        let second = try UsageOutputFixture.generate(db, costs: try UsageOutputFixture.costFile(in: b), into: b)
        for (x, y) in zip(first, second) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: x.path)) == Data(contentsOf: URL(fileURLWithPath: y.path)), "\(x.kind)")
            #expect(x.fingerprint == y.fingerprint)
        }
    }

    @Test func aYearWithoutActivitySaysSo() throws {
        let (_, db) = try UsageOutputFixture.load()
        let folder = try temporaryFolder()
        let costs = try UsageOutputFixture.costFile(UsageOutputFixture.costs.replacingOccurrences(of: "year = 2026", with: "year = 2031"),
                                                    in: folder)
        let documents = try UsageOutputFixture.generate(db, year: 2031, costs: costs, into: folder)
        let text = try run("pdftotext", [documents[0].path, "-"])
        #expect(text.contains("Aucune activité sur la période"))
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: documents[1].path))
        #expect(!book.sheets.map(\.name).contains("Répartition"))
        let summary = try book.sheet("Synthèse")
        #expect(summary.cells.values.contains { $0.text == "Aucune activité sur la période" })
    }

    @Test func aWrongCostFileNamesItsLineAndWritesNothing() throws {
        let (conninfo, _) = try UsageOutputFixture.load()
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("report")
        let costs = try UsageOutputFixture.costFile(UsageOutputFixture.costs.replacingOccurrences(of: "sessions = 10", with: "sesions = 10"),
                                                    in: folder)
        let result = try execute(CLITests.binary, ["usage", "--database", conninfo, "--year", "2026", "--costs", costs.path,
                                                   "-o", output.path, "--now", "2026-11-29T10:00"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("costs.toml:") && result.stderr.contains("sesions"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // A file for another year is refused too, before anything is written.
        let other = try UsageOutputFixture.costFile(UsageOutputFixture.costs.replacingOccurrences(of: "year = 2026", with: "year = 2025"),
                                                    in: folder)
        let wrongYear = try execute(CLITests.binary, ["usage", "--database", conninfo, "--year", "2026", "--costs", other.path, "-o", output.path])
        #expect(wrongYear.status != 0 && wrongYear.stderr.contains("2025"), "\(wrongYear.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
