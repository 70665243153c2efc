@testable import CageotCore
import Foundation
import Testing

@Suite struct AtomicFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A process that has ended: its id names no live process (until the system reuses it).
    private func deadProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aTempFileNamesItsWriter() {
        let name = AtomicFile.temporaryName(for: "feuille.pdf")
        #expect(name.hasPrefix(".feuille.pdf.") && name.hasSuffix(".tmp"))
        #expect(AtomicFile.writer(ofTemporary: name) == getpid())
        #expect(AtomicFile.writer(ofTemporary: ".notes.tmp") == nil)
        #expect(AtomicFile.writer(ofTemporary: "feuille.pdf") == nil)
        #expect(AtomicFile.writer(ofTemporary: ".a.pdf.x.\(UUID().uuidString).tmp") == nil)
    }

    @Test func onlyTheTempFilesOfEndedProcessesAreRemoved() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try deadProcess()
        let sub = root.appendingPathComponent("amap/2026-W49")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let abandoned = [root.appendingPathComponent(".a.pdf.\(dead).\(UUID().uuidString).tmp"),
                         sub.appendingPathComponent(".b.xlsx.\(dead).\(UUID().uuidString).tmp")]
        let kept = [root.appendingPathComponent(".c.pdf.\(getpid()).\(UUID().uuidString).tmp"), // being written
                    root.appendingPathComponent(".notes.tmp"), sub.appendingPathComponent("b.xlsx")]
        for url in abandoned + kept { try Data("x".utf8).write(to: url) }
        let removed = AtomicFile.removeAbandoned(in: root)
        #expect(Set(removed) == Set(abandoned.map(\.path)))
        for url in abandoned { #expect(!FileManager.default.fileExists(atPath: url.path)) }
        for url in kept { #expect(FileManager.default.fileExists(atPath: url.path)) }
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTempFile() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("feuille.pdf")
        try AtomicFile.write(Data("ancienne".utf8), to: url)
        struct Broken: Error {}
        #expect(throws: OutputError.self) {
            try AtomicFile.write(to: url) { tmp in
                try Data("à moitié".utf8).write(to: tmp)
                throw Broken()
            }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "ancienne")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["feuille.pdf"])
    }

    @Test func anOutputErrorGivesItsAdviceOnce() {
        let plain = OutputError(path: "/out/a.pdf", reason: "Cannot write the PDF (page 2). Check that the folder exists.")
        #expect(plain.description == "cannot write /out/a.pdf: Cannot write the PDF (page 2). Check that the folder exists.")
        let bare = OutputError(path: "/out/a.pdf", reason: "Permission denied")
        #expect(bare.description == "cannot write /out/a.pdf: Permission denied. Check that the folder exists, is writable and has free space.")
        let full = OutputError(path: "/out/a.xlsx", reason: "Zip error", diskFull: true)
        #expect(full.description == "cannot write /out/a.xlsx: the disk is full (Zip error). Free some space, then run again.")
    }
}
