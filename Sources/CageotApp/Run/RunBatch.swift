import CageotCore
import CageotStore
import Foundation

/// A whole `cageot run`: the due documents shared among workers, each with its own connection,
/// font context and locks; one failing document does not stop the others.
public enum RunBatch {
    public typealias Outcome = (due: DueDocument, outcome: RunOutcome, mail: [MailNote])

    public struct Summary: Sendable {
        public var outcomes: [Outcome]
        public init(outcomes: [Outcome]) { self.outcomes = outcomes }
        public var generated: Int { outcomes.filter { if case .generated = $0.outcome { true } else { false } }.count }
        public var unchanged: Int { outcomes.filter { if case .unchanged = $0.outcome { true } else { false } }.count }
        public var busy: Int { outcomes.filter { if case .busy = $0.outcome { true } else { false } }.count }
        public var planned: Int { outcomes.filter { if case .planned = $0.outcome { true } else { false } }.count }
        /// Documents that failed, the one that interrupted the run included.
        public var failed: Int {
            outcomes.filter { switch $0.outcome { case .failed, .interrupted: true; default: false } }.count
        }
        public var notAttempted: Int { outcomes.filter { if case .notAttempted = $0.outcome { true } else { false } }.count }
        /// Why the run stopped early (the database went away, the disk is full), if it did.
        public var interruption: String? {
            outcomes.lazy.compactMap { if case .interrupted(let message) = $0.outcome { message } else { nil } }.first
        }
        /// The messages queued, the recipients skipped (no usable address), the queuing failures.
        public var mailNotes: [MailNote] { outcomes.flatMap(\.mail) }

        /// `12 document(s) généré(s), 30 inchangé(s), 0 en cours ailleurs, 1 échec(s).`
        public var line: String {
            var parts = ["\(generated) document(s) généré(s)", "\(unchanged) inchangé(s)"]
            if planned > 0 { parts.append("\(planned) à générer (--dry-run)") }
            parts += ["\(busy) en cours dans un autre run", "\(failed) échec(s)"]
            if notAttempted > 0 { parts.append("\(notAttempted) non tenté(s) (run interrompu)") }
            return parts.joined(separator: ", ") + "."
        }
    }

    /// With `mail`, each document also queues the messages it calls for in the mail ledger; the
    /// caller sends them afterwards (`MailDelivery.deliver`). Once the database goes away under a
    /// document (or a worker cannot connect), or the disk is full, the documents not yet started
    /// are not tried: the run ends with what it wrote, each recorded in the ledger, instead of
    /// failing them one by one.
    public static func run(_ due: [DueDocument], config: RunConfig, dryRun: Bool, workers: Int, mail: Bool = false,
                           makeJobs: @Sendable () throws -> SheetJobs,
                           progress: @Sendable (Outcome) -> Void = { _ in }) -> Summary {
        let stopped = StopFlag()
        let outcomes = SheetBatch.perform(due, workers: workers, makeJobs: makeJobs,
                                          work: { jobs, due -> Outcome in
                                              if stopped.isSet { return (due, .notAttempted, []) }
                                              let (outcome, notes) = jobs.run(due, config: config, dryRun: dryRun, mail: mail)
                                              if case .interrupted = outcome { stopped.set() }
                                              return (due, outcome, notes)
                                          },
                                          failure: { due, error in
                                              guard let reason = RunOutcome.interruption(error) else { return (due, .failed("\(error)"), []) }
                                              return (due, stopped.set() ? .interrupted(reason) : .notAttempted, [])
                                          }, progress: progress)
        return Summary(outcomes: outcomes)
    }

    /// Set once, by the first document that interrupts the run. `@unchecked`: behind a lock.
    private final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        /// Sets the flag; true for the first caller only.
        @discardableResult func set() -> Bool { lock.withLock { defer { value = true }; return !value } }
    }
}
