import CageotCore
import CageotStore
import Logging

/// Generates a deterministic demo federation of AMAPs into an empty CAMAP replica.
///
/// Every table is bulk-loaded with COPY, in one transaction, in foreign-key order, with explicit
/// ids; the identity sequences are then moved past them. Rows are produced group by group while
/// they are copied: memory holds the federation's skeleton and one group's orders, so 250 groups
/// × 80 households × 52 weeks load in flat memory.
public enum DemoFederation {
    public static func generate(into connection: Connection, options: DemoOptions, logger: Logger) throws -> DemoSummary {
        try options.validate()
        return try connection.transaction {
            try refuseNonEmpty(connection)
            let federation = FederationPlan(options: options)
            logger.info("generating a demo federation", metadata: [
                "groups": "\(options.groups)", "households": "\(options.households)", "weeks": "\(options.weeks)",
                "seed": "\(options.seed)", "database": "\(connection.description)",
            ])
            var loader = DemoLoader(connection: connection, federation: federation, logger: logger)
            try loader.loadAll()
            return loader.summary
        }
    }

    /// Demo rows are never mixed with real data: any group or user already there stops everything.
    static func refuseNonEmpty(_ connection: Connection) throws {
        for table in ["Group", "User"] {
            let rows = try connection.query("demo: is \(table) empty", "SELECT count(*) AS n FROM \(connection.quoteIdentifier(table))") {
                try $0.decode("n", as: Int.self)
            }.first ?? 0
            if rows > 0 { throw DemoDataError.databaseNotEmpty(database: connection.description, table: table, rows: rows) }
        }
    }
}
