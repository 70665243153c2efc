import CageotCore
import CageotXLSX
import Foundation
import Testing

/// Throughput and memory for a large sheet; run on demand with CAGEOT_XLSX_BENCH=1 (in release:
/// `CAGEOT_XLSX_BENCH=1 swift test -c release --filter ThroughputTests`).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CAGEOT_XLSX_BENCH"] != nil))
struct ThroughputTests {
    static let rows = 100_000 // × 2 columns = 200,000 cells

    @Test(arguments: [true, false])
    func twoHundredThousandCellsAreAllWritten(constantMemory: Bool) throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.xlsx")
        let before = Self.peakResidentKilobytes()
        let start = ContinuousClock.now
        let book = try Workbook(path: url, properties: Fixtures.properties,
                                options: .init(constantMemory: constantMemory))
        let sheet = try book.addWorksheet(named: "Commandes")
        for row in 0..<Self.rows {
            try sheet.write(row: row, col: 0, .number(Double(row) * 1.25))
            try sheet.write(row: row, col: 1, .text("Panier n°\(row) — légumes de saison"))
        }
        try book.close()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let after = Self.peakResidentKilobytes()
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        print("""
            XLSX throughput (constantMemory: \(constantMemory)): \(2 * Self.rows) cells in \
            \(String(format: "%.3f", seconds)) s = \(Int(Double(2 * Self.rows) / seconds)) cells/s, \
            file \(size / 1024) KiB, peak RSS \(before / 1024) → \(after / 1024) MiB
            """)
        let xml = try Reader.part("xl/worksheets/sheet1.xml", of: url)
        #expect(xml.contains(#"<dimension ref="A1:B100000"/>"#))
        #expect(xml.contains(#"<c r="A100000"><v>124998.75</v></c>"#))
    }

    /// The process's peak resident set so far (getrusage), in KiB.
    static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss)
    }
}
