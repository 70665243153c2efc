import CageotCore
import CageotStore
import Foundation

/// What became of one due document in a run.
public enum RunOutcome: Sendable {
    /// Written and recorded in the ledger.
    case generated([GeneratedDocument])
    /// The ledger already holds it with the same input fingerprint, and its file is there.
    case unchanged
    /// Another run holds its lock right now and is generating it.
    case busy
    /// `--dry-run`: it would be generated.
    case planned
    case failed(String)
    /// Failed in a way every later document would too (the database went away, the disk is
    /// full): the run stops; the text says why, in French, then the error.
    case interrupted(String)
    /// Not tried: the run had been interrupted before its turn.
    case notAttempted
}

extension SheetJobs {
    /// The documents due at `now` under `config`, in a stable order: the sheets of the sessions
    /// starting within the horizon; each farmer's week once a distribution's order window closed
    /// (or on the configured weekday, for the current week); each running contract's payments from
    /// the configured day of the month; the previous year's report from the configured date.
    public func dueDocuments(at now: LocalDateTime, config: RunConfig) throws -> [DueDocument] {
        var due: [DueDocument] = []
        let today = now.date
        if config.kinds.contains(.sessionSheet) {
            due += try store.sessionsStarting(from: now, to: now.adding(seconds: config.horizonHours * 3600))
                .map { DueDocument(kind: .sessionSheet, subject: .session($0)) }
        }
        if config.kinds.contains(.vendorOrders) {
            var weeks = Set<DueDocument.Subject>()
            for closed in try store.closedDistributions(from: today, to: today.adding(days: 13), now: now) {
                weeks.insert(.vendorWeek(vendor: closed.vendorId, week: ISOWeek(containing: closed.day)))
            }
            if today.weekdayIndex == config.weeklyOrdersWeekday {
                let week = ISOWeek(containing: today)
                for vendor in try store.vendorsWithOrders(from: week.monday, to: week.sunday) {
                    weeks.insert(.vendorWeek(vendor: vendor, week: week))
                }
            }
            due += weeks.map { DueDocument(kind: .vendorOrders, subject: $0) }
        }
        if config.kinds.contains(.productMatrix), config.mail.vendorRecap {
            due += try store.closedDistributions(from: today, to: today.adding(days: 13), now: now)
                .map { DueDocument(kind: .productMatrix, subject: .distribution($0.distributionId)) }
        }
        if config.kinds.contains(.payments), today.day >= config.paymentsDay {
            let month = LocalDate(year: today.year, month: today.month, day: 1)
            due += try store.runningContracts(on: today).map { DueDocument(kind: .payments, subject: .contract($0, month: month)) }
        }
        if config.kinds.contains(.usageReport), today >= LocalDate(year: today.year, month: config.reportMonth, day: config.reportDay) {
            due.append(DueDocument(kind: .usageReport, subject: .federation(year: today.year - 1)))
        }
        return due.sorted()
    }

    /// Generates `due` unless another run holds it (PostgreSQL advisory lock on this connection)
    /// or the ledger already has it with the same input fingerprint and its file is still there;
    /// then, with `mail`, queues the messages it calls for (`queueMail`), under the same lock.
    /// Never throws: a failure is the outcome of this document only.
    public func run(_ due: DueDocument, config: RunConfig, dryRun: Bool = false, mail: Bool = false) -> (RunOutcome, [MailNote]) {
        do {
            guard let ledger else { throw RunError.noLedger }
            let locked = try store.connection.query("run lock", "SELECT pg_try_advisory_lock($1) AS locked", [due.lockKey]) {
                try $0.decode("locked", as: Bool.self)
            }
            guard locked == [true] else { return (.busy, []) }
            defer { _ = try? store.connection.query("run unlock", "SELECT pg_advisory_unlock($1) AS ok", [due.lockKey]) { _ in () } }
            let prepared = try prepare(due, config: config)
            let outcome: RunOutcome
            if let last = try ledger.latest(kind: due.kind.rawValue, scope: due.scope), last.fingerprint == prepared.fingerprint,
               FileManager.default.fileExists(atPath: last.path) {
                outcome = .unchanged
            } else if dryRun {
                return (.planned, [])
            } else {
                var documents = try prepared.write()
                for index in documents.indices where documents[index].kind == due.kind.rawValue {
                    // The run's scope (a payments workbook is due once a month) is the one it looks up.
                    documents[index].scope = due.scope
                }
                for document in documents { try ledger.record(document, at: factory.environment.epochSeconds) }
                outcome = .generated(documents)
            }
            guard mail, !dryRun, let letter = prepared.letter else { return (outcome, []) }
            return (outcome, queueMail(for: due, fingerprint: prepared.fingerprint, letter: letter(), config: config))
        } catch {
            return (RunOutcome.interruption(error).map(RunOutcome.interrupted) ?? .failed("\(error)"), [])
        }
    }

    /// What `due` is made of: its input fingerprint, how to write it, and what its e-mail says.
    fileprivate struct Prepared {
        var fingerprint: String
        var write: () throws -> [GeneratedDocument]
        var letter: (() -> DocumentLetter)?
    }

    private func prepare(_ due: DueDocument, config: RunConfig) throws -> Prepared {
        switch due.subject {
        case .session(let id):
            return Prepared(try prepareSessionSheet(id))
        case let .vendorWeek(vendor, week):
            return Prepared(try prepare(.vendorOrders(vendor: vendor, week: week)))
        case .contract(let id, _):
            return Prepared(try prepare(.payments(catalog: id)))
        case .distribution(let id):
            return Prepared(try prepare(.distributionSheet(distribution: id, kind: .productMatrix)))
        case .federation(let year):
            let costs = try config.costs.map { try CostInput(url: $0) }
            let (report, fingerprint) = try usageReportInputs(period: .year(year), costs: costs, federationName: config.federationName)
            return Prepared(fingerprint: fingerprint, write: {
                try self.factory.writeUsageReport(report, fingerprint: fingerprint, into: self.factory.defaultUsageReportFolder, csv: true)
            }, letter: { DocumentLetter.usageReport(report) })
        }
    }
}

extension SheetJobs.Prepared {
    init(_ prepared: PreparedDocument) {
        self.init(fingerprint: prepared.fingerprint, write: { [try prepared.writeToDefaultPlace()] }, letter: prepared.letter)
    }
}

extension RunOutcome {
    /// Why `error` stops the whole run, if it does: the database went away, or the disk is full.
    static func interruption(_ error: any Error) -> String? {
        if let database = error as? DatabaseError, database.isConnectionLost { return "la base de données ne répond plus (\(database))" }
        if let output = error as? OutputError, output.diskFull { return "le disque est plein (\(output))" }
        return nil
    }
}

/// What a run may take for granted when the database has not changed since a run that checked
/// everything (`QuietDatabase`): the ledger's documents are up to date; `mailed` holds the
/// versions already queued for e-mail (`kind|scope|fingerprint`).
public struct RunShortcut: Sendable {
    public var mailed: Set<String>
    public init(mailed: Set<String>) { self.mailed = mailed }
    static func key(_ kind: String, _ scope: String, _ fingerprint: String) -> String { "\(kind)|\(scope)|\(fingerprint)" }

    /// Splits `due` into the documents the ledger holds, whose file is still there (and, with
    /// `mail`, whose version was queued for e-mail, payments aside, which are not mailed): they
    /// are unchanged without reading their data nor taking their lock, since nothing is written
    /// for them; and the rest, which the run handles as usual. One query for the whole ledger.
    public func settle(_ due: [DueDocument], ledger: Ledger, mail: Bool) throws -> (unchanged: [DueDocument], rest: [DueDocument]) {
        let latest = try ledger.latestOfEveryScope()
        var unchanged: [DueDocument] = [], rest: [DueDocument] = []
        for document in due {
            if let last = latest[Ledger.Key(kind: document.kind.rawValue, scope: document.scope)],
               FileManager.default.fileExists(atPath: last.path),
               !mail || document.kind == .payments || mailed.contains(Self.key(document.kind.rawValue, document.scope, last.fingerprint)) {
                unchanged.append(document)
            } else {
                rest.append(document)
            }
        }
        return (unchanged, rest)
    }
}

public enum RunError: Error, CustomStringConvertible {
    case noLedger
    public var description: String {
        switch self {
        case .noLedger: "cageot run needs the ledger (it decides what is due from it); drop --no-ledger."
        }
    }
}
