import CageotCore
import CageotMail
import Foundation
import TOMLKit

/// The `[mail]` section of `cageot.toml` (docs/mail.md): the relay, the sender, who gets what, and
/// how failed sends are retried. E-mail is off until a relay is given (`smtp`, or CAGEOT_SMTP_URL).
public struct MailConfig: Sendable, Hashable {
    /// `smtp://host:port` or `smtps://host:port`; nil: CAGEOT_SMTP_URL, else no e-mail.
    public var smtpURL: String?
    public var tls: SMTPRelay.TLS = .required
    /// The relay's user (else CAGEOT_SMTP_USER); the password comes from CAGEOT_SMTP_PASSWORD, or
    /// from `password_file` (else CAGEOT_SMTP_PASSWORD_FILE): never from this file itself.
    public var user: String?
    public var passwordFile: URL?
    public var timeoutSeconds = 30
    /// A PEM file of certificates to trust for the relay (a private CA); nil: the system's.
    public var caFile: URL?
    public var from = "cageot@localhost"
    public var fromName = "Cageot"
    /// Where answers go, unless the group has its own (`group_reply_to`).
    public var replyTo: String?
    public var groupReplyTo: [Int: String] = [:]
    /// Who gets the yearly federation report; nobody when empty.
    public var federationTo: [String] = []
    /// Coordinators get a session's sheet once it starts within this many hours.
    public var sheetsHoursBefore = 24
    /// Each farmer also gets one distribution's recap (its product × household grid, PDF) as soon
    /// as that distribution's order window closes.
    public var vendorRecap = false
    /// A send that failed this many times is abandoned (and said so).
    public var maxAttempts = 6
    /// The wait before the first retry; it doubles at each failure, up to a day.
    public var retryMinutes = 15
    /// Opt-outs: farmers, and groups whose coordinators, who get no e-mail.
    public var noMailVendors: Set<Int> = []
    public var noMailGroups: Set<Int> = []

    public init() {}

    /// The relay to send through, from this section and the environment; nil when none is set.
    public func relay(environment: [String: String]) throws -> SMTPRelay? {
        guard let url = smtpURL ?? environment["CAGEOT_SMTP_URL"]?.nonBlank else { return nil }
        var password = environment["CAGEOT_SMTP_PASSWORD"]
        if password == nil, let file = passwordFile?.path ?? environment["CAGEOT_SMTP_PASSWORD_FILE"] {
            do {
                password = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
            } catch {
                throw MailConfigError("the SMTP password file \(file) cannot be read (\(error.localizedDescription)); "
                    + "check mail.password_file or CAGEOT_SMTP_PASSWORD_FILE")
            }
        }
        return try SMTPRelay(url: url, tls: tls, user: user ?? environment["CAGEOT_SMTP_USER"], password: password,
                             timeoutSeconds: timeoutSeconds, caFile: caFile?.path)
    }

    /// The sender, as messages show it.
    public var sender: MailAddress { (try? MailAddress(from, name: fromName)) ?? (try! MailAddress("cageot@localhost")) }

    /// The domain of Message-IDs: the sender's.
    var messageIDDomain: String { from.split(separator: "@").last.map(String.init) ?? "localhost" }

    /// The wait after `attempts` failures: `retryMinutes`, doubled at each failure, at most a day.
    func backoffSeconds(afterAttempts attempts: Int) -> Int {
        min(retryMinutes * 60 << min(max(attempts - 1, 0), 20), 86_400)
    }
}

public struct MailConfigError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension RunConfigReader {
    static let mailKeys = ["smtp", "tls", "user", "password_file", "ca_file", "timeout_seconds", "from", "from_name", "reply_to",
                           "group_reply_to", "federation_to", "sheets_hours_before", "vendor_recap", "max_attempts",
                           "retry_minutes", "no_mail_vendors", "no_mail_groups"]

    /// Reads `[mail]`; every address is checked here, so that a typo is found before the first send.
    func readMail(_ table: TOMLTable, horizonHours: Int) throws -> MailConfig {
        var mail = MailConfig()
        func text(_ key: String, example: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string?.trimmingCharacters(in: .whitespaces), !string.isEmpty else {
                throw fail("mail.\(key)", "expected text, e.g. \(key) = \"\(example)\"")
            }
            return string
        }
        func address(_ key: String, _ value: String) throws -> String {
            do { return try MailAddress(value).address } catch { throw fail(key, "\(error)") }
        }
        func integer(_ key: String, _ range: ClosedRange<Int>, example: Int) throws -> Int? {
            guard let value = table[key] else { return nil }
            guard let number = value.int, range.contains(number) else {
                throw fail("mail.\(key)", "expected a whole number from \(range.lowerBound) to \(range.upperBound), e.g. \(key) = \(example)")
            }
            return number
        }
        func ids(_ key: String) throws -> Set<Int> {
            guard let value = table[key] else { return [] }
            guard let array = value.array, array.indices.allSatisfy({ array[$0].int != nil }) else {
                throw fail("mail.\(key)", "expected a list of ids, e.g. \(key) = [12, 14]")
            }
            return Set(array.indices.compactMap { array[$0].int })
        }
        if let url = try text("smtp", example: "smtp://relais.example.org:587") {
            do { _ = try SMTPRelay(url: url) } catch { throw fail("mail.smtp", "\(error)") }
            mail.smtpURL = url
        }
        if let tls = try text("tls", example: "required") {
            guard let value = SMTPRelay.TLS(rawValue: tls) else {
                throw fail("mail.tls", "expected \"required\" (STARTTLS or fail), \"optional\" or \"none\"")
            }
            mail.tls = value
        }
        mail.user = try text("user", example: "cageot")
        if let path = try text("password_file", example: "/etc/cageot/smtp-password") {
            mail.passwordFile = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        }
        if let path = try text("ca_file", example: "/etc/ssl/certs/relais.pem") {
            mail.caFile = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        }
        mail.timeoutSeconds = try integer("timeout_seconds", 1...600, example: 30) ?? mail.timeoutSeconds
        if let from = try text("from", example: "cageot@interamap44.fr") { mail.from = try address("mail.from", from) }
        if let name = try text("from_name", example: "InterAMAP44") {
            guard !name.contains(where: \.isLineBreakOrControl) else {
                throw fail("mail.from_name", "a name on one line, without control characters")
            }
            mail.fromName = name
        }
        if let replyTo = try text("reply_to", example: "contact@interamap44.fr") { mail.replyTo = try address("mail.reply_to", replyTo) }
        if let value = table["group_reply_to"] {
            guard let groups = value.table else {
                throw fail("mail.group_reply_to", "expected a table of group id = address, e.g. group_reply_to = { 3 = \"amap@example.org\" }")
            }
            for key in groups.keys.sorted() {
                guard let id = Int(key), let replyTo = groups[key]?.string else {
                    throw fail("mail.group_reply_to", "expected group id = \"address\", e.g. 3 = \"amap@example.org\"; found \(key)")
                }
                mail.groupReplyTo[id] = try address("mail.group_reply_to", replyTo)
            }
        }
        if let value = table["federation_to"] {
            let list = value.string.map { [$0] } ?? value.array.map { array in array.indices.compactMap { array[$0].string } }
            guard let list, !list.isEmpty else {
                throw fail("mail.federation_to", "expected an address or a list, e.g. federation_to = [\"tresorerie@interamap44.fr\"]")
            }
            mail.federationTo = try list.map { try address("mail.federation_to", $0) }
        }
        if let hours = try integer("sheets_hours_before", 1...(24 * 31), example: 24) {
            guard hours <= horizonHours else {
                throw fail("mail.sheets_hours_before", "is \(hours) hours, beyond sheets.horizon_hours (\(horizonHours)): "
                    + "a sheet is mailed only once it is generated; lower it or raise horizon_hours")
            }
            mail.sheetsHoursBefore = hours
        } else {
            mail.sheetsHoursBefore = min(mail.sheetsHoursBefore, horizonHours)
        }
        if let value = table["vendor_recap"] {
            guard let flag = value.bool else { throw fail("mail.vendor_recap", "expected true or false") }
            mail.vendorRecap = flag
        }
        mail.maxAttempts = try integer("max_attempts", 1...100, example: 6) ?? mail.maxAttempts
        mail.retryMinutes = try integer("retry_minutes", 1...1440, example: 15) ?? mail.retryMinutes
        mail.noMailVendors = try ids("no_mail_vendors")
        mail.noMailGroups = try ids("no_mail_groups")
        return mail
    }
}
