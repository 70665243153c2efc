import CageotCore
import CageotXLSX
import Foundation
import Testing

/// The same data and creation date give the same bytes, whatever the clock says.
@Suite struct ReproducibilityTests {
    @Test(arguments: [false, true])
    func sameInputGivesSameBytes(constantMemory: Bool) throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.xlsx")
        let second = folder.appendingPathComponent("second.xlsx")
        try Fixtures.writeOrders(to: first, constantMemory: constantMemory)
        // A clock leak would also show as a date other than the injected one: see the next test.
        try Fixtures.writeOrders(to: second, constantMemory: constantMemory)
        let a = try Data(contentsOf: first)
        let b = try Data(contentsOf: second)
        #expect(a.count > 5_000)
        #expect(a == b)
    }

    @Test func creationDateIsTheInjectedOne() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("dated.xlsx")
        try Fixtures.writeOrders(to: url, createdAt: 1_700_000_000) // 2023-11-14 22:13:20 UTC
        let core = try Reader.part("docProps/core.xml", of: url)
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>"#))
        #expect(core.contains(#"<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>"#))
    }

    @Test func writesThroughAnAtomicTempFile() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out/commandes.xlsx")
        try AtomicFile.write(to: url) { tmp in try Fixtures.writeOrders(to: tmp) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            == ["commandes.xlsx"])
        let direct = folder.appendingPathComponent("direct.xlsx")
        try Fixtures.writeOrders(to: direct)
        #expect(try Data(contentsOf: url) == Data(contentsOf: direct))
    }
}
