import CageotLayout
import CageotPDF
import Foundation

/// Runs a command-line PDF reader (poppler-utils, qpdf) and captures what it prints.
enum Tool {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ name: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        process.environment = ["TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `page` rendered to PDF, then by pdftoppm in 8-bit gray at 4 pixels per point.
    static func pixels(of page: Page) throws -> (width: Int, height: Int, gray: [UInt8]) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("page.pdf")
        try PDFRenderer(fonts: try FontContext(fontsDirectory: Fixtures.fontsDirectory)).render([page], info: Fixtures.info, to: pdf)
        let root = folder.appendingPathComponent("page").path
        guard try run("pdftoppm", ["-r", "288", "-gray", "-singlefile", pdf.path, root]).status == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: pdf.path])
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + ".pgm")))
        // "P5\n<width> <height>\n255\n" then one byte per pixel
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var value = 0
            while (0x30...0x39).contains(bytes[index]) { value = value * 10 + Int(bytes[index] - 0x30); index += 1 }
            fields.append(value)
        }
        return (fields[0], fields[1], Array(bytes[(index + 1)...]))
    }
}
