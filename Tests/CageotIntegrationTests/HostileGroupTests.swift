import CageotCore
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// The group full of trouble of db/hostile-group.sql, loaded by scripts/hostile-data next to a demo
/// federation, through every document kind of the command line: each is written and reads back
/// (qpdf, pdftotext, openpyxl) with the odd values shown as text, or fails alone with a one-line
/// error naming it. Never a crash (a signal), never a file outside the output folder.
enum HostileGroup {
    static let group = 2100000001
    static let vendor = 2100000001
    static let big = 2100000010, twiceHour = 2100000011, neverHour = 2100000012, yearOne = 2100000013, huge = 2100000014
    static let sessions = [big, twiceHour, neverHour, yearOne, huge]
    static let variable = 2100000021, classic = 2100000022, yearOneContract = 2100000023
    static let distributions = [2100000100, 2100000101, 2100000103, 2100000104, 2100000105, 2100000106]

    /// A demo federation of two AMAPs over weeks 43 and 44 of 2026, then the hostile group.
    static func load() throws -> (conninfo: String, db: Connection) {
        let (conninfo, db, _) = try TestDatabase.demo("hostile", options: DemoOptions(seed: 9, groups: 2, households: 10, weeks: 2,
                                                                                      start: LocalDate(year: 2026, month: 10, day: 19)))
        let loaded = try execute(repositoryRoot.appendingPathComponent("scripts/hostile-data"), [conninfo])
        guard loaded.status == 0 else { throw ToolFailed(tool: "scripts/hostile-data", status: loaded.status, output: loaded.stderr) }
        return (conninfo, db)
    }
}

@Suite(.enabled(if: TestDatabase.isAvailable))
struct HostileGroupTests {
    /// One command and what came of it.
    struct Made {
        var label: String
        var arguments: [String]
        var outcome: Outcome
        var files: [String]
    }

    @Test func theScriptLoadsEveryTroubleTheIssueNames() throws {
        let (_, db) = try HostileGroup.load()
        func value(_ sql: String) throws -> String {
            try db.query("hostile check", sql) { try $0.decode("v", as: String.self) }.first ?? ""
        }
        #expect(try value(#"SELECT name AS v FROM "Group" WHERE id = 2100000001"#) == "../../etc")
        #expect(try value(#"SELECT count(*)::text AS v FROM "Basket" WHERE "multiDistribId" = 2100000010"#) == "2010")
        // As long as each column allows.
        #expect(try value(#"SELECT max(length("firstName"))::text || ' ' || max(length("lastName"))::text || ' ' || max(length(phone))::text AS v FROM "User" WHERE id > 2100000000"#) == "32 32 19")
        #expect(try value(#"SELECT max(length(name))::text AS v FROM "Product" WHERE id > 2100000000"#) == "128")
        #expect(try value(#"SELECT length(name)::text || ' ' || length("peopleName")::text || ' ' || length("companyNumber")::text AS v FROM "Vendor" WHERE id = 2100000001"#) == "128 128 128")
        #expect(try value(#"SELECT length("txtDistrib")::text || ' ' || length("checkOrder")::text || ' ' || length(currency)::text AS v FROM "Group" WHERE id = 2100000001"#) == "6000 64 12")
        #expect(try value(#"SELECT string_agg(DISTINCT quantity::text, ' ' ORDER BY quantity::text) AS v FROM "UserOrder" WHERE quantity::text IN ('NaN', 'Infinity', '-Infinity')"#) == "-Infinity Infinity NaN")
        #expect(try value(#"SELECT "absentDistribIds" AS v FROM "Subscription" WHERE id = 2100000501"#) == "1,,x,99999")
        #expect(try value(#"SELECT "distribStartDate"::text AS v FROM "MultiDistrib" WHERE id = 2100000013"#) == "0001-01-01 09:00:00")
        // An order of the hostile group on a product of a demo group.
        #expect(try value(#"""
            SELECT count(*)::text AS v FROM "UserOrder" o JOIN "Product" p ON p.id = o."productId" JOIN "Catalog" c ON c.id = p."catalogId"
            WHERE o.id > 2100000000 AND c."groupId" <> 2100000001
            """#) == "2")
        #expect(try value(#"SELECT count(*)::text AS v FROM "Operation" WHERE id > 2100000000 AND data IS NOT NULL AND data !~ '^\{"type":"[a-z-]+"\}$'"#) == "7")
    }

    @Test func everyDocumentKindIsWrittenOrFailsAloneAndNothingEscapes() throws {
        let (conninfo, db) = try HostileGroup.load()
        let root = try temporaryFolder()
        // Deep enough that "../../etc" resolved against it would still land under `root`, where we look.
        let output = root.appendingPathComponent("a/b/c/output", isDirectory: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let demoVendor = try #require(try db.query("demo farmer", #"SELECT "vendorId" AS v FROM "Catalog" WHERE id = 2100000022"#) {
            try $0.decode("v", as: Int.self)
        }.first)
        let common = ["--database", conninfo, "--output-dir", output.path, "--now", "2026-10-21T08:00"]
        let sessionPresets = ["all", "short", "household-per-page", "by-contract", "large-print", "privacy", "coordinator"]

        var commands: [(String, [String])] = [("sheets of the group", ["sheets", "--group", String(HostileGroup.group)])]
        for id in HostileGroup.sessions {
            commands.append(("sheet of session \(id)", ["sheet", "--session", String(id)]))
        }
        for preset in sessionPresets {
            commands.append(("sheet of session \(HostileGroup.big), \(preset)",
                             ["sheet", "--session", String(HostileGroup.big), "--layout", preset, "-o", output.appendingPathComponent("presets/\(preset).pdf").path]))
        }
        for id in HostileGroup.distributions {
            commands.append(("variable sheet of distribution \(id)", ["sheet", "--distribution", String(id)]))
            commands.append(("matrix of distribution \(id)", ["sheet", "--distribution", String(id), "--layout", "matrix"]))
        }
        commands += [
            ("grid of contract \(HostileGroup.classic)", ["sheet", "--catalog", String(HostileGroup.classic), "--from", "2026-09-01", "--to", "2027-06-30"]),
            ("grid of contract \(HostileGroup.yearOneContract)", ["sheet", "--catalog", String(HostileGroup.yearOneContract), "--from", "0001-01-01", "--to", "0001-12-31"]),
            ("orders of the week", ["orders", "--week", "2026-W43"]),
            ("orders of farmer \(HostileGroup.vendor)", ["orders", "--vendor", String(HostileGroup.vendor), "--from", "2026-10-22", "--to", "2026-10-22",
                                                          "-o", output.appendingPathComponent("orders/hostile.xlsx").path]),
            ("orders of farmer \(HostileGroup.vendor) as CSV", ["orders", "--vendor", String(HostileGroup.vendor), "--from", "2026-10-22", "--to", "2026-10-22",
                                                                 "--format", "csv", "-o", output.appendingPathComponent("orders/csv").path]),
            ("orders of farmer \(demoVendor)", ["orders", "--vendor", String(demoVendor), "--from", "2026-10-19", "--to", "2026-10-23",
                                                "-o", output.appendingPathComponent("orders/demo.xlsx").path]),
            ("orders of farmer \(HostileGroup.vendor) in year 1", ["orders", "--vendor", String(HostileGroup.vendor), "--from", "0001-01-01", "--to", "0001-01-07",
                                                                    "-o", output.appendingPathComponent("orders/year-one.xlsx").path]),
        ]
        for catalog in [HostileGroup.variable, HostileGroup.classic, HostileGroup.yearOneContract] {
            commands.append(("payments of contract \(catalog)", ["payments", "--catalog", String(catalog), "-o", output.appendingPathComponent("payments/\(catalog).xlsx").path]))
            commands.append(("payments of contract \(catalog) as CSV", ["payments", "--catalog", String(catalog), "--format", "csv", "-o", output.appendingPathComponent("payments/\(catalog)-csv").path]))
            commands.append(("check deposit slip of contract \(catalog)", ["payments", "--catalog", String(catalog), "--slip", "-o", output.appendingPathComponent("payments/\(catalog)-slip.pdf").path]))
        }
        commands += [
            ("payments of farmer \(HostileGroup.vendor), season 2026", ["payments", "--vendor", String(HostileGroup.vendor), "--season", "2026",
                                                                         "-o", output.appendingPathComponent("payments/vendor-2026.xlsx").path]),
            ("payments of farmer \(HostileGroup.vendor), season 1", ["payments", "--vendor", String(HostileGroup.vendor), "--season", "1",
                                                                      "-o", output.appendingPathComponent("payments/vendor-1.xlsx").path]),
            ("payments of farmer \(demoVendor), season 2026", ["payments", "--vendor", String(demoVendor), "--season", "2026",
                                                               "-o", output.appendingPathComponent("payments/demo-vendor-2026.xlsx").path]),
            ("payments running on 22 October 2026", ["payments", "--running", "2026-10-22", "-o", output.appendingPathComponent("payments/running").path]),
            ("usage report 2026", ["usage", "--year", "2026", "--csv", "--costs", repositoryRoot.appendingPathComponent("docs/costs.example.toml").path]),
            ("usage report of year 1", ["usage", "--year", "1", "-o", output.appendingPathComponent("usage-1").path]),
            ("run before the big session", ["run", "--now", "2026-10-21T08:00"]),
            ("run on the night of the daylight-saving change", ["run", "--now", "2026-10-24T08:00"]),
        ]

        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        environment["CAGEOT_CONFIG"] = "/dev/null"
        var made: [Made] = []
        var before = Set(Self.files(under: output))
        for (label, arguments) in commands {
            // --now last wins for run; the common options first.
            let outcome = try execute(CLITests.binary, arguments + common.filter { !(arguments.contains("--now") && ($0 == "--now" || $0 == "2026-10-21T08:00")) },
                                      environment: environment)
            let after = Set(Self.files(under: output))
            made.append(Made(label: label, arguments: arguments, outcome: outcome, files: after.subtracting(before).sorted()))
            before = after
        }

        var written = 0, failed: [String] = []
        for document in made {
            let outcome = document.outcome
            let crash = outcome.stderr.split(separator: "\n").filter { $0.contains("Fatal error") || $0.contains("runtime failure") || $0.contains(".swift:") }.prefix(4)
            // 0 written, 1 failed (the error says why), 64 an option refused before any work (year 1).
            #expect(!outcome.signalled && [0, 1, 64].contains(outcome.status),
                    "\(document.label): crashed (status \(outcome.status)): \(crash.joined(separator: " | "))")
            if outcome.status != 0 && !outcome.signalled {
                failed.append("\(document.label): \(outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
                // Each failure is one line naming its document (an id of the command), never a Swift dump.
                let lines = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("cageot:") || $0.hasPrefix("Error:") }
                #expect(!lines.isEmpty, "\(document.label): failed without saying why: \(outcome.stderr)")
                let ids = document.arguments.filter { $0.allSatisfy(\.isNumber) || $0.contains("W") }
                #expect(ids.isEmpty || ids.contains { outcome.stderr.contains($0) } || outcome.stderr.contains("2100000"),
                        "\(document.label): the error does not name the document: \(outcome.stderr)")
            }
            for file in document.files {
                written += 1
                try Self.expectValid(file, label: document.label)
            }
        }
        print("hostile group: \(made.count) commands, \(written) files written, \(failed.count) failed alone:\n  " + failed.joined(separator: "\n  "))

        // Nothing anywhere under the temp folder but inside the output folder.
        let strays = Self.files(under: root).filter { !$0.hasPrefix(output.standardizedFileURL.path + "/") }
        #expect(strays.isEmpty, "files outside the output folder: \(strays)")
        let everything = Self.files(under: output)
        #expect(everything.allSatisfy { !$0.contains("/../") })

        // The 2,000-household session: every household, many pages, the odd names as literal text.
        let sheet = try #require(everything.first { $0.hasSuffix("-session-\(HostileGroup.big).pdf") }, "the big session's sheet was not written")
        #expect(made.first { $0.label == "sheet of session \(HostileGroup.big)" }?.outcome.status == 0)
        #expect(sheet.hasPrefix(output.path + "/etc/2026-10-22/"), "\(sheet)")
        let pages = Int(try run("pdfinfo", [sheet]).split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "0") ?? 0
        #expect(pages >= 40, "\(pages) pages for 2,009 households")
        let text = try run("pdftotext", [sheet, "-"])
        let raw = Self.squeezed(try run("pdftotext", ["-raw", sheet, "-"]))
        for household in ["FOYER-0001", "FOYER-1000", "FOYER-2000"] {
            #expect(text.contains(household), "\(household) is missing")
        }
        // Each part whole (the sheet prints "LASTNAME Firstname").
        let names = try db.query("odd names", #"SELECT unnest(ARRAY["firstName", "lastName"]) AS v FROM "User" WHERE id IN (2100000101, 2100000106, 2100000109, 2100000111)"#) {
            try $0.decode("v", as: String.self)
        }
        #expect(names.count == 8)
        for name in names {  // surnames are printed in capitals (œ becomes Œ)
            #expect(raw.uppercased().contains(Self.squeezed(name).uppercased()), "\"\(name)\" is not printed whole")
        }
        #expect(raw.contains(Self.squeezed("<script>alert(\"x\")</script>")), "the <script> of a name is not printed as text")
        #expect(text.contains("evil.exe") && text.contains("עברית"), "the right-to-left name lost its text")
        #expect(Self.controlCharacters(in: text).isEmpty)

        // Workbooks: names that look like formulas stay text; <script> is a cell's text.
        for workbook in made.flatMap(\.files).filter({ $0.hasSuffix(".xlsx") }) {
            guard let cells = try? Self.cells(of: workbook) else { continue }  // recorded above
            let formulas = cells.filter { $0.type == "f" }.map(\.value)
            #expect(!formulas.contains { $0.contains("HYPERLINK") || $0.contains("cmd|") || $0.contains("@SUM") }, "\(workbook): \(formulas.prefix(5))")
        }
        let hostileOrders = try #require(made.first { $0.label == "orders of farmer \(HostileGroup.vendor)" }?.files.first)
        let orderCells = try Self.cells(of: hostileOrders)
        #expect(orderCells.contains { $0.type == "s" && $0.value.contains("<script>") }, "no <script> text in the farmer's workbook")
        #expect(orderCells.contains { $0.value.contains("FOYER-2000") })
        for csv in made.flatMap(\.files).filter({ $0.hasSuffix(".csv") }) {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: csv)).dropFirst(3), as: UTF8.self)
            for field in text.components(separatedBy: "\r\n").flatMap({ $0.split(separator: ";") }) {
                let bare = field.hasPrefix("\"") ? field.dropFirst() : field
                #expect(!(bare.hasPrefix("=") || bare.hasPrefix("@") || bare.hasPrefix("+")), "\(csv): a field a spreadsheet would run: \(field)")
            }
        }
    }

    // MARK: - Helpers

    /// A written file reads back with a real reader.
    static func expectValid(_ path: String, label: String) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        #expect(size > 0, "\(label): \(path) is empty")
        if path.hasSuffix(".pdf") {
            let check = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["qpdf", "--check", path])
            #expect(check.status == 0, "\(label): \(path): \(check.stdout)")
            let text = try run("pdftotext", [path, "-"])
            #expect(controlCharacters(in: text).isEmpty, "\(label): \(path) prints \(controlCharacters(in: text))")
        } else if path.hasSuffix(".xlsx") {
            do {
                #expect(try !cells(of: path).isEmpty, "\(label): \(path) has no cell")
            } catch {
                Issue.record("\(label): \(path) does not open: \(String(describing: error).suffix(300))")
            }
        } else if path.hasSuffix(".csv") {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(label): \(path) has no BOM")
            #expect(String(data: bytes, encoding: .utf8) != nil, "\(label): \(path) is not UTF-8")
        }
    }

    struct Cell: Decodable { var sheet: String; var ref: String; var type: String; var value: String }

    /// Every cell of a workbook as openpyxl reads it: formulas as formulas (type `f`), text as `s`.
    static func cells(of path: String) throws -> [Cell] {
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = []
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for c in row:
                        if c.value is not None:
                            out.append({"sheet": ws.title, "ref": c.coordinate, "type": c.data_type, "value": str(c.value)})
            json.dump(out, sys.stdout)
            """
        let outcome = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path])
        guard outcome.status == 0 else { throw ToolFailed(tool: "openpyxl", status: outcome.status, output: outcome.stderr) }
        return try JSONDecoder().decode([Cell].self, from: outcome.stdoutData)
    }

    /// Every regular file under `folder`, by standardized path.
    static func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return url.standardizedFileURL.path
        }
    }

    static func controlCharacters(in text: String) -> [String] { HostileTextTests.controlCharacters(in: text) }
    static func squeezed(_ text: String) -> String { HostileTextTests.squeezed(text) }
}
