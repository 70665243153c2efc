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
        let tmp = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent))
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
            // The libraries word a full disk their own way (a zip error, a PDF stream error): ask the
            // file system, once the temp file is gone.
            throw OutputError(path: url.path, reason: "\(error)", diskFull: isFull(folder))
        }
    }
}

extension AtomicFile {
    /// `.NAME.PID.UUID.tmp`: hidden, and naming the process that writes it, so that a later run can
    /// tell the temp file of a killed process (`removeAbandoned`) from one being written.
    static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).\(UUID().uuidString).tmp"
    }

    /// Removes, under `folder`, the temp files left by processes that no longer exist (a `kill -9`
    /// or a power cut between the first byte and the rename); the files of live processes stay.
    /// Returns the paths removed.
    @discardableResult
    public static func removeAbandoned(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard let pid = writer(ofTemporary: name), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            let path = folder.appendingPathComponent(relative).path
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// Throws a clear `OutputError` unless a file can be created in `folder` (made if missing): a
    /// read-only or unreachable output folder is said once, before any data is read.
    public static func checkWritable(_ folder: URL) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let probe = folder.appendingPathComponent(temporaryName(for: "cageot-probe"))
        let descriptor = open(probe.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: folder.path, reason: String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe.path)
    }

    /// True when the file system holding `folder` has no room left for an ordinary user (or no inode).
    static func isFull(_ folder: URL) -> Bool {
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 * 1024 || (stats.f_files > 0 && stats.f_favail == 0)
    }

    /// The process id in a temp file's name, nil for any other name.
    static func writer(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, UUID(uuidString: String(parts[parts.count - 1])) != nil,
              let pid = pid_t(parts[parts.count - 2]), pid > 0 else { return nil }
        return pid
    }
}

/// An output file could not be written; nothing was left half-written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    /// The file system is full: every later document would fail the same way.
    public var diskFull: Bool
    public init(path: String, reason: String, diskFull: Bool = false) {
        self.path = path; self.reason = reason; self.diskFull = diskFull
    }
    public var description: String {
        if diskFull { return "cannot write \(path): the disk is full (\(reason.trimmingSuffix(".")))" + ". Free some space, then run again." }
        let advice = reason.contains("Check that") ? "" : " Check that the folder exists, is writable and has free space."
        return "cannot write \(path): \(reason.trimmingSuffix("."))." + advice
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
