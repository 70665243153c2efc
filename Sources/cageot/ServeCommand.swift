import ArgumentParser
import CageotApp
import CageotCore
import CageotServer
import CageotStore
import Foundation

/// `cageot serve [--host 127.0.0.1] [--port 8080] [--workers N]`: documents on demand over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve documents on demand over HTTP: sign-in sheets, farmers' workbooks, payments, the federation's report.",
        discussion: "Routes, tokens and examples: docs/serve.md, docs/openapi.yaml. Documents need a bearer token (cageot token create); /healthz and /metrics do not. An admin token can start a run of what is due (POST /runs, as cageot run, with --config).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "The port to listen on (0: any free port, printed at start).") var port = 8080
    @Option(name: .long, help: "Documents rendered at once, each with its own database connection (default: the number of cores).")
    var workers: Int?
    @Option(name: .long, help: "Seconds a request may wait and render before it answers 503.") var timeout = 60
    @Option(name: .long, help: "The cost file (TOML) of the federation's report.") var costs: String?
    @Option(name: .long, help: "The federation's name on its report.") var federation = "Fédération des AMAP"
    @Option(name: .long, help: "The configuration of POST /runs, as cageot run's (default: CAGEOT_CONFIG, else ./cageot.toml if it exists, else the defaults).")
    var config: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port; give a number from 1 to 65535 (0: any free port).") }
        if let workers, !(1...64).contains(workers) { throw ValidationError("--workers \(workers): give a number from 1 to 64.") }
        guard timeout > 0 else { throw ValidationError("--timeout \(timeout): give a number of seconds above 0.") }
        if global.noLedger { throw ValidationError("cageot serve keeps its tokens in Cageot's schema: drop --no-ledger.") }
    }

    func run() async throws {
        var environment = try global.environment()
        if !global.verbose { environment.logger.logLevel = .info }
        let env = ProcessInfo.processInfo.environment
        // --now or SOURCE_DATE_EPOCH pin every document's date; otherwise each request takes the clock's.
        let pinned = global.now != nil || env["SOURCE_DATE_EPOCH"] != nil
        let live: @Sendable () -> (epochSeconds: Int, local: LocalDateTime) = {
            let instant = Clock.instant(epochSeconds: Int(Date().timeIntervalSince1970))
            return (epochSeconds: instant.epochSeconds, local: instant.local)
        }
        let costInput: CostInput? = try costs.map { try CostInput(url: URL(fileURLWithPath: $0)) }
        let runConfig = try RunConfig.load(path: config ?? env["CAGEOT_CONFIG"])
        let configuration = ServerConfiguration(
            host: host, port: port, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
            requestTimeout: .seconds(timeout), database: ConnectionTarget.resolve(option: global.database, environment: env),
            environment: environment, clock: pinned ? nil : live, costs: costInput, federationName: federation,
            runConfig: runConfig)
        let app = try buildApplication(configuration) { [host] port in
            FileHandle.standardOutput.write(Data("cageot serve: listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
