import Foundation

/// smtp_sink.py on a free loopback port, writing what it receives to a temporary folder; stopped
/// (its stdin closed) by `stop()` or when released.
final class SMTPSink {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    let folder: URL
    let port: Int
    private let process = Process()
    private let input = Pipe()

    /// `answers`: local part → 451 or 550.
    init(answers: [String: Int] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.testsFolder.appendingPathComponent("smtp_sink.py").path, folder.path]
            + answers.flatMap { ["--answer", "\($0.value):\($0.key)"] }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw SinkError("smtp_sink.py exited before printing its port (is aiosmtpd installed?)") }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SinkError("smtp_sink.py printed \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The .eml files received, in order.
    func received() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// A message read back by Python's email package (read_eml.py).
struct ParsedMail: Decodable {
    struct Attachment: Decodable { var fileName: String; var mimeType: String; var base64: String }
    var from: String
    var to: [String]
    var toNames: [String]
    var replyTo: String
    var subject: String
    var messageID: String
    var date: String
    var bcc: String
    var body: String
    var defects: [String]
    var attachments: [Attachment]

    init(eml: URL) throws {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SMTPSink.testsFolder.appendingPathComponent("read_eml.py").path, eml.path]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        self = try JSONDecoder().decode(ParsedMail.self, from: data)
    }
}

struct SinkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
