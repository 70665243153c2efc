import Foundation

/// Writes files so that a reader never sees half of one: a temp file in the same folder, then rename.
public enum AtomicFile {
    /// Writes `data` to `url`, creating the parent folders.
    public static func write(_ data: Data, to url: URL) throws(OutputError) {
        try write(to: url) { tmp in try data.write(to: tmp) }
    }

    /// Lets `produce` fill a temp file beside `url`, then renames it into place; on any error the
    /// temp file is removed and `url` is left as it was.
    public static func write(to url: URL, _ produce: (URL) throws -> Void) throws(OutputError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let tmp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try produce(tmp)
            guard rename(tmp.path, url.path) == 0 else {
                throw OutputError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as OutputError {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw OutputError(path: url.path, reason: "\(error)")
        }
    }
}

/// An output file could not be written; nothing was left half-written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String {
        "cannot write \(path): \(reason). Check that the folder exists, is writable and has free space."
    }
}
