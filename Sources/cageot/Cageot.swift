import ArgumentParser

@main
struct Cageot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cageot",
        abstract: "Documents for AMAPs from a CAMAP database: sign-in sheets, farmers' spreadsheets, reports.",
        discussion: """
            The database is --database (a postgresql:// URL or a conninfo string), else DATABASE_URL, \
            else libpq's defaults (PGHOST, PGDATABASE, PGUSER, .pgpass), exactly as psql.
            """,
        subcommands: [SheetCommand.self, SheetsCommand.self, SessionsCommand.self, OrdersCommand.self, PaymentsCommand.self, UsageCommand.self, RunCommand.self, PruneCommand.self, ServeCommand.self, TokenCommand.self, LayoutsCommand.self, DemoDataCommand.self, MigrateCommand.self, MailCommand.self])
}
