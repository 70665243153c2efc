import Foundation

/// smtp_sink.py on a free loopback port, writing what it receives to a temporary folder; stopped
/// (its stdin closed) by `stop()` or when released.
public final class SMTPSink {
    public static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    public let folder: URL
    public let port: Int
    private let process = Process()
    private let input = Pipe()

    /// `answers`: local part → 451 or 550. `tls`: require STARTTLS with a self-signed certificate
    /// for 127.0.0.1, made here with openssl (`certificate` is the file a client must trust).
    /// `login`: require AUTH with this user and password.
    public init(answers: [String: Int] = [:], tls: Bool = false, login: (user: String, password: String)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var options = answers.flatMap { ["--answer", "\($0.value):\($0.key)"] }
        if tls {
            let key = folder.appendingPathComponent("relay.key").path
            let certificate = folder.appendingPathComponent("relay.pem")
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                                 "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate.path]
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            guard openssl.terminationStatus == 0 else { throw SinkError("openssl could not make a certificate (is openssl installed?)") }
            options += ["--tls", certificate.path, key]
        }
        if let login { options += ["--login", "\(login.user):\(login.password)"] }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.testsFolder.appendingPathComponent("smtp_sink.py").path, folder.path] + options
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

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// The relay's self-signed certificate (with `tls`), for the client's CA file.
    public var certificate: URL { folder.appendingPathComponent("relay.pem") }

    public func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The envelope of message `eml` (`001.eml` → `001.json`): what the relay was told, whatever the headers say.
    public func envelope(of eml: URL) throws -> Envelope {
        try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: eml.deletingPathExtension().appendingPathExtension("json")))
    }

    /// The .eml files received, in order.
    public func received() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// What the relay was told: MAIL FROM, RCPT TO, whether the session was TLS, who logged in.
public struct Envelope: Decodable {
    public var from: String
    public var to: [String]
    public var tls: Bool
    public var user: String?
}

/// A message read back by Python's email package (read_eml.py).
public struct ParsedMail: Decodable {
    public struct Attachment: Decodable { public var fileName: String; public var mimeType: String; public var base64: String }
    public var from: String
    public var to: [String]
    public var toNames: [String]
    public var replyTo: String
    public var subject: String
    public var messageID: String
    public var date: String
    public var bcc: String
    public var inReplyTo: String
    public var references: String
    public var body: String
    public var defects: [String]
    public var attachments: [Attachment]

    public init(eml: URL) throws {
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

public struct SinkError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
