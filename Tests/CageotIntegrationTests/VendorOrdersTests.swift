import CageotApp
import CageotCore
import CageotDocuments
import CageotStore
import Foundation
import Testing

/// The hand-checked week of Fixtures/vendor-orders-fixture.sql, loaded into a fresh replica.
enum VendorOrdersFixture {
    static let sql = repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/vendor-orders-fixture.sql")
    static let vendor = 1
    static let week = ISOWeek("2026-W49")!
    static let emptyWeek = ISOWeek("2026-W51")!
    static let epoch = 1_795_942_800

    static func load() throws -> Connection {
        let connection = try TestDatabase.connect("vendor")
        try connection.executeScript("vendor orders fixture", try String(contentsOf: sql, encoding: .utf8))
        return connection
    }

    static func generate(_ db: Connection, week: ISOWeek = week, vendor: Int = vendor, output: URL,
                         name: String = "commandes.xlsx") throws -> GeneratedDocument {
        let jobs = try SheetJobs(connection: db, factory: try DocumentFactory(environment: Fixture.environment(output: output, epochSeconds: epoch)))
        return try jobs.vendorOrders(vendor: vendor, from: week.monday, to: week.sunday, to: output.appendingPathComponent(name))
    }
}

/// SQL's own answers, computed independently of the store's queries.
enum VendorOrdersSQL {
    static let scope = """
        FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId" JOIN "Product" p ON p.id = o."productId"
        JOIN "Distribution" d ON d.id = o."distributionId" JOIN "Catalog" c ON c.id = d."catalogId"
        JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
        WHERE c."vendorId" = $1 AND b.status <> 'OPEN' AND o.quantity <> 0
          AND COALESCE(d.date, md."distribStartDate")::date BETWEEN $2 AND $3
        """

    /// Per product: what to prepare (pieces, weight or count), incl. VAT, and excl. VAT rounded per product total.
    static func products(_ db: Connection) throws -> [(name: String, quantity: Decimal, ttc: Decimal, ht: Decimal)] {
        let sql = """
            SELECT p.name,
                   (CASE WHEN p."multiWeight" THEN count(*)::numeric
                         WHEN p.bulk OR p."variablePrice" THEN sum(o.quantity::numeric * COALESCE(p.qt, 1)::numeric)
                         ELSE sum(o.quantity::numeric) END)::text AS quantity,
                   sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS ttc,
                   round(sum(round(o.quantity::numeric * o."productPrice"::numeric, 2)) / (1 + p.vat::numeric / 100), 2)::text AS ht
            \(scope)
            GROUP BY p.id, p.name, p."multiWeight", p.bulk, p."variablePrice", p.vat
            """
        return try db.query("products", sql, params) {
            (try $0.decode("name"), try $0.decode("quantity"), try $0.decode("ttc"), try $0.decode("ht"))
        }
    }

    /// Every line amount of each distribution, and each household's total there.
    static func lineAmounts(_ db: Connection) throws -> [Int: [Decimal]] {
        let rows: [(Int, Decimal)] = try db.query("lines", """
            SELECT o."distributionId" AS d, round(o.quantity::numeric * o."productPrice"::numeric, 2)::text AS amount
            \(scope)
            """, params) { (try $0.decode("d"), try $0.decode("amount")) }
        return Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1).sorted() }
    }

    static func householdTotals(_ db: Connection) throws -> [Int: [Decimal]] {
        let rows: [(Int, Decimal)] = try db.query("households", """
            SELECT o."distributionId" AS d, sum(round(o.quantity::numeric * o."productPrice"::numeric, 2))::text AS total
            \(scope)
            GROUP BY o."distributionId", b.id
            """, params) { (try $0.decode("d"), try $0.decode("total")) }
        return Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1).sorted() }
    }

    static var params: [(any SQLParameter)?] {
        [VendorOrdersFixture.vendor, VendorOrdersFixture.week.monday, VendorOrdersFixture.week.sunday]
    }
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct VendorOrdersTests {
    @Test func summaryQuantitiesAndAmountsEqualWhatSqlComputes() throws {
        let db = try VendorOrdersFixture.load()
        let document = try VendorOrdersFixture.generate(db, output: try temporaryFolder())
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        let summary = try book.sheet("Récapitulatif")
        #expect(summary["A1"]?.text == "Produit" && summary["C1"]?.text == "Total à préparer")
        // Columns: Produit, Unité, Total, 3 distributions (D, E, F), TVA %, TTC (H), HT (I), TVA (J).
        #expect(summary["D1"]?.text == "AMAP de Rezé — jeu. 3 déc.")
        #expect(summary["G1"]?.text == "TVA (%)" && summary["H1"]?.text == "Montant TTC")
        let expected = try VendorOrdersSQL.products(db)
        #expect(expected.count == 6)
        var total = Decimal(0), totalHT = Decimal(0)
        for product in expected {
            let row = try #require((2...7).first { summary["A\($0)"]?.text?.hasPrefix(product.name) == true }, "\(product.name)")
            #expect(summary["C\(row)"]?.number == double(product.quantity), "\(product.name) quantity")
            #expect(summary["H\(row)"]?.number == double(product.ttc), "\(product.name) TTC")
            #expect(summary["I\(row)"]?.number == double(product.ht), "\(product.name) HT")
            #expect(summary["J\(row)"]?.number == double(product.ttc - product.ht), "\(product.name) TVA")
            for column in ["C", "H", "I", "J"] { #expect(summary["\(column)\(row)"]?.dataType == "n") }
            total += product.ttc; totalHT += product.ht
        }
        // The hand-checked figures: pieces for chickens, kilograms for flour, counts otherwise.
        #expect(expected.first { $0.name.hasPrefix("Poulet") }?.quantity == 3)
        #expect(expected.first { $0.name.hasPrefix("Farine") }?.quantity == Decimal(string: "4.25"))
        #expect(total == Decimal(string: "117.11"))
        #expect(summary["A8"]?.text == "Total")
        #expect(summary["H8"]?.formula == "=SUM(H2:H7)" && summary["H8"]?.cached == double(total))
        #expect(summary["I8"]?.cached == double(totalHT) && summary["J8"]?.cached == double(total - totalHT))
        // Per distribution: chickens are all at Rezé; the 6-egg boxes split 2 / 1 between the two other days.
        let chicken = try #require((2...7).first { summary["A\($0)"]?.text?.hasPrefix("Poulet") == true })
        #expect(summary["D\(chicken)"]?.number == 3 && summary["E\(chicken)"] == nil)
        let eggs6 = try #require((2...7).first { summary["A\($0)"]?.text == "Œufs (boîte de 6)" })
        #expect(summary["E\(eggs6)"]?.number == 2 && summary["F\(eggs6)"]?.number == 1)
        // By rate (rows 10…): 5,5 % and 20 %, each adding up exactly.
        #expect(summary["G10"]?.text == "Taux de TVA (%)" && summary["G11"]?.number == 5.5 && summary["G12"]?.number == 20)
        let byRate = ["H11", "H12"].compactMap { summary[$0]?.cached }
        #expect(byRate.count == 2 && abs(byRate.reduce(0, +) - double(total)) < 0.000_1)
        for row in [11, 12] {
            let (ttc, ht, vat) = (summary["H\(row)"]?.cached ?? .nan, summary["I\(row)"]?.cached ?? .nan, summary["J\(row)"]?.cached ?? .nan)
            #expect(abs(ttc - ht - vat) < 0.000_1, "rate row \(row)")
        }
    }

    @Test func distributionSheetsListEveryLineAndTotalAsSqlDoes() throws {
        let db = try VendorOrdersFixture.load()
        let document = try VendorOrdersFixture.generate(db, output: try temporaryFolder())
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        #expect(book.sheets.count == 7) // the summary, then each distribution's two sheets
        let lines = try VendorOrdersSQL.lineAmounts(db)
        let households = try VendorOrdersSQL.householdTotals(db)
        for (index, distribution) in [300, 301, 304].enumerated() {
            let sheet = book.sheets[2 * index + 1]
            let rows = sheet.rows
            let lineAmounts = rows.filter { sheet["E\($0)"]?.text != nil && sheet["H\($0)"]?.dataType == "n" }
                .compactMap { sheet["H\($0)"]?.number }.sorted()
            #expect(lineAmounts == (lines[distribution] ?? []).map(double), "\(sheet.name) lines")
            let subtotals = rows.filter { sheet["B\($0)"]?.text?.hasPrefix("Sous-total") == true }
            #expect(subtotals.compactMap { sheet["H\($0)"]?.cached }.sorted() == (households[distribution] ?? []).map(double),
                    "\(sheet.name) households")
            let totalRow = try #require(rows.first { sheet["A\($0)"]?.text == "Total" })
            let sum = (lines[distribution] ?? []).reduce(Decimal(0), +)
            #expect(sheet["H\(totalRow)"]?.cached == double(sum), "\(sheet.name) total")
            #expect(sheet["H\(totalRow)"]?.formula?.hasPrefix("=SUBTOTAL(9,H2:") == true)
            // Quantities and prices are numbers, never text.
            for row in rows where sheet["E\(row)"]?.text != nil && row > 1 {
                #expect(sheet["F\(row)"]?.dataType == "n" && sheet["G\(row)"]?.dataType == "n", "\(sheet.name) row \(row)")
            }
            // Every formula carries its value for readers that do not recalculate.
            for cell in sheet.cells.values where cell.formula != nil { #expect(cell.cached != nil) }
        }
        let rezé = book.sheets[1]
        #expect(rezé.name == "jeu. 3 déc. AMAP de Rezé")
        // Households by surname ignoring accents (ÉTIENNE after EBERT, before LE GOFF), cancelled and OPEN left out.
        let names = rezé.rows.compactMap { rezé["B\($0)"]?.text }.filter { $0.hasPrefix("Sous-total") }
        #expect(names == ["Sous-total EBERT Paul", "Sous-total ÉTIENNE Zoé", "Sous-total LE GOFF Élodie / Loïc",
                          "Sous-total N'DIAYE Anne-Sophie / BRÉHIER François"])
        #expect(!rezé.cells.filter { $0.key.hasPrefix("B") }.values.contains {
            $0.text?.contains("MARTIN") == true || $0.text?.contains("ABADIE") == true
        })
    }

    @Test func phonesAreTextAndHiddenWhenTheGroupSaysSo() throws {
        let db = try VendorOrdersFixture.load()
        let document = try VendorOrdersFixture.generate(db, output: try temporaryFolder())
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        let phones = book.sheets[1].cells.filter { $0.key.hasPrefix("D") && $0.key != "D1" }.values
        #expect(phones.contains { $0.text == "0699999999" && $0.dataType == "s" })
        #expect(phones.contains { $0.text == "06 11 22 33 44 / 06 55 66 77 88" })
        #expect(phones.allSatisfy { $0.dataType == "s" || $0.text == nil })
        for sheet in book.sheets.dropFirst(3) {
            #expect(!sheet.cells.contains { $0.value.text?.contains("06") == true }, "\(sheet.name) shows phones")
        }
    }

    @Test func sheetNamesAreValidAndUniqueWhateverTheGroupName() throws {
        let db = try VendorOrdersFixture.load()
        let document = try VendorOrdersFixture.generate(db, output: try temporaryFolder())
        let names = try VendorOrdersReader.read(URL(fileURLWithPath: document.path)).sheets.map(\.name)
        #expect(names.count == 7 && names[0] == "Récapitulatif")
        #expect(names[1] == "jeu. 3 déc. AMAP de Rezé" && names[2] == "jeu. 3 déc. AMAP de Rezé grille", "\(names)")
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "\(names)")
        for name in names {
            #expect(name.utf16.count <= 31 && !name.isEmpty, "\(name)")
            #expect(!name.contains { "[]:*?/\\".contains($0) }, "\(name)")
            #expect(!name.hasPrefix("'") && !name.hasSuffix("'"))
        }
        // Cut to 31 characters, the day stays; the grid keeps its tail.
        #expect(names[3].hasPrefix("sam. 5 déc. AMAP (Sud)- -Loire-"), "\(names[3])")
        #expect(names[4].hasPrefix("sam. 5 déc. AMAP (Sud)") && names[4].hasSuffix(" grille"), "\(names[4])")
        #expect(names[5].hasPrefix("dim. 6 déc. AMAP (Sud)") && names[6].hasSuffix(" grille"), "\(names)")
    }

    @Test func workbookIsPrintableAndDated() throws {
        let db = try VendorOrdersFixture.load()
        let document = try VendorOrdersFixture.generate(db, output: try temporaryFolder())
        #expect(document.kind == "vendor-orders" && document.scope == "vendor:1:2026-11-30:2026-12-06")
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        #expect(book.creator == "Ferme de Kervœn")
        #expect(book.title == "Commandes — Ferme de Kervœn — du 30/11/2026 au 06/12/2026")
        #expect(book.created?.hasPrefix("2026-11-29T") == true, "\(book.created ?? "nil")")
        for sheet in book.sheets {
            #expect(sheet.orientation == "landscape" && sheet.paperSize == 9, "\(sheet.name)")
            #expect(sheet.fitToPage && (sheet.fitToWidth ?? 1) == 1 && sheet.fitToHeight == 0, "\(sheet.name)") // 1 is the schema default, left out
            #expect(sheet.printTitleRows == "$1:$1" || sheet.printTitleRows == "1:1", "\(sheet.name) \(sheet.printTitleRows ?? "nil")")
            #expect(sheet.footerCenter == "&P / &N", "\(sheet.name)")
            #expect(sheet.freezePanes != nil && sheet.autoFilter != nil, "\(sheet.name)")
            #expect(!sheet.widths.isEmpty)
        }
        let recorded = try db.query("ledger", """
            SELECT count(*)::int AS n FROM cageot.documents WHERE kind = 'vendor-orders' AND scope = $1 AND checksum = $2
            """, [document.scope, document.checksum]) { try $0.decode("n", as: Int.self) }
        #expect(recorded == [1])
    }

    @Test func emptyWeekSaysSo() throws {
        let db = try VendorOrdersFixture.load()
        let document = try VendorOrdersFixture.generate(db, week: VendorOrdersFixture.emptyWeek, output: try temporaryFolder())
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: document.path))
        #expect(book.sheets.count == 1)
        #expect(book.sheets[0]["A1"]?.text == "Aucune commande pour cette semaine")
    }

    @Test func sameDataGiveSameBytes() throws {
        let db = try VendorOrdersFixture.load()
        let folder = try temporaryFolder()
        let first = try VendorOrdersFixture.generate(db, output: folder, name: "a.xlsx")
        let second = try VendorOrdersFixture.generate(db, output: folder, name: "b.xlsx")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path)) == Data(contentsOf: URL(fileURLWithPath: second.path)))
        #expect(first.fingerprint == second.fingerprint && first.checksum == second.checksum)
        try db.execute("change an order", #"UPDATE "UserOrder" SET quantity = 4 WHERE id = 1"#)
        let third = try VendorOrdersFixture.generate(db, output: folder, name: "c.xlsx")
        #expect(third.fingerprint != first.fingerprint && third.checksum != first.checksum)
    }

    @Test func unknownVendorThrowsAndWritesNothing() throws {
        let db = try VendorOrdersFixture.load()
        let folder = try temporaryFolder()
        #expect(throws: NotFound(entity: "farmer (Vendor)", id: 999)) {
            try VendorOrdersFixture.generate(db, vendor: 999, output: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func alternatedBasketsSayWhoseTurnItIs() throws {
        let db = try VendorOrdersFixture.load()
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: try VendorOrdersFixture.generate(db, output: try temporaryFolder()).path))
        // 300 is catalog 1's first distribution, and the flag says the alternation starts with the partner.
        let rezé = book.sheets[1]
        #expect(rezé["C1"]?.text == "Panier alterné : tour de")
        let leGoff = rezé.rows.filter { rezé["B\($0)"]?.text == "LE GOFF Élodie / Loïc" }
        #expect(leGoff.count == 2 && leGoff.allSatisfy { rezé["C\($0)"]?.text == "ABADIE Jean" })
        #expect(rezé.rows.filter { $0 > 1 && rezé["C\($0)"]?.text != nil }.count == 2, "only the shared basket")
        // 304 is catalog 2's second distribution: the partner's turn, no flag.
        let sunday = book.sheets[5]
        #expect(sunday.rows.contains { sunday["B\($0)"]?.text?.hasPrefix("N'DIAYE") == true && sunday["C\($0)"]?.text == "MARTIN Gaëlle" })
        #expect(book.sheets[6].rows.contains { book.sheets[6]["C\($0)"]?.text == "MARTIN Gaëlle" })
    }

    @Test func productByHouseholdSheetsAddUpToTheSummary() throws {
        let db = try VendorOrdersFixture.load()
        let book = try VendorOrdersReader.read(URL(fileURLWithPath: try VendorOrdersFixture.generate(db, output: try temporaryFolder()).path))
        let households = try VendorOrdersSQL.householdTotals(db)
        let summary = try book.sheet("Récapitulatif")
        for (index, distribution) in [300, 301, 304].enumerated() {
            let grid = book.sheets[2 * index + 2]
            #expect(grid.name.contains(" grille"), "\(grid.name)")
            #expect(grid["A1"]?.text == "N° panier" && grid["C1"]?.text == "Panier alterné : tour de")
            let columns = grid.columns.filter { $0 != "A" && $0 != "B" && $0 != "C" }
            let amountColumn = try #require(columns.last)
            #expect(grid["\(amountColumn)1"]?.text == "Montant")
            let totalRow = try #require(grid.rows.first { grid["A\($0)"]?.text == "Total" })
            let householdRows = grid.rows.filter { $0 > 1 && $0 < totalRow }
            #expect(householdRows.compactMap { grid["\(amountColumn)\($0)"]?.number }.sorted() == (households[distribution] ?? []).map(double))
            #expect(grid["\(amountColumn)\(totalRow)"]?.cached == double((households[distribution] ?? []).reduce(0, +)))
            // Each product column's total is the summary's figure for that product at this distribution.
            let summaryColumn = ["D", "E", "F"][index]
            for column in columns.dropLast() {
                let name = try #require(grid["\(column)1"]?.text)
                let row = try #require(summary.rows.first { summary["A\($0)"]?.text == name }, "\(name)")
                let cached = try #require(grid["\(column)\(totalRow)"]?.cached)
                #expect(grid["\(column)\(totalRow)"]?.formula == "=SUM(\(column)2:\(column)\(totalRow - 1))")
                #expect(abs(cached - (summary["\(summaryColumn)\(row)"]?.number ?? .nan)) < 0.000_1, "\(grid.name) \(name)")
                #expect(abs(cached - householdRows.compactMap { grid["\(column)\($0)"]?.number }.reduce(0, +)) < 0.000_1)
            }
        }
    }

    @Test func excludingVATAddsUpPerRate() {
        // 10,53 € at 5,5 %: 9,981… → 9,98 €, VAT 0,55 €; 0 % leaves the amount whole.
        #expect(VendorOrders.excludingVAT(Money(cents: 1053), rate: Decimal(string: "5.5")!) == Money(cents: 998))
        #expect(VendorOrders.excludingVAT(Money(cents: 1999), rate: 20) == Money(cents: 1666))
        #expect(VendorOrders.excludingVAT(Money(cents: 1234), rate: 0) == Money(cents: 1234))
        #expect(VendorOrders.label(groupName: "AMAP de Rezé", date: LocalDate(year: 2026, month: 12, day: 3)) == "AMAP de Rezé — jeu. 3 déc.")
    }
}

private func double(_ value: Decimal) -> Double { Double(value.description)! }

// MARK: - openpyxl reader (a copy of Tests/CageotXLSXTests/Reader.swift, reduced)

enum VendorOrdersReader {
    static func read(_ file: URL) throws -> VOBook {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("vo-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? errHandle.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(tool: "openpyxl", status: process.terminationStatus,
                             output: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
        }
        return try JSONDecoder().decode(VOBook.self, from: data)
    }

    private static let script = #"""
import json, sys
import openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
values = openpyxl.load_workbook(path, data_only=True)
props = wb.properties
out = {"title": props.title, "creator": props.creator,
       "created": props.created.isoformat() if props.created else None, "sheets": []}
def number(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
for ws in wb.worksheets:
    cached = values[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            d = {"dataType": c.data_type, "number": number(v)}
            if isinstance(v, str) and c.data_type != "f":
                d["text"] = v
            if c.data_type == "f":
                d["formula"] = v
                d["cached"] = number(cached[c.coordinate].value)
            cells[c.coordinate] = d
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    out["sheets"].append({
        "name": ws.title, "cells": cells, "maxRow": ws.max_row,
        "freezePanes": ws.freeze_panes, "orientation": ps.orientation,
        "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
        "fitToPage": bool(pr and pr.fitToPage),
        "fitToWidth": int(ps.fitToWidth) if ps.fitToWidth is not None else None,
        "fitToHeight": int(ps.fitToHeight) if ps.fitToHeight is not None else None,
        "printTitleRows": ws.print_title_rows, "autoFilter": ws.auto_filter.ref,
        "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.customWidth},
        "footerCenter": ws.oddFooter.center.text,
        "charts": len(getattr(ws, "_charts", [])),
    })
print(json.dumps(out))
"""#
}

struct VOBook: Decodable {
    var title: String?
    var creator: String?
    var created: String?
    var sheets: [VOSheet]

    func sheet(_ name: String) throws -> VOSheet {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw ToolFailed(tool: "openpyxl", status: 0, output: "no sheet \(name) among \(sheets.map(\.name))")
        }
        return sheet
    }
}

struct VOSheet: Decodable {
    var name: String
    var cells: [String: VOCell]
    var maxRow: Int
    var freezePanes: String?
    var orientation: String?
    var paperSize: Int?
    var fitToPage: Bool
    var fitToWidth: Int?
    var fitToHeight: Int?
    var printTitleRows: String?
    var autoFilter: String?
    var widths: [String: Double]
    var footerCenter: String?
    /// Native charts drawn on the sheet.
    var charts: Int

    subscript(_ coordinate: String) -> VOCell? { cells[coordinate] }
    /// 1-based row numbers, header included.
    var rows: [Int] { Array(1...max(1, maxRow)) }
    /// The letters of the columns holding a cell, left to right.
    var columns: [String] {
        Set(cells.keys.map { String($0.prefix { $0.isLetter }) }).sorted { ($0.count, $0) < ($1.count, $1) }
    }
}

struct VOCell: Decodable {
    var dataType: String
    var number: Double?
    var text: String?
    var formula: String?
    var cached: Double?
}
