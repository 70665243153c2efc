import CageotApp
import CageotCore

/// Everything `cageot serve` is told: where to listen, how much work at once, and the environment
/// every document is made in.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Documents rendered at once, each on its own thread with its own connection and fonts.
    public var workers: Int
    /// A request still waiting or rendering after this long answers 503.
    public var requestTimeout: Duration
    /// The database (`--database`, `DATABASE_URL` or libpq's defaults), resolved.
    public var database: String
    public var environment: CageotEnvironment
    /// The time of each request; nil keeps `environment`'s own (pinned by `--now` or `SOURCE_DATE_EPOCH`).
    public var clock: (@Sendable () -> (epochSeconds: Int, local: LocalDateTime))?
    /// The usage report's cost file and federation name.
    public var costs: CostInput?
    public var federationName: String
    /// What `POST /runs` generates and when it is due (`--config`, as `cageot run`'s).
    public var runConfig: RunConfig

    public init(host: String = "127.0.0.1", port: Int = 8080, workers: Int = 2, requestTimeout: Duration = .seconds(60),
                database: String, environment: CageotEnvironment,
                clock: (@Sendable () -> (epochSeconds: Int, local: LocalDateTime))? = nil,
                costs: CostInput? = nil, federationName: String = "Fédération des AMAP", runConfig: RunConfig = RunConfig()) {
        self.host = host; self.port = port; self.workers = workers; self.requestTimeout = requestTimeout
        self.database = database; self.environment = environment; self.clock = clock
        self.costs = costs; self.federationName = federationName; self.runConfig = runConfig
    }

    /// The environment of a request made now.
    func environmentNow() -> CageotEnvironment {
        guard let clock else { return environment }
        var environment = environment
        (environment.epochSeconds, environment.now) = clock()
        return environment
    }
}
