import CageotLayout
import CageotPDF
import Foundation
import Testing

/// One `FontContext` per thread is the contract; contexts on several threads must not disturb each other.
@Suite struct ConcurrencyTests {
    @Test func parallelRendersGiveTheSameBytes() throws {
        let pages = Fixtures.tablePages(3) + Fixtures.twoPages()
        let expected = try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render(pages, info: Fixtures.info)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let result = Result { () throws -> [UInt8] in
                try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render(pages, info: Fixtures.info)
            }
            results.set(index, result)
        }
        for index in 0..<4 {
            #expect(try results.get(index)?.get() == expected)
        }
    }
}

/// Results written from several threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Result<[UInt8], any Error>] = [:]

    func set(_ index: Int, _ value: Result<[UInt8], any Error>) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> Result<[UInt8], any Error>? { lock.withLock { values[index] } }
}
