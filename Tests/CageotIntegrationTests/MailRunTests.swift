import CageotApp
import CageotCore
import CageotStore
import CageotTestMail
import Foundation
import Testing

/// `cageot run` with a relay: a real SMTP server on loopback (aiosmtpd), every message read back by
/// Python's MIME parser, and the mail ledger in PostgreSQL.
///
/// The demo federation of RunFixture at Wednesday 9 December 2026, 19:00: every order window of week 50
/// has closed (the last on Tuesday at 18:00), so each farm with orders that week gets its workbook; the
/// session of Thursday 10 December, 18:00 starts within 24 hours, so its coordinators get its sheet;
/// the 2025 report goes to the federation's address.
@Suite(.enabled(if: TestDatabase.isAvailable), .serialized)
struct MailRunTests {
    static let now = "2026-12-09T19:00"

    static func config(_ sink: SMTPSink, extra: String = "") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent("cageot.toml")
        try Data("""
            [report]
            federation = "InterAMAP44"
            [mail]
            smtp = "\(sink.url)"
            tls = "none"
            from = "cageot@interamap44.example"
            from_name = "InterAMAP44"
            reply_to = "contact@interamap44.example"
            group_reply_to = { 1 = "coordination@amap-reze.example" }
            federation_to = ["tresorerie@interamap44.example"]
            \(extra)
            """.utf8).write(to: url)
        return url
    }

    static func run(_ conninfo: String, _ config: URL, output: URL, now: String = now, extra: [String] = []) throws -> Outcome {
        try RunFixture.run(conninfo, now: now, output: output, extra: ["--config", config.path] + extra)
    }

    static func mails(_ sink: SMTPSink, from index: Int = 0) throws -> [(eml: URL, mail: ParsedMail)] {
        try sink.received().dropFirst(index).map { ($0, try ParsedMail(eml: $0)) }
    }

    /// The farms whose every distribution of week 50 closed by the run, with one still to come and
    /// confirmed lines: independent SQL for who must get a workbook.
    static func closedFarms(_ db: Connection) throws -> [(id: Int, email: String, cents: Int, distributions: Int)] {
        try db.query("closed farms", """
            SELECT v.id, v.email,
                   (SELECT sum(round(o.quantity::numeric * o."productPrice"::numeric, 2) * 100)::bigint FROM "UserOrder" o
                      JOIN "Basket" b ON b.id = o."basketId" JOIN "Distribution" d ON d.id = o."distributionId"
                      JOIN "Catalog" c ON c.id = d."catalogId"
                    WHERE c."vendorId" = v.id AND b.status <> 'OPEN' AND o.quantity <> 0
                      AND d.date >= '2026-12-07' AND d.date < '2026-12-14') AS cents,
                   (SELECT count(DISTINCT d.id) FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                      JOIN "Distribution" d ON d.id = o."distributionId" JOIN "Catalog" c ON c.id = d."catalogId"
                    WHERE c."vendorId" = v.id AND b.status <> 'OPEN' AND o.quantity <> 0
                      AND d.date >= '2026-12-07' AND d.date < '2026-12-14')::bigint AS distributions
            FROM "Vendor" v
            WHERE EXISTS (SELECT 1 FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId"
                          JOIN "UserOrder" o ON o."distributionId" = d.id JOIN "Basket" b ON b.id = o."basketId"
                          WHERE c."vendorId" = v.id AND b.status <> 'OPEN' AND o.quantity <> 0
                            AND d.date >= '2026-12-09' AND d.date < '2026-12-14')
              AND NOT EXISTS (SELECT 1 FROM "Distribution" d JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
                              JOIN "Catalog" c ON c.id = d."catalogId"
                              WHERE c."vendorId" = v.id AND d.date >= '2026-12-07' AND d.date < '2026-12-14'
                                AND COALESCE(d."orderEndDate", md."orderEndDate") > '2026-12-09 19:00')
            ORDER BY v.id
            """) { (try $0.decode("id"), try $0.decode("email"), try $0.decode("cents"), try $0.decode("distributions")) }
    }

    /// The main contact and the contracts' coordinators of the session of Thursday 10 December.
    static func coordinators(_ db: Connection) throws -> Set<String> {
        Set(try db.query("coordinators", """
            SELECT u.email FROM "MultiDistrib" md JOIN "Group" g ON g.id = md."groupId" JOIN "User" u ON u.id = g."userId"
            WHERE md."distribStartDate" = '2026-12-10 18:00'
            UNION
            SELECT u.email FROM "MultiDistrib" md JOIN "Distribution" d ON d."multiDistribId" = md.id
            JOIN "Catalog" c ON c.id = d."catalogId" JOIN "User" u ON u.id = c."userId"
            WHERE md."distribStartDate" = '2026-12-10 18:00'
            """) { try $0.decode("email", as: String.self) })
    }

    static func euros(_ cents: Int) -> String { FrenchFormat.money(Money(cents: Int64(cents))) }

    @Test func eachRecipientGetsItsDocumentOnceAndAChangeSendsOneUpdate() throws {
        let (conninfo, db) = try RunFixture.load()
        let sink = try SMTPSink()
        let config = try Self.config(sink)
        let output = try temporaryFolder()
        let first = try Self.run(conninfo, config, output: output)
        #expect(first.status == 0, "\(first.stderr)")
        let farms = try Self.closedFarms(db)
        let coordinators = try Self.coordinators(db)
        try #require(!farms.isEmpty && !coordinators.isEmpty)
        let mails = try Self.mails(sink)
        #expect(mails.count == farms.count + coordinators.count + 1, "\(mails.map(\.mail.subject))")
        #expect(first.stdout.contains("E-mails : \(mails.count) envoyé(s) dont 0 mise(s) à jour, 0 en attente"), "\(first.stdout)")
        for (eml, mail) in mails {
            #expect(mail.defects.isEmpty && mail.bcc.isEmpty && mail.to.count == 1, "\(mail.subject): \(mail.defects)")
            #expect(try sink.envelope(of: eml).to == mail.to)
            #expect(mail.from == "InterAMAP44 <cageot@interamap44.example>")
            #expect(mail.messageID.hasSuffix("@interamap44.example>") && mail.inReplyTo.isEmpty)
            // Each attachment is the very file the ledger recorded.
            for attachment in mail.attachments {
                let recorded = try db.query("recorded file", "SELECT path FROM cageot.documents WHERE path LIKE '%/' || $1", [attachment.fileName]) {
                    try $0.decode("path", as: String.self)
                }
                try #require(recorded.count == 1, "\(attachment.fileName)")
                #expect(Data(base64Encoded: attachment.base64) == FileManager.default.contents(atPath: recorded[0]))
            }
        }
        for farm in farms {
            let mail = try #require(mails.first { $0.mail.to == [farm.email] }?.mail, "no workbook for farm \(farm.id)")
            #expect(mail.subject.hasPrefix("Commandes semaine 50 — "), "\(mail.subject)")
            #expect(mail.replyTo == "contact@interamap44.example")
            #expect(mail.body.contains("du lundi 7 décembre 2026 au dimanche 13 décembre 2026"))
            #expect(mail.body.contains("\(farm.distributions) distribution"), "\(mail.body)")
            #expect(mail.body.contains("total \(Self.euros(farm.cents)) TTC"), "\(mail.body) vs \(farm.cents)")
            #expect(mail.attachments.map(\.mimeType) == ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
            #expect(mail.attachments[0].fileName.hasPrefix("commandes-") && mail.attachments[0].fileName.hasSuffix("-2026-12-07-2026-12-13.xlsx"))
        }
        let sheets = mails.filter { $0.mail.subject.hasPrefix("Feuille d'émargement — AMAP du Jardin de Rezé — jeudi 10 décembre 2026") }
        #expect(Set(sheets.flatMap(\.mail.to)) == coordinators)
        for (_, mail) in sheets {
            #expect(mail.replyTo == "coordination@amap-reze.example")
            #expect(mail.attachments.map(\.mimeType) == ["application/pdf"] && mail.body.contains("foyers"))
            #expect(mail.body.contains("Vous recevez ce message comme "), "\(mail.body)")
        }
        let report = try #require(mails.first { $0.mail.to == ["tresorerie@interamap44.example"] }?.mail)
        #expect(report.subject == "Rapport d'usage 2025 — InterAMAP44")
        #expect(report.attachments.map(\.mimeType) == ["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])

        // A rerun sends nothing.
        let second = try Self.run(conninfo, config, output: output)
        #expect(second.status == 0 && second.stdout.contains("E-mails : 0 envoyé(s)"), "\(second.stdout)")
        #expect(try sink.received().count == mails.count)

        // One line of the Thursday distribution changes: its farm gets one update, as do the session's coordinators.
        let changed = try db.query("a Thursday line", """
            SELECT o.id, c."vendorId" FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
            JOIN "Distribution" d ON d.id = o."distributionId" JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE d.date::date = '2026-12-10' AND b.status <> 'OPEN' AND o.quantity > 0 ORDER BY o.id LIMIT 1
            """) { (try $0.decode("id", as: Int.self), try $0.decode("vendorId", as: Int.self)) }
        try #require(changed.count == 1)
        try db.execute("change", #"UPDATE "UserOrder" SET quantity = quantity + 1 WHERE id = $1"#, [changed[0].0])
        let third = try Self.run(conninfo, config, output: output)
        #expect(third.status == 0, "\(third.stderr)")
        let updates = try Self.mails(sink, from: mails.count)
        let farm = try #require(farms.first { $0.id == changed[0].1 })
        #expect(updates.count == 1 + coordinators.count, "\(updates.map(\.mail.subject))")
        let update = try #require(updates.first { $0.mail.to == [farm.email] }?.mail)
        let previous = try #require(mails.first { $0.mail.to == [farm.email] }?.mail)
        #expect(update.subject == "Mise à jour — \(previous.subject)")
        #expect(update.inReplyTo == previous.messageID && update.references == previous.messageID)
        #expect(update.body.contains("Ce message remplace le précédent, envoyé le mercredi 9 décembre 2026 à 19h ("), "\(update.body)")
        #expect(update.messageID != previous.messageID)
        #expect(third.stdout.contains("E-mails : \(updates.count) envoyé(s) dont \(updates.count) mise(s) à jour"), "\(third.stdout)")
        let log = try execute(CLITests.binary, ["mail", "log", "--database", conninfo])
        #expect(log.status == 0 && log.stdout.contains("envoyé") && log.stdout.contains("Mise à jour — Commandes semaine 50"), "\(log.stdout)")
    }

    @Test func twoRunsAtOnceSendEachMessageOnce() throws {
        let (conninfo, db) = try RunFixture.load()
        let sink = try SMTPSink()
        let config = try Self.config(sink)
        let output = try temporaryFolder()
        let results = ConcurrentSlots<Outcome>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if let outcome = try? Self.run(conninfo, config, output: output) { results.set(index, outcome) }
        }
        #expect(results.all.count == 2 && results.all.allSatisfy { $0.status == 0 }, "\(results.all.map(\.stderr))")
        let mails = try Self.mails(sink)
        let expected = try Self.closedFarms(db).count + Self.coordinators(db).count + 1
        #expect(mails.count == expected, "\(mails.map { $0.mail.to })")
        #expect(Set(mails.map(\.mail.messageID)).count == mails.count)
        let rows = try db.query("ledger", "SELECT count(*) AS n FROM cageot.mails WHERE status = 'sent'") { try $0.decode("n", as: Int.self) }
        #expect(rows == [expected])
    }

    @Test func aRefusingOrStoppedRelayLeavesSendsPendingAndALaterRunDeliversThem() throws {
        let (conninfo, db) = try RunFixture.load()
        // Every farm's address is contact@…: the relay answers 451 (try later) for them.
        var sink = try SMTPSink(answers: ["contact": 451])
        let config = try Self.config(sink, extra: "retry_minutes = 15\nmax_attempts = 5")
        let output = try temporaryFolder()
        let farms = try Self.closedFarms(db)
        let first = try Self.run(conninfo, config, output: output)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\(farms.count) en attente"), "\(first.stdout)")
        #expect(first.stderr.contains("e-mail en attente (essai 1/5, nouvel essai après 2026-12-09 19h15)") && first.stderr.contains("SMTP 451"),
                "\(first.stderr)")
        #expect(try Self.mails(sink).allSatisfy { !$0.mail.to[0].hasPrefix("contact@") })
        let log = try execute(CLITests.binary, ["mail", "log", "--pending", "--database", conninfo])
        #expect(log.status == 0 && log.stdout.contains("en attente") && log.stdout.contains("451"), "\(log.stdout)")

        // Before the backoff has passed, nothing is tried again.
        let early = try Self.run(conninfo, config, output: output, now: "2026-12-09T19:10")
        #expect(early.status == 0 && !early.stderr.contains("e-mail en attente"), "\(early.stderr)")

        // The relay is stopped: the sends stay pending, now for want of a connection.
        let port = sink.port
        sink.stop()
        let down = try Self.run(conninfo, config, output: output, now: "2026-12-09T19:20")
        #expect(down.status == 0 && down.stderr.contains("essai 2/5") && down.stderr.contains("is the relay running"), "\(down.stderr)")
        let attempts = try db.query("attempts", "SELECT attempts FROM cageot.mails WHERE status = 'pending'") { try $0.decode("attempts", as: Int.self) }
        #expect(attempts.count == farms.count && attempts.allSatisfy { $0 == 2 })

        // Back up (a new sink, which accepts them), after the doubled backoff: delivered.
        sink = try SMTPSink()
        try Data(String(decoding: try Data(contentsOf: config), as: UTF8.self)
            .replacingOccurrences(of: "127.0.0.1:\(port)", with: "127.0.0.1:\(sink.port)").utf8).write(to: config)
        let later = try Self.run(conninfo, config, output: output, now: "2026-12-09T20:00")
        #expect(later.status == 0, "\(later.stderr)")
        let delivered = try Self.mails(sink)
        #expect(Set(delivered.flatMap(\.mail.to)) == Set(farms.map(\.email)), "\(delivered.map(\.mail.to))")
        #expect(later.stdout.contains("E-mails : \(farms.count) envoyé(s)") && later.stdout.contains("0 en attente"), "\(later.stdout)")
    }

    @Test func aSendRefusedTooOftenIsAbandonedAndSaidSo() throws {
        let (conninfo, _) = try RunFixture.load()
        let sink = try SMTPSink(answers: ["tresorerie": 550])
        let config = try Self.config(sink, extra: "max_attempts = 2\nretry_minutes = 1")
        let output = try temporaryFolder()
        let first = try Self.run(conninfo, config, output: output)
        #expect(first.status == 0 && first.stderr.contains("SMTP 550"), "\(first.stderr)")
        let second = try Self.run(conninfo, config, output: output, now: "2026-12-09T19:05")
        #expect(second.status == 1, "\(second.stdout)")
        #expect(second.stderr.contains("e-mail abandonné : Rapport d'usage 2025") && second.stderr.contains("après 2 essai(s)"), "\(second.stderr)")
        let third = try Self.run(conninfo, config, output: output, now: "2026-12-09T20:05")
        #expect(third.status == 0 && !third.stderr.contains("tresorerie"), "\(third.stderr)")
        let log = try execute(CLITests.binary, ["mail", "log", "--pending", "--database", conninfo])
        #expect(log.stdout.contains("abandonné") && log.stdout.contains("550"), "\(log.stdout)")
    }

    @Test func missingOrMalformedAddressesAreReportedAndTheRestGoesOut() throws {
        let (conninfo, db) = try RunFixture.load()
        let farms = try Self.closedFarms(db)
        try #require(farms.count >= 3)
        try db.execute("no address", #"UPDATE "Vendor" SET email = NULL WHERE id = $1"#, [farms[1].id])
        try db.execute("bad address", #"UPDATE "Vendor" SET email = 'ferme chez free' WHERE id = $1"#, [farms[2].id])
        try db.execute("injection", #"UPDATE "Vendor" SET name = E'Ferme\r\nBcc: intrus@evil.example' WHERE id = $1"#, [farms[0].id])
        let sink = try SMTPSink()
        let output = try temporaryFolder()
        let result = try Self.run(conninfo, try Self.config(sink), output: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(producteur \(farms[1].id)) : pas d'adresse e-mail"), "\(result.stderr)")
        #expect(result.stderr.contains("(producteur \(farms[2].id)) : adresse e-mail invalide"), "\(result.stderr)")
        #expect(result.stdout.contains("2 destinataire(s) sans adresse valide"), "\(result.stdout)")
        let mails = try Self.mails(sink)
        let received = Set(mails.flatMap(\.mail.to))
        #expect(!received.contains(farms[1].email) && received.isSuperset(of: farms.dropFirst(3).map(\.email) + [farms[0].email]))
        for (eml, mail) in mails {
            let envelope = try sink.envelope(of: eml)
            #expect(mail.bcc.isEmpty && !envelope.to.contains("intrus@evil.example"))
        }
        let injected = try #require(mails.first { $0.mail.to == [farms[0].email] }?.mail)
        #expect(injected.subject == "Commandes semaine 50 — Ferme Bcc: intrus@evil.example", "\(injected.subject)")
        let raw = String(decoding: try Data(contentsOf: try #require(mails.first { $0.mail.to == [farms[0].email] }?.eml)), as: UTF8.self)
        #expect(!raw.contains("\r\nBcc:"))
    }

    @Test func withVendorRecapEachClosedDistributionSendsItsGrid() throws {
        let (conninfo, db) = try RunFixture.load()
        let sink = try SMTPSink()
        let output = try temporaryFolder()
        let result = try Self.run(conninfo, try Self.config(sink, extra: "vendor_recap = true"), output: output)
        #expect(result.status == 0, "\(result.stderr)")
        // The distributions from today whose window closed and that have confirmed lines: Thursday's.
        let closed = try db.query("closed distributions", """
            SELECT d.id, v.email, (SELECT sum(round(o.quantity::numeric * o."productPrice"::numeric, 2) * 100)::bigint
                                   FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                                   WHERE o."distributionId" = d.id AND b.status <> 'OPEN' AND o.quantity <> 0) AS cents
            FROM "Distribution" d JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Catalog" c ON c.id = d."catalogId" JOIN "Vendor" v ON v.id = c."vendorId"
            WHERE d.date >= '2026-12-09' AND d.date < '2026-12-23' AND COALESCE(d."orderEndDate", md."orderEndDate") <= '2026-12-09 19:00'
              AND EXISTS (SELECT 1 FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                          WHERE o."distributionId" = d.id AND b.status <> 'OPEN' AND o.quantity <> 0)
            ORDER BY d.id
            """) { (try $0.decode("id", as: Int.self), try $0.decode("email", as: String.self), try $0.decode("cents", as: Int.self)) }
        try #require(!closed.isEmpty)
        let recaps = try Self.mails(sink).filter { $0.mail.subject.hasPrefix("Commande du jeudi 10 décembre 2026 — AMAP du Jardin de Rezé — ") }
        #expect(recaps.count == closed.count, "\(recaps.map(\.mail.subject))")
        for (id, email, cents) in closed {
            let recap = try #require(recaps.first { $0.mail.attachments.first?.fileName.hasSuffix("-distribution-\(id).pdf") == true })
            #expect(recap.mail.to == [email])
            #expect(recap.mail.body.contains("total \(Self.euros(cents))"), "\(recap.mail.body)")
            #expect(recap.mail.attachments.map(\.mimeType) == ["application/pdf"])
        }
    }

    @Test func aRelayWithSTARTTLSAndALoginFromAPasswordFile() throws {
        let (conninfo, _) = try RunFixture.load()
        let sink = try SMTPSink(tls: true, login: ("interamap44", "pâté en croûte"))
        let folder = try temporaryFolder()
        try Data("pâté en croûte\n".utf8).write(to: folder.appendingPathComponent("smtp-password"))
        let config = folder.appendingPathComponent("cageot.toml")
        try Data("""
            [mail]
            smtp = "\(sink.url)"
            tls = "required"
            user = "interamap44"
            password_file = "smtp-password"
            ca_file = "\(sink.certificate.path)"
            from = "cageot@interamap44.example"
            federation_to = ["tresorerie@interamap44.example"]
            """.utf8).write(to: config)
        let test = try execute(CLITests.binary, ["mail", "test", "--to", "moi@interamap44.example", "--config", config.path])
        #expect(test.status == 0 && test.stdout.contains("SMTP 250"), "\(test.stderr)")
        let run = try Self.run(conninfo, config, output: try temporaryFolder())
        #expect(run.status == 0 && run.stdout.contains("0 en attente"), "\(run.stdout)\n\(run.stderr)")
        let received = try sink.received()
        #expect(received.count >= 2)
        for eml in received {
            let envelope = try sink.envelope(of: eml)
            #expect(envelope.tls && envelope.user == "interamap44")
        }
        // In clear, the relay is not used: STARTTLS is required and the message never leaves.
        let plain = try SMTPSink()
        let clear = try execute(CLITests.binary, ["mail", "test", "--to", "moi@interamap44.example", "--config", config.path,
                                                  "--smtp", plain.url])
        #expect(try plain.received().isEmpty)
        #expect(clear.status == 1 && clear.stderr.contains("does not offer STARTTLS"), "\(clear.stderr)")
        sink.stop()
        let down = try execute(CLITests.binary, ["mail", "test", "--to", "moi@interamap44.example", "--config", config.path])
        #expect(down.status == 75 && down.stderr.contains("is the relay running"), "\(down.stderr)")
    }

    @Test func noMailAndOptOutsSendNothingToThem() throws {
        let (conninfo, db) = try RunFixture.load()
        let farms = try Self.closedFarms(db)
        let sink = try SMTPSink()
        let config = try Self.config(sink, extra: "no_mail_vendors = [\(farms[0].id)]\nno_mail_groups = [1]")
        let output = try temporaryFolder()
        let quiet = try Self.run(conninfo, config, output: output, extra: ["--no-mail"])
        #expect(quiet.status == 0 && quiet.stdout.contains("E-mails : désactivés (--no-mail)"), "\(quiet.stdout)")
        #expect(try sink.received().isEmpty)
        let result = try Self.run(conninfo, config, output: output)
        #expect(result.status == 0, "\(result.stderr)")
        let received = try Self.mails(sink).flatMap(\.mail.to)
        #expect(Set(received) == Set(farms.dropFirst().map(\.email) + ["tresorerie@interamap44.example"]), "\(received)")
    }
}
