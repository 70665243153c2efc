import CageotApp
import CageotStore

/// One thread's database connection and document factory, reused from job to job.
///
/// `@unchecked Sendable`: neither `Connection` nor `DocumentFactory` is thread-safe, but the
/// `WorkerPool` lends a worker to one job at a time, so only one thread ever touches it at once.
final class Worker: @unchecked Sendable {
    let database: String
    let factory: DocumentFactory
    private var open: Connection?

    init(configuration: ServerConfiguration) throws {
        database = configuration.database
        factory = try DocumentFactory(environment: configuration.environment)
    }

    /// The worker's connection, opened on first use and again after it was lost.
    func connection() throws -> Connection {
        if let open { return open }
        let connection = try Connection(database, logger: factory.environment.logger)
        // The tokens table is Cageot's own: make sure it exists once per connection, not per request.
        try Migrations.migrate(connection)
        open = connection
        return connection
    }

    /// Runs `body` with the connection; a connection that broke is dropped, to be reopened by the next job.
    func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        do {
            return try body(try connection())
        } catch let error as DatabaseError {
            if error.isConnectionLost { open = nil }
            throw error
        }
    }
}
