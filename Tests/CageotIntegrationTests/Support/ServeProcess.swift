import Foundation

/// A `cageot serve` child process on a free loopback port, stopped when the test lets go of it.
final class ServeProcess {
    let process = Process()
    let baseURL: String
    private let stderrFile: URL

    init(binary: URL, database: String, extra: [String] = []) throws {
        let logs = try temporaryFolder()
        stderrFile = logs.appendingPathComponent("stderr.log")
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = binary
        process.arguments = ["serve", "--database", TestDatabase.asReader(database), "--port", "0", "--workers", "2", "--timeout", "30",
                             "--now", "2026-12-01T08:00:00+01:00"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        // The first line says where it listens: `cageot serve: listening on http://127.0.0.1:PORT`.
        var line = Data()
        let handle = out.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            process.terminate()
            throw ToolFailed(tool: "cageot serve", status: -1, output: text + (try String(contentsOf: stderrFile, encoding: .utf8)))
        }
        baseURL = String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the server logged so far.
    var log: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}

/// One HTTP exchange made with curl: status, headers (lower-cased names) and body.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    /// A problem details body, decoded.
    var problem: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

    static func get(_ url: String, token: String? = nil, headers: [String: String] = [:]) throws -> HTTPReply {
        try send("GET", url, token: token, headers: headers)
    }

    /// Any method; `body` is sent as it is (set its Content-Type in `headers`).
    static func send(_ method: String, _ url: String, token: String? = nil, headers: [String: String] = [:],
                     body: String? = nil) throws -> HTTPReply {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bodyFile = folder.appendingPathComponent("body"), headerFile = folder.appendingPathComponent("headers")
        var arguments = ["-s", "-g", "--max-time", "60", "-X", method, "-o", bodyFile.path, "-D", headerFile.path, "-w", "%{http_code}"]
        if let body { arguments += ["--data-binary", body] }
        var all = headers
        if let token { all["Authorization"] = "Bearer \(token)" }
        for (name, value) in all { arguments += ["-H", "\(name): \(value)"] }
        let status = try run("curl", arguments + [url])
        var parsed: [String: String] = [:]
        for line in try String(contentsOf: headerFile, encoding: .utf8).split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: Int(status) ?? 0, headers: parsed, body: (try? Data(contentsOf: bodyFile)) ?? Data())
    }
}
