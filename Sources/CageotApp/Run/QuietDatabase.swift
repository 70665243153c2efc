import CageotCore
import CageotStore
import Foundation

/// Lets a `cageot run` skip reading what it already checked when nothing at all was written to the
/// database since a previous run that read everything and wrote nothing.
///
/// What a query sees changes only when a transaction that wrote commits, and every such commit
/// moves PostgreSQL's current snapshot (`pg_current_snapshot()`: the oldest transaction still
/// running, the one after the last completed, and those in progress in between), anywhere in the
/// cluster; reading, vacuuming, pruning pages or checkpoints do not. A run that starts and ends on
/// the same snapshot (and server start), with every due document up to date, read exactly the data
/// of that snapshot. A write still uncommitted is invisible to every reader, so the ledger stays
/// right until it commits, which moves the snapshot. When the next run starts on that same
/// position (and server start), with the same configuration, presets, cost file and fonts, every document
/// the ledger holds is still up to date: its data cannot have changed. Any write, anywhere, and the
/// next run checks everything again — so a busy database gets no shortcut, never a stale document.
public struct QuietDatabase {
    let connection: Connection
    /// `<output>/.cageot-quiet-run`: the position and inputs of the last quiet run. A file, not a
    /// row, because writing a row would move the very position it records. Another host with
    /// its own output folder has its own file (and so checks everything once).
    let stateFile: URL

    public init(_ connection: Connection, outputDirectory: URL) {
        self.connection = connection
        stateFile = outputDirectory.appendingPathComponent(".cageot-quiet-run")
    }

    /// Where the database stands: the current snapshot (on a standby, the one replayed from the
    /// primary), when the server started, and the database's name.
    public func position() throws -> String { try Self.position(connection) }

    /// `position()` on any connection (`cageot serve` keeps it per request, `FingerprintMemo`).
    public static func position(_ connection: Connection) throws -> String {
        try connection.query("database position", """
            SELECT pg_current_snapshot()::text || '@' || pg_postmaster_start_time()::text || '@' || current_database() AS position
            """) { try $0.decode("position", as: String.self) }.first ?? ""
    }

    /// Whether the last quiet run was at `position` with the same `inputs`.
    public func isUnchanged(since position: String, inputs: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: stateFile.path) else { return false }
        return String(decoding: data, as: UTF8.self) == Self.state(position, inputs)
    }

    /// Records a run that started at `position` if the database is still there: nothing was
    /// written during it (by it or anyone else), so it read exactly the data of that position.
    /// Otherwise forgets any earlier record.
    public func recordIfQuiet(startedAt position: String, inputs: String) throws -> Bool {
        guard try self.position() == position else {
            try? FileManager.default.removeItem(at: stateFile)
            return false
        }
        try AtomicFile.write(Data(Self.state(position, inputs).utf8), to: stateFile)
        return true
    }

    static func state(_ position: String, _ inputs: String) -> String { "\(position)\n\(inputs)\n" }

    /// A digest of what, besides the database, the documents are made from: the configuration
    /// file, the cost file, the presets and the fonts (names and bytes).
    public static func inputs(configFile: URL?, config: RunConfig, environment: CageotEnvironment) -> String {
        var parts: [String] = ["quiet/2"]
        func add(_ url: URL?) {
            guard let url else { parts.append("-"); return }
            parts.append(url.path)
            parts.append(FileManager.default.contents(atPath: url.path).map { SHA256.hex([UInt8]($0)) } ?? "missing")
        }
        add(configFile)
        add(config.costs)
        for folder in [environment.layoutsDirectory, environment.fontsDirectory] {
            let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).sorted()
            for file in files { add(folder.appendingPathComponent(file)) }
        }
        return SHA256.hex(Array(parts.joined(separator: "\n").utf8))
    }
}
