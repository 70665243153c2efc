import Testing
import Foundation

/// What a process printed and how it ended.
struct Outcome {
    var status: Int32
    /// Standard output as bytes (an image) and as text.
    var stdoutData: Data
    var stderr: String
    /// Ended by a signal (a trap, a crash), not by `exit`.
    var signalled = false
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
}

/// Runs `executable` to the end, capturing its output; `environment` replaces the whole environment.
/// `cageot` connects as the read-only role (`TestDatabase.asReader`), as deployed, except for
/// `demo-data`, which writes the CAMAP tables of a throwaway database.
func execute(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    var arguments = arguments
    if executable.lastPathComponent == "cageot", arguments.first != "demo-data",
       let option = arguments.firstIndex(of: "--database"), option + 1 < arguments.count {
        arguments[option + 1] = TestDatabase.asReader(arguments[option + 1])
    }
    process.arguments = arguments
    if var environment {
        if executable.lastPathComponent == "cageot", let url = environment["DATABASE_URL"] {
            environment["DATABASE_URL"] = TestDatabase.asReader(url)
        }
        process.environment = environment
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read stderr on another thread so that neither pipe can fill up and block the process.
    nonisolated(unsafe) var stderr = Data()
    let done = DispatchSemaphore(value: 0)
    let errorHandle = err.fileHandleForReading
    Thread {
        stderr = errorHandle.readDataToEndOfFile()
        done.signal()
    }.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stdoutData: stdout, stderr: String(decoding: stderr, as: UTF8.self),
                   signalled: process.terminationReason == .uncaughtSignal)
}

/// Runs a real reader (pdftotext, pdfinfo, pdffonts, qpdf) and returns what it printed.
@discardableResult
func run(_ tool: String, _ arguments: [String], allowFailure: Bool = false) throws -> String {
    let outcome = try execute(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments)
    if outcome.status != 0 && !allowFailure {
        throw ToolFailed(tool: tool, status: outcome.status, output: outcome.stdout + outcome.stderr)
    }
    return outcome.stdout
}

struct ToolFailed: Error, CustomStringConvertible {
    var tool: String
    var status: Int32
    var output: String
    var description: String { "\(tool) exited with \(status): \(output)" }
}

/// A fresh temp folder for a test's outputs.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Text without the spaces layout puts between columns: for looking up "8,03 €" whatever the spacing.
func normalized(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
}

/// Every font of the PDF is one of the bundled DejaVu fonts and is embedded (`pdffonts`), and the
/// file passes `qpdf --check`.
func expectBundledFontsEmbeddedAndValid(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let fonts = try run("pdffonts", [path]).split(separator: "\n").dropFirst(2)
    #expect(!fonts.isEmpty, sourceLocation: sourceLocation)
    for font in fonts {
        #expect(font.contains("DejaVu"), "unexpected font \(font)", sourceLocation: sourceLocation)
        let columns = font.split(separator: " ", omittingEmptySubsequences: true)
        #expect(columns[columns.count - 5] == "yes", "not embedded: \(font)", sourceLocation: sourceLocation)
    }
    try run("qpdf", ["--check", path])
}
