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
                The relay, TLS, user, CA file and sender are those of cageot run: the [mail] section of the \
                configuration file (--config, else CAGEOT_CONFIG, else ./cageot.toml), then CAGEOT_SMTP_URL and \
                CAGEOT_SMTP_USER; the options below override them. The password is CAGEOT_SMTP_PASSWORD, or the \
                file in mail.password_file or CAGEOT_SMTP_PASSWORD_FILE. Exit code 75 when the failure is \
                temporary (relay down, 4xx): try again later; 1 otherwise.
                """)

        @Option(help: "The recipient.") var to: String
        @Option(help: "The configuration file whose [mail] section to use.") var config: String?
        @Option(help: "smtp://host:port or smtps://host:port (default: mail.smtp, else CAGEOT_SMTP_URL).") var smtp: String?
        @Option(help: "The sender (default: CAGEOT_MAIL_FROM, else mail.from).") var from: String?
        @Option(help: "STARTTLS on smtp:// URLs: required, optional or none (default: mail.tls, else required).") var tls: String?
        @Option(help: "A PEM file of certificates to trust for the relay (default: mail.ca_file).") var caFile: String?
        @Option(help: "Seconds to wait for the relay (default: mail.timeout_seconds, else 30).") var timeout: Int?

        func validate() throws {
            if let tls, SMTPRelay.TLS(rawValue: tls) == nil { throw ValidationError("--tls \(tls) is not one of required, optional, none.") }
            if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            do {
                var mail = try RunConfig.load(path: config ?? environment["CAGEOT_CONFIG"]).mail
                if let smtp { mail.smtpURL = smtp }
                if let tls { mail.tls = SMTPRelay.TLS(rawValue: tls)! }
                if let caFile { mail.caFile = URL(fileURLWithPath: caFile) }
                if let timeout { mail.timeoutSeconds = timeout }
                guard let relay = try mail.relay(environment: environment) else {
                    throw CLIError("no relay: give --smtp smtp://host:port, set CAGEOT_SMTP_URL, or write smtp = … in [mail] (docs/mail.md).")
                }
                let now = try Clock.now(option: nil, sourceDateEpoch: environment["SOURCE_DATE_EPOCH"])
                let sender = try MailAddress(from ?? environment["CAGEOT_MAIL_FROM"] ?? mail.from, name: mail.fromName)
                let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
                let message = MailMessage(
                    from: sender, to: [try MailAddress(to)], subject: "Cageot : message de test",
                    body: """
                        Bonjour,

                        Ce message de test a été envoyé par Cageot (cageot mail test) le \(now.local) \
                        par le relais \(relay.url). S'il vous parvient, l'envoi des e-mails fonctionne.
                        """,
                    messageID: "<test.\(now.epochSeconds).\(UUID().uuidString.lowercased())@\(domain)>",
                    date: .paris(epochSeconds: now.epochSeconds))
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
    }
}
