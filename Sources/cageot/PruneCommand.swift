import ArgumentParser
import CageotApp
import CageotCore
import Foundation

/// `cageot prune --older-than 90d [--dry-run]`.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove the documents generated before a cutoff (their files and their ledger rows), so that members' names do not linger.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The age past which documents go: 90d (days), 12w (weeks) or 48h (hours).")
    var olderThan: String

    @Flag(name: .long, help: "Say what would be removed, remove nothing.")
    var dryRun = false

    /// Seconds in `90d`, `12w`, `48h`; nil for anything else.
    static func seconds(_ text: String) -> Int? {
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0 else { return nil }
        switch unit {
        case "h": return count * 3600
        case "d": return count * 86_400
        case "w": return count * 7 * 86_400
        default: return nil
        }
    }

    func validate() throws {
        guard Self.seconds(olderThan) != nil else {
            throw ValidationError("--older-than \(olderThan): write a number of days, weeks or hours, like 90d, 12w or 48h.")
        }
        if global.noLedger { throw ValidationError("cageot prune works from the ledger: drop --no-ledger.") }
    }

    func run() throws {
        try Failure.report {
            let environment = try global.environment()
            let prune = try Prune(connection: try global.connect(), outputDirectory: environment.outputDirectory)
            let result = try prune.prune(before: environment.epochSeconds - Self.seconds(olderThan)!, dryRun: dryRun)
            for file in result.files { print("\(dryRun ? "à supprimer" : "supprimé") : \(file)") }
            print("\(result.files.count) fichier(s) et \(result.rows) ligne(s) du registre \(dryRun ? "à supprimer (--dry-run)" : "supprimés").")
        }
    }
}
