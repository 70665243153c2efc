import CageotCore
import CageotMail
import CageotStore
import Foundation

/// What `cageot run` did about e-mail for one due document.
public enum MailNote: Sendable, Hashable {
    /// A message was queued in the mail ledger (sent at the end of the run).
    case queued(subject: String, recipient: String, update: Bool)
    /// A recipient without a usable address: skipped, the others still get theirs.
    case skipped(String)
    /// The message could not be queued (a database error, a missing file).
    case failed(String)
}

extension SheetJobs {
    /// Queues the messages `due` calls for at this time, once its document is in the ledger with
    /// `fingerprint`: the coordinators' sheet once the session starts within
    /// `mail.sheets_hours_before`, the farmer's week once the last order window of the week has
    /// closed, a distribution's recap once it closed, the report to the federation's addresses.
    /// Runs under the document's advisory lock, so two runs never queue the same message.
    func queueMail(for due: DueDocument, fingerprint: String, letter: DocumentLetter, config: RunConfig) -> [MailNote] {
        let mail = config.mail
        let now = factory.environment.now
        do {
            switch due.subject {
            case .session:
                guard let start = letter.start, start.secondsSinceEpoch - now.secondsSinceEpoch <= mail.sheetsHoursBefore * 3600 else { return [] }
            case let .vendorWeek(vendor, week):
                guard try store.ordersClosed(vendor: vendor, from: week.monday, to: week.sunday, now: now) else { return [] }
            case .contract:
                return []
            case .distribution, .federation:
                break
            }
            var notes: [MailNote] = []
            var recipients: [(address: String, name: String, greeting: String)] = []
            var replyTo = mail.replyTo
            switch letter.audience {
            case let .coordinators(groupId, groupName, coordinators):
                guard !mail.noMailGroups.contains(groupId) else { return [] }
                replyTo = mail.groupReplyTo[groupId] ?? replyTo
                for coordinator in coordinators {
                    let who = "\(MailText.oneLine(coordinator.member.displayName)), \(coordinator.role) de \(MailText.oneLine(groupName))"
                    switch checked(coordinator.member.email, who: who) {
                    case .success(let address):
                        recipients.append((address, MailText.oneLine(coordinator.member.displayName),
                                           "Vous recevez ce message comme \(coordinator.role) de \(MailText.oneLine(groupName))."))
                    case .failure(let note): notes.append(note)
                    }
                }
            case .vendor, .distributionVendor:
                let contact: VendorContact? = switch letter.audience {
                case .vendor(let id): try store.vendorContact(vendor: id)
                case .distributionVendor(let id): try store.vendorContact(distribution: id)
                default: nil
                }
                guard let contact, !mail.noMailVendors.contains(contact.id) else { return [] }
                switch checked(contact.email, who: "\(MailText.oneLine(contact.name)) (producteur \(contact.id))") {
                case .success(let address): recipients.append((address, MailText.oneLine(contact.name), ""))
                case .failure(let note): notes.append(note)
                }
            case .federation:
                recipients = mail.federationTo.map { ($0, "", "") }
            }
            guard !recipients.isEmpty else { return notes }
            guard let ledger else { throw RunError.noLedger }
            var attachments: [MailRecord.Attachment] = []
            for kind in Self.attachedKinds(due.kind) {
                guard let document = try ledger.latest(kind: kind, scope: due.scope), document.fingerprint == fingerprint else {
                    throw MailQueueError("the ledger has no \(kind) for \(due.scope) with the fingerprint just generated")
                }
                attachments.append(MailRecord.Attachment(path: document.path, checksum: document.checksum))
            }
            let queue = MailQueue(migrated: store.connection)
            let subject = MailText.oneLine(letter.subject)
            for recipient in recipients {
                let draft = MailDraft(
                    kind: due.kind.rawValue, scope: due.scope, recipient: recipient.address.lowercased(), recipientName: recipient.name,
                    fingerprint: fingerprint, attachments: attachments, subject: subject,
                    body: { replaces in
                        MailText.body(summary: letter.summary, greeting: recipient.greeting, replaces: replaces,
                                      files: attachments.map { URL(fileURLWithPath: $0.path).lastPathComponent }, sender: mail.fromName)
                    },
                    replyTo: replyTo)
                switch try queue.enqueue(draft, messageIDDomain: mail.messageIDDomain, now: factory.environment.epochSeconds) {
                case .new: notes.append(.queued(subject: subject, recipient: recipient.address, update: false))
                case .update: notes.append(.queued(subject: subject, recipient: recipient.address, update: true))
                case .unchanged: break
                }
            }
            return notes
        } catch {
            return [.failed("\(due.label) : \(error)")]
        }
    }

    /// The ledger kinds a document's message carries: the report sends its PDF and its workbook.
    static func attachedKinds(_ kind: DueDocument.Kind) -> [String] {
        kind == .usageReport ? ["usage-report", "usage-workbook"] : [kind.rawValue]
    }

    private func checked(_ email: String?, who: String) -> Result<String, MailNote> {
        guard let email = email?.trimmingCharacters(in: .whitespaces), !email.isEmpty else {
            return .failure(.skipped("\(who) : pas d'adresse e-mail"))
        }
        do {
            return .success(try MailAddress(email).address)
        } catch {
            return .failure(.skipped("\(who) : adresse e-mail invalide (\(error))"))
        }
    }
}

extension MailNote: Error {}

struct MailQueueError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension MailText {
    /// The plain-text body: greeting, the update notice, the figures, the files, the signature.
    static func body(summary: String, greeting: String, replaces: (sentAt: Int, subject: String)?, files: [String], sender: String) -> String {
        var parts = ["Bonjour,"]
        if let replaces {
            let when = LocalDateTime(parisAtEpochSeconds: replaces.sentAt)
            parts.append("Ce message remplace le précédent, envoyé le \(FrenchFormat.longDate(when.date)) à \(FrenchFormat.time(when)) "
                + "(« \(replaces.subject) ») : le document a changé depuis. Ne tenez plus compte de l'ancien fichier.")
        }
        parts.append(summary)
        if !greeting.isEmpty { parts.append(greeting) }
        parts.append((files.count == 1 ? "Fichier joint : " : "Fichiers joints : ") + files.joined(separator: ", ") + ".")
        parts.append("-- \nMessage envoyé automatiquement par Cageot pour \(sender).")
        return parts.joined(separator: "\n\n") + "\n"
    }
}
