import CageotCore
import CageotStore
import Foundation

/// `cageot prune --older-than 90d`: removes the documents generated before a cutoff — their files
/// and their ledger rows — so that members' names do not linger. A file that a newer ledger row
/// still points to (regenerated since, at the same path) is kept, and so is any file outside the
/// output folder (written with `-o` elsewhere: only its ledger row goes); emptied folders under the
/// output folder are removed.
public struct Prune {
    let connection: Connection
    let outputDirectory: URL

    public init(connection: Connection, outputDirectory: URL) throws {
        self.connection = connection
        self.outputDirectory = outputDirectory
        try Migrations.migrate(connection)
    }

    public struct Result: Sendable {
        public var rows: Int
        public var files: [String]
    }

    /// Prunes what was recorded before `cutoff` (seconds since 1970). With `dryRun`, only says what would go.
    public func prune(before cutoff: Int, dryRun: Bool) throws -> Result {
        try connection.transaction {
            let old = try connection.query("old documents", """
                SELECT d.path,
                       EXISTS (SELECT 1 FROM cageot.documents n WHERE n.path = d.path AND n.created_at >= to_timestamp($1)) AS kept
                FROM cageot.documents d WHERE d.created_at < to_timestamp($1)
                ORDER BY d.path
                """, [cutoff]) { (try $0.decode("path", as: String.self), try $0.decode("kept", as: Bool.self)) }
            let root = outputDirectory.standardizedFileURL.path + "/"
            let files = Array(Set(old.filter { !$0.1 && URL(fileURLWithPath: $0.0).standardizedFileURL.path.hasPrefix(root) }.map(\.0))).sorted()
            guard !dryRun else { return Result(rows: old.count, files: files) }
            for path in files where FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
                removeEmptyFolders(above: URL(fileURLWithPath: path))
            }
            try connection.execute("prune ledger", "DELETE FROM cageot.documents WHERE created_at < to_timestamp($1)", [cutoff])
            return Result(rows: old.count, files: files)
        }
    }

    /// Removes the file's folders while they are empty, never the output folder itself or anything outside it.
    private func removeEmptyFolders(above file: URL) {
        let root = outputDirectory.standardizedFileURL.path
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.hasPrefix(root + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
