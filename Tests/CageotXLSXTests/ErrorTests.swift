import CageotCore
import CageotXLSX
import Foundation
import Testing

/// Failures carry libxlsxwriter's code, the file, the cell, and what to do.
@Suite struct ErrorTests {
    static func book(_ folder: URL, constantMemory: Bool = false) throws -> Workbook {
        try Workbook(path: folder.appendingPathComponent("out.xlsx"), properties: Fixtures.properties,
                     options: .init(constantMemory: constantMemory))
    }

    @Test func missingFolderIsNamedBeforeAnyWork() {
        let url = URL(fileURLWithPath: "/nonexistent/cageot/commandes.xlsx")
        #expect {
            _ = try Workbook(path: url, properties: Fixtures.properties)
        } throws: { error in
            guard let error = error as? XLSXError else { return false }
            return error.path == url.path && error.code == 2 // LXW_ERROR_CREATING_XLSX_FILE
                && error.description.contains("/nonexistent/cageot does not exist")
                && error.description.contains("Check that the output folder exists")
        }
    }

    @Test func unwritableTargetFailsAtCloseWithThePathAndLibxlsxwritersMessage() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("taken.xlsx")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false) // a folder
        let book = try Workbook(path: target, properties: Fixtures.properties)
        try book.addWorksheet(named: "Commandes").write(row: 0, col: 0, .text("x"))
        #expect {
            try book.close()
        } throws: { error in
            guard let error = error as? XLSXError else { return false }
            return error.path == target.path && error.code == 2
                && error.message == "Error creating output xlsx file. Usually a permissions error."
                && error.detail == "Is a directory"
        }
        #expect(book.isClosed)
    }

    @Test func missingTemporaryFolderIsRefusedInsteadOfSilentlyReplaced() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try Workbook(path: folder.appendingPathComponent("out.xlsx"), properties: Fixtures.properties,
                             options: .init(constantMemory: true,
                                            temporaryDirectory: URL(fileURLWithPath: "/nonexistent/tmp")))
        } throws: { error in
            (error as? XLSXError)?.code == 3 // LXW_ERROR_CREATING_TMPFILE
                && "\(error)".contains("temporary folder /nonexistent/tmp does not exist")
        }
    }

    @Test func earlierRowInConstantMemoryNamesTheCellAndTheRule() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Self.book(folder, constantMemory: true)
        let sheet = try book.addWorksheet(named: "Commandes")
        try sheet.write(row: 11, col: 1, .integer(1))
        #expect {
            try sheet.write(row: 10, col: 1, .integer(2))
        } throws: { error in
            guard let error = error as? XLSXError else { return false }
            return error.location == "Commandes!B11" && error.code == 23
                && error.advice.contains("top to bottom")
        }
        try book.close()
    }

    @Test func cellOutsideTheSheetIsRefusedWithItsName() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Self.book(folder)
        let sheet = try book.addWorksheet(named: "Les Jardins")
        #expect {
            try sheet.write(row: -1, col: 0, .text("x"))
        } throws: { ($0 as? XLSXError)?.location == "'Les Jardins'!A?" }
        #expect {
            try sheet.write(row: 0, col: 16_384, .text("x"))
        } throws: { ($0 as? XLSXError)?.location == "'Les Jardins'!XFE1" }
        try book.close()
    }

    @Test(arguments: [Cell.number(.nan), .number(.infinity), .formula("=1/0", cached: .nan),
                      .integer(1 << 60), .date(LocalDate(year: 2026, month: 2, day: 30)),
                      .date(LocalDate(year: 1899, month: 12, day: 31))])
    func valuesExcelCannotHoldAreRefused(cell: Cell) throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Self.book(folder)
        let sheet = try book.addWorksheet(named: "Commandes")
        #expect {
            try sheet.write(row: 11, col: 1, cell)
        } throws: { error in
            guard let error = error as? XLSXError else { return false }
            return error.location == "Commandes!B12" && error.code == 13 && error.detail != nil
        }
        try book.close()
    }

    @Test func tooLongTextIsRefusedByLibxlsxwriter() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Self.book(folder)
        let sheet = try book.addWorksheet(named: "Commandes")
        #expect {
            try sheet.write(row: 0, col: 0, .text(String(repeating: "é", count: 32_768)))
        } throws: { ($0 as? XLSXError)?.advice.contains("32,767") == true }
        try book.close()
    }

    @Test func closedWorkbookRefusesFurtherUse() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Self.book(folder)
        let sheet = try book.addWorksheet(named: "Commandes")
        try book.close()
        #expect(throws: XLSXError.self) { try book.close() }
        #expect(throws: XLSXError.self) { try sheet.write(row: 0, col: 0, .text("late")) }
        #expect(throws: XLSXError.self) { try sheet.setLandscape() }
        #expect(throws: XLSXError.self) { _ = try book.addWorksheet(named: "Encore") }
    }

    @Test func workbookDroppedWithoutCloseIsStillWritten() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let book = try Self.book(folder)
            try book.addWorksheet(named: "Commandes").write(row: 0, col: 0, .integer(1))
        }
        let xml = try Reader.part("xl/worksheets/sheet1.xml", of: folder.appendingPathComponent("out.xlsx"))
        #expect(xml.contains(#"<c r="A1"><v>1</v></c>"#))
    }
}
