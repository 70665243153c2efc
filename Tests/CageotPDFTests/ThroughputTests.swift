import CageotLayout
import CageotPDF
import Foundation
import Testing

/// Pages per second for sign-in-sheet-like pages; runs only with CAGEOT_BENCH=1. It prints wall and
/// CPU figures (CPU time is steadier on a busy machine); its floor is far below the target so a
/// slow CI machine does not fail it.
@Suite(.serialized) struct ThroughputTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CAGEOT_BENCH"] == "1"))
    func tablePagesRenderQuickly() throws {
        let renderer = PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory))
        let pages = Fixtures.tablePages(200)
        _ = try renderer.render(Array(pages.prefix(5)), info: Fixtures.info)  // load the fonts
        let wallStart = ContinuousClock.now
        let cpuStart = Self.cpuSeconds()
        let bytes = try renderer.render(pages, info: Fixtures.info).count
        let cpu = Self.cpuSeconds() - cpuStart
        let wall = ContinuousClock.now - wallStart
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        print("PDF throughput, 200 pages of 40 rows × 6 cells, one thread, \(bytes / 1024) KiB: "
              + "\(Int(200 / wallSeconds)) pages/s wall, \(Int(200 / cpu)) pages/s CPU")
        #expect(200 / wallSeconds > 30)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CAGEOT_BENCH"] == "1"))
    func tablePagesRenderQuicklyOnTwoThreads() throws {
        let pages = Fixtures.tablePages(200)
        let results = Results()
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results.set(index, Result { () throws -> [UInt8] in
                try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render(pages, info: Fixtures.info)
            })
        }
        let wall = ContinuousClock.now - start
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        #expect(try results.get(0)?.get() == results.get(1)?.get())
        print("PDF throughput, 2 threads × 200 pages (fonts loaded inside the timing): \(Int(400 / seconds)) pages/s wall")
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
