import ArgumentParser
import CageotStore

/// `cageot migrate`: creates or updates Cageot's own schema (done on first use anyway).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update Cageot's own schema \"cageot\" (never CAMAP's tables).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.report {
            let applied = try Migrations.migrate(try global.connect())
            print(applied.isEmpty ? "schema cageot is up to date (version \(Migrations.latest))" : "applied migrations \(applied.map(String.init).joined(separator: ", "))")
        }
    }
}
