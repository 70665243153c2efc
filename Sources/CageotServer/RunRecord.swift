import CageotApp
import Foundation

/// One `POST /runs` as `GET /runs/{id}` shows it: while it runs, then its summary.
struct RunRecord: Sendable, Encodable {
    enum Status: String, Sendable, Encodable {
        case running, done, failed
    }

    struct Document: Sendable, Encodable {
        var kind: String
        var scope: String
        var path: String
    }

    /// A document that failed (`document` is its label, as `cageot run` prints it), or the run
    /// itself when it could not work out what is due (`document` is nil).
    struct Failure: Sendable, Encodable {
        var document: String?
        var kind: String?
        var scope: String?
        var message: String
    }

    var id: String
    var status: Status
    var dryRun: Bool
    /// The time the due documents are worked out at (Europe/Paris wall-clock), as `cageot run --now`.
    var now: String
    var startedAt: String
    var finishedAt: String?
    var due = 0, generated = 0, unchanged = 0, busy = 0, planned = 0, failed = 0
    var documents: [Document] = []
    var errors: [Failure] = []

    init(id: String, dryRun: Bool, now: String, startedAt: String) {
        self.id = id; self.dryRun = dryRun; self.now = now; self.startedAt = startedAt
        status = .running
    }

    /// Done when every document is generated or up to date, failed when any failed.
    mutating func finish(_ summary: RunBatch.Summary, at time: String) {
        due = summary.outcomes.count
        (generated, unchanged, busy, planned, failed) = (summary.generated, summary.unchanged, summary.busy, summary.planned, summary.failed)
        for (due, outcome, _) in summary.outcomes {
            switch outcome {
            case .generated(let written): documents += written.map { Document(kind: $0.kind, scope: $0.scope, path: $0.path) }
            case .failed(let message), .interrupted(let message):
                errors.append(Failure(document: due.label, kind: due.kind.rawValue, scope: due.scope, message: message))
            case .unchanged, .busy, .planned, .notAttempted: break
            }
        }
        status = failed > 0 ? .failed : .done
        finishedAt = time
    }

    /// The run could not even list what is due (the database, the configuration).
    mutating func fail(_ error: Error, at time: String) {
        errors.append(Failure(message: "\(error)"))
        status = .failed
        finishedAt = time
    }
}
