import CageotCore
import Foundation
import Testing

/// SHA-256 by the CPU's SHA extensions and in portable C: FIPS 180-4's examples, each other, and
/// coreutils' `sha256sum` on the same bytes.
struct SHA256Tests {
    private static let variants = SHA256.isAccelerated ? [true, false] : [false]

    private func hex(_ bytes: [UInt8], accelerated: Bool, pieces: [Int] = []) -> String {
        var hash = SHA256(accelerated: accelerated)
        var index = 0
        for size in pieces where index < bytes.count {
            hash.update(bytes[index..<min(index + size, bytes.count)])
            index = min(index + size, bytes.count)
        }
        hash.update(bytes[index...])
        return hash.finalizeHex()
    }

    @Test(arguments: variants)
    func knownAnswers(accelerated: Bool) {
        let cases: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (text, expected) in cases {
            #expect(hex(Array(text.utf8), accelerated: accelerated) == expected, "\(text.prefix(10))")
            #expect(hex(Array(text.utf8), accelerated: accelerated, pieces: [1, 63, 64, 65, 7, 200, 600]) == expected)
        }
    }

    @Test func bothWaysAgreeWithSha256sum() throws {
        var generator = SystemRandomNumberGenerator()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 4096, 100_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let file = folder.appendingPathComponent("\(length).bin")
            try Data(bytes).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let expected = String(output.prefix(64))
            for accelerated in Self.variants {
                #expect(hex(bytes, accelerated: accelerated) == expected, "\(length) bytes, accelerated \(accelerated)")
                #expect(hex(bytes, accelerated: accelerated, pieces: [3, 61, 128, 1, 64]) == expected, "\(length) bytes in pieces")
            }
        }
    }
}
