import CageotCore
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
        public var failed: Int { outcomes.filter { if case .failed = $0.outcome { true } else { false } }.count }
        /// The messages queued, the recipients skipped (no usable address), the queuing failures.
        public var mailNotes: [MailNote] { outcomes.flatMap(\.mail) }

        /// `12 document(s) généré(s), 30 inchangé(s), 0 en cours ailleurs, 1 échec(s).`
        public var line: String {
            var parts = ["\(generated) document(s) généré(s)", "\(unchanged) inchangé(s)"]
            if planned > 0 { parts.append("\(planned) à générer (--dry-run)") }
            parts += ["\(busy) en cours dans un autre run", "\(failed) échec(s)"]
            return parts.joined(separator: ", ") + "."
        }
    }

    /// With `mail`, each document also queues the messages it calls for in the mail ledger; the
    /// caller sends them afterwards (`MailDelivery.deliver`).
    public static func run(_ due: [DueDocument], config: RunConfig, dryRun: Bool, workers: Int, mail: Bool = false,
                           makeJobs: @Sendable () throws -> SheetJobs,
                           progress: @Sendable (Outcome) -> Void = { _ in }) -> Summary {
        let outcomes = SheetBatch.perform(due, workers: workers, makeJobs: makeJobs,
                                          work: { jobs, due -> Outcome in
                                              let (outcome, notes) = jobs.run(due, config: config, dryRun: dryRun, mail: mail)
                                              return (due, outcome, notes)
                                          },
                                          failure: { due, error in (due, RunOutcome.failed("\(error)"), []) }, progress: progress)
        return Summary(outcomes: outcomes)
    }
}
