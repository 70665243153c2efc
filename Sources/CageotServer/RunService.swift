import CageotApp
import CageotCore
import CageotStore
import Foundation
import NIOConcurrencyHelpers

/// What `POST /runs` and `GET /runs/{id}` do, without HTTP: one `cageot run` at a time, on a thread
/// of its own (never the event loop), with the same selection and generation as the CLI; the last
/// runs are kept in memory, so a restart forgets them (the ledger keeps their documents).
final class RunService: Sendable {
    /// How many runs `GET /runs/{id}` still knows; older ones are dropped.
    static let kept = 20

    let configuration: ServerConfiguration
    let metrics: Metrics
    /// The wall-clock time of `startedAt` and `finishedAt` (not the documents' time, which `--now` may pin).
    private let wallClock: @Sendable () -> Date
    private let state = NIOLockedValueBox(State())

    private struct State {
        var runs: [RunRecord] = []
        var running: String?
    }

    init(configuration: ServerConfiguration, metrics: Metrics, wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.metrics = metrics
        self.wallClock = wallClock
    }

    /// Starts a run and answers at once with its record; a run already going is a 409 naming it.
    func start(dryRun: Bool) throws -> RunRecord {
        let environment = configuration.environmentNow()
        let record = RunRecord(id: UUID().uuidString.lowercased(), dryRun: dryRun, now: environment.now.description,
                               startedAt: timestamp())
        try state.withLockedValue { state in
            if let running = state.running { throw Problem.runInProgress(id: running) }
            state.running = record.id
            state.runs.append(record)
            if state.runs.count > Self.kept { state.runs.removeFirst(state.runs.count - Self.kept) }
        }
        metrics.runStarted()
        let thread = Thread { [self] in work(record.id, dryRun: dryRun, environment: environment) }
        // Cairo and Pango may draw on it (with one worker the batch runs on the calling thread).
        thread.stackSize = 8 << 20
        thread.name = "cageot-run"
        thread.start()
        return record
    }

    func record(_ id: String) -> RunRecord? {
        state.withLockedValue { $0.runs.last { $0.id == id } }
    }

    /// The run itself, blocking: the due documents at the run's time, then `RunBatch` on
    /// `--workers` threads, each with its own connection and fonts, as `cageot run` does.
    private func work(_ id: String, dryRun: Bool, environment: CageotEnvironment) {
        let configuration = configuration
        let makeJobs: @Sendable () throws -> SheetJobs = {
            try SheetJobs(connection: try Connection(configuration.database, logger: environment.logger),
                          factory: try DocumentFactory(environment: environment))
        }
        let finished: (inout RunRecord) -> Void
        do {
            let due = try makeJobs().dueDocuments(at: environment.now, config: configuration.runConfig)
            for path in dryRun ? [] : AtomicFile.removeAbandoned(in: environment.outputDirectory) {
                environment.logger.notice("removed a temp file left by a stopped process", metadata: ["path": "\(path)"])
            }
            let summary = RunBatch.run(due, config: configuration.runConfig, dryRun: dryRun, workers: configuration.workers,
                                       makeJobs: makeJobs)
            let time = timestamp()
            finished = { $0.finish(summary, at: time) }
        } catch {
            let time = timestamp()
            finished = { $0.fail(error, at: time) }
        }
        let status = state.withLockedValue { state in
            state.running = nil
            guard let index = state.runs.lastIndex(where: { $0.id == id }) else { return RunRecord.Status.failed }
            finished(&state.runs[index])
            return state.runs[index].status
        }
        metrics.runFinished(status: status.rawValue)
    }

    private func timestamp() -> String { wallClock().formatted(Date.ISO8601FormatStyle()) }
}
