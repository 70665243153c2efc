/// Why a demo federation could not be generated.
public enum DemoDataError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The target database already holds CAMAP rows; demo data is never mixed with real data.
    case databaseNotEmpty(database: String, table: String, rows: Int)
    /// The options cannot make a federation.
    case invalidOptions(String)

    public var description: String {
        switch self {
        case let .databaseNotEmpty(database, table, rows):
            return "the database \(database) is not empty (\"\(table)\" holds \(rows) rows): demo data is only "
                + "generated into an empty CAMAP replica, never mixed with real data. Create a new database, "
                + "load db/camap-replica.sql into it and retry."
        case let .invalidOptions(message):
            return "invalid demo options: \(message)"
        }
    }
}
