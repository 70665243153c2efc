import CFastDeflate
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

    /// libxlsxwriter formats the date with gmtime(); glibc's returns one buffer shared by every
    /// thread, so two workbooks closed at once could swap dates. The process's gmtime is the
    /// per-thread one of CThreadSafeTime: two threads get two buffers.
    @Test func gmtimeGivesEachThreadItsOwnResult() async throws {
        @Sendable func buffer() -> UInt {
            var now = time_t(1_700_000_000)
            return UInt(bitPattern: gmtime(&now))
        }
        let first = await Task.detached { buffer() }.value
        let second = await withCheckedContinuation { done in
            Thread.detachNewThread { done.resume(returning: buffer()) }
        }
        #expect(first != 0 && second != 0)
        #expect(first != second)
    }

    @Test func workbooksClosedAtOnceKeepTheirOwnDates() async throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 40 workbooks on every core, each a day apart: a shared gmtime buffer mixes them up.
        let dates = (0..<40).map { 1_700_000_000 + $0 * 86_400 }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for date in dates {
                group.addTask { try Fixtures.writeOrders(to: folder.appendingPathComponent("\(date).xlsx"), createdAt: date) }
            }
            try await group.waitForAll()
        }
        let iso = ISO8601DateFormatter()
        for date in dates {
            let core = try Reader.part("docProps/core.xml", of: folder.appendingPathComponent("\(date).xlsx"))
            let stamp = iso.string(from: Date(timeIntervalSince1970: TimeInterval(date)))
            #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"), "\(date)")
            #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified>"), "\(date)")
        }
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

    /// libxlsxwriter deflates every part of a workbook (through minizip) at zlib's default level and
    /// lets nobody choose; CFastDeflate gives it Cageot's (1, unless CAGEOT_DEFLATE_LEVEL says
    /// otherwise). Each part's stored bytes are what zlib makes of it at that level.
    @Test(.enabled(if: Reader.enabled, Comment(rawValue: Reader.missingMessage)))
    func partsAreDeflatedAtCageotsLevel() throws {
        let folder = try Reader.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("level.xlsx")
        try Fixtures.writeOrders(to: url)
        let script = """
            import sys, zipfile, zlib
            path, level = sys.argv[1], int(sys.argv[2])
            raw = open(path, 'rb').read()
            parts = 0
            for info in zipfile.ZipFile(path).infolist():
                assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename
                start = info.header_offset + 30 + int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], 'little') \\
                    + int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], 'little')
                stored = raw[start:start + info.compress_size]
                data = zlib.decompress(stored, -15)
                made = zlib.compressobj(level, zlib.DEFLATED, -15, 8)
                if made.compress(data) + made.flush() != stored:
                    print('not at level', level, info.filename); sys.exit(1)
                parts += 1
            print(parts)
            """
        let output = try Reader.run(["python3", "-c", script, url.path, String(cageot_deflate_level())])
        #expect(output.status == 0, "\(String(decoding: output.stdout, as: UTF8.self)) \(output.stderr)")
        #expect((Int(String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 8)
    }
}
