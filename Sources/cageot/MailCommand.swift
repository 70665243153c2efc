import ArgumentParser
import CageotApp
import CageotMail
import Foundation

/// `cageot mail test`: sends a short test message through the relay, to check its configuration.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "E-mail delivery through an SMTP relay.", subcommands: [Test.self, Log.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the recent sends of the mail ledger (newest first), and the pending ones with their reason.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "How many sends to list.") var limit = 50
        @Flag(help: "Only the sends not delivered: pending and abandoned.") var pending = false

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be a positive number.") }
        }

        func run() throws {
            try Failure.report {
                let records = try MailQueue(try global.connect()).log(limit: limit, pendingOnly: pending)
                if records.isEmpty { print(pending ? "Aucun envoi en attente." : "Aucun envoi enregistré.") }
                for line in MailLog.lines(records) { print(line) }
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a short test message (subject « Cageot : message de test ») and print what the relay answered.",
            discussion: """
                The relay is --smtp, else CAGEOT_SMTP_URL; its user and password are CAGEOT_SMTP_USER and \
                CAGEOT_SMTP_PASSWORD (or CAGEOT_SMTP_PASSWORD_FILE, a file holding it). Exit code 75 when the \
                failure is temporary (relay down, 4xx): try again later; 1 otherwise.
                """)

        @Option(help: "The recipient.") var to: String
        @Option(help: "smtp://host:port or smtps://host:port (default: CAGEOT_SMTP_URL).") var smtp: String?
        @Option(help: "The sender (default: CAGEOT_MAIL_FROM, else cageot@localhost).") var from: String?
        @Option(help: "STARTTLS on smtp:// URLs: required, optional or none.") var tls: String = "required"
        @Option(help: "Seconds to wait for the relay.") var timeout = 30

        func validate() throws {
            guard SMTPRelay.TLS(rawValue: tls) != nil else { throw ValidationError("--tls \(tls) is not one of required, optional, none.") }
            guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds.") }
            guard smtp ?? ProcessInfo.processInfo.environment["CAGEOT_SMTP_URL"] != nil else {
                throw ValidationError("Give the relay with --smtp smtp://host:port, or set CAGEOT_SMTP_URL.")
            }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            do {
                let relay = try SMTPRelay(
                    url: smtp ?? environment["CAGEOT_SMTP_URL"]!, tls: SMTPRelay.TLS(rawValue: tls)!,
                    user: environment["CAGEOT_SMTP_USER"], password: try password(environment), timeoutSeconds: timeout)
                let now = try Clock.now(option: nil, sourceDateEpoch: environment["SOURCE_DATE_EPOCH"])
                let sender = try MailAddress(from ?? environment["CAGEOT_MAIL_FROM"] ?? "cageot@localhost", name: "Cageot")
                let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
                let offset = Clock.paris.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(now.epochSeconds))) / 60
                let message = MailMessage(
                    from: sender, to: [try MailAddress(to)], subject: "Cageot : message de test",
                    body: """
                        Bonjour,

                        Ce message de test a été envoyé par Cageot (cageot mail test) le \(now.local) \
                        par le relais \(relay.url). S'il vous parvient, l'envoi des e-mails fonctionne.
                        """,
                    messageID: "<test.\(now.epochSeconds).\(UUID().uuidString.lowercased())@\(domain)>",
                    date: MailDate(epochSeconds: now.epochSeconds, utcOffsetMinutes: offset))
                let result = try Mailer(relay: relay).send(message)
                print("sent \(result.messageID) to \(result.recipients.joined(separator: ", ")) through \(relay.url): SMTP \(result.smtpCode)")
            } catch let error as MailSendError {
                printError("\(error)")
                throw ExitCode(error.isTemporary ? 75 : 1) // 75: EX_TEMPFAIL
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
        }

        private func password(_ environment: [String: String]) throws -> String? {
            if let value = environment["CAGEOT_SMTP_PASSWORD"] { return value }
            guard let path = environment["CAGEOT_SMTP_PASSWORD_FILE"] else { return nil }
            do {
                return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .newlines)
            } catch {
                throw CLIError("CAGEOT_SMTP_PASSWORD_FILE=\(path) cannot be read: \(error.localizedDescription)")
            }
        }
    }
}
