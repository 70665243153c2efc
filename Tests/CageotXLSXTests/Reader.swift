import Foundation
import Testing

/// Reads an XLSX back with openpyxl (a real reader) and `unzip`, for the read-back tests.
enum Reader {
    /// True under CI, where a missing reader must fail the tests instead of skipping them.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether `python3 -c "import openpyxl"` works (checked once).
    static let isAvailable: Bool = (try? run(["python3", "-c", "import openpyxl"]).status) == 0

    /// Read-back tests run where openpyxl is, and always under CI (where they fail without it).
    static let enabled = isAvailable || isCI

    static let missingMessage = """
        python3 with openpyxl is needed to read the spreadsheets back: run `pip install openpyxl` \
        (or `apt-get install python3-openpyxl`). Under CI=true these tests fail instead of skipping.
        """

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs a command found on PATH (python3 may live in pyenv), with the caller's environment.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        // stderr goes to a file so that neither pipe can fill up and block the child.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-xlsx-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? errHandle.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Output(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// One part of the package, e.g. `xl/worksheets/sheet1.xml`.
    static func part(_ name: String, of file: URL) throws -> String {
        let output = try run(["unzip", "-p", file.path, name])
        guard output.status == 0 else {
            throw ReaderError(message: "unzip -p \(file.path) \(name) failed: \(output.stderr)")
        }
        return String(decoding: output.stdout, as: UTF8.self)
    }

    /// The workbook as openpyxl sees it.
    static func read(_ file: URL) throws -> ReadBook {
        guard isAvailable else { throw ReaderError(message: missingMessage) }
        let output = try run(["python3", "-c", script, file.path])
        guard output.status == 0 else {
            throw ReaderError(message: "openpyxl could not read \(file.path): \(output.stderr)")
        }
        return try JSONDecoder().decode(ReadBook.self, from: output.stdout)
    }

    struct ReaderError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-xlsx-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let script = #"""
import json, sys
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
values = openpyxl.load_workbook(path, data_only=True)
props = wb.properties
out = {
    "title": props.title, "creator": props.creator, "description": props.description,
    "created": props.created.isoformat() if props.created else None,
    "sheets": [],
}
def number(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
for ws in wb.worksheets:
    cached = values[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not getattr(c, "has_style", False):
                continue
            v = c.value
            d = {
                "pyType": type(v).__name__, "dataType": c.data_type, "numberFormat": c.number_format,
                "isDate": c.is_date, "bold": bool(c.font and c.font.b), "italic": bool(c.font and c.font.i),
                "fill": c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None,
                "wrap": bool(c.alignment and c.alignment.wrap_text),
                "horizontal": c.alignment.horizontal if c.alignment else None,
                "border": c.border.left.style if c.border and c.border.left else None,
                "fontSize": float(c.font.sz) if c.font and c.font.sz else None,
            }
            if isinstance(v, str) and c.data_type != "f":
                d["text"] = v
            if hasattr(v, "isoformat"):
                d["text"] = v.isoformat()
            d["number"] = number(v)
            if c.data_type == "f":
                d["formula"] = v
                d["cached"] = number(cached[c.coordinate].value)
            cells[c.coordinate] = d
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    out["sheets"].append({
        "name": ws.title,
        "cells": cells,
        "freezePanes": ws.freeze_panes,
        "orientation": ps.orientation,
        "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
        "fitToPage": bool(pr and pr.fitToPage),
        "fitToWidth": int(ps.fitToWidth) if ps.fitToWidth is not None else None,
        "fitToHeight": int(ps.fitToHeight) if ps.fitToHeight is not None else None,
        "printTitleRows": ws.print_title_rows,
        "printArea": str(ws.print_area) if ws.print_area else None,
        "autoFilter": ws.auto_filter.ref,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.customWidth},
        "heights": {str(k): v.ht for k, v in ws.row_dimensions.items() if v.ht is not None},
        "headerCenter": ws.oddHeader.center.text,
        "footerCenter": ws.oddFooter.center.text,
    })
print(json.dumps(out))
"""#
}

struct ReadBook: Decodable, Sendable {
    var title: String?
    var creator: String?
    var description: String?
    var created: String?
    var sheets: [ReadSheet]

    func sheet(_ name: String) throws -> ReadSheet {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw Reader.ReaderError(message: "no sheet \(name) among \(sheets.map(\.name))")
        }
        return sheet
    }
}

struct ReadSheet: Decodable, Sendable {
    var name: String
    var cells: [String: ReadCell]
    var freezePanes: String?
    var orientation: String?
    var paperSize: Int?
    var fitToPage: Bool
    var fitToWidth: Int?
    var fitToHeight: Int?
    var printTitleRows: String?
    var printArea: String?
    var autoFilter: String?
    var merged: [String]
    var widths: [String: Double]
    var heights: [String: Double]
    var headerCenter: String?
    var footerCenter: String?

    subscript(_ coordinate: String) -> ReadCell? { cells[coordinate] }
}

struct ReadCell: Decodable, Sendable {
    var pyType: String
    var dataType: String
    var numberFormat: String
    var isDate: Bool
    var bold: Bool
    var italic: Bool
    var fill: String?
    var wrap: Bool
    var horizontal: String?
    var border: String?
    var fontSize: Double?
    var text: String?
    var number: Double?
    var formula: String?
    var cached: Double?
}
