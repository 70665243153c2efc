import Foundation

/// Runs a real reader (pdftotext, pdfinfo, pdffonts, qpdf, psql) and returns what it printed.
@discardableResult
func run(_ tool: String, _ arguments: [String], allowFailure: Bool = false) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    if process.terminationStatus != 0 && !allowFailure {
        throw ToolFailed(tool: tool, status: process.terminationStatus, output: output)
    }
    return output
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
