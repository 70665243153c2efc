import CageotMail
import CageotTestMail
import Foundation
import Testing

/// Sends through a real SMTP server on loopback (smtp_sink.py) and reads the message back with
/// Python's email package. No test talks to anything outside the machine.
@Suite struct MailSendTests {
    @Test func frenchMessageWithWorkbookArrivesIntact() throws {
        let sink = try SMTPSink()
        let workbook = try Fixtures.workbook()
        let fileName = "Commandes semaine 49 — Kervœn.xlsx"
        let message = try Fixtures.message(
            to: [try MailAddress("ferme@kervoen.example", name: "Ferme de Kervœn"), try MailAddress("compta@kervoen.example")],
            attachments: [.init(fileName: fileName, mimeType: Fixtures.xlsxType, bytes: workbook)])
        let result = try Mailer(relay: SMTPRelay(url: sink.url, tls: .none, timeoutSeconds: 10)).send(message)
        #expect(result.smtpCode == 250)
        #expect(result.recipients == ["ferme@kervoen.example", "compta@kervoen.example"])

        let files = try sink.received()
        try #require(files.count == 1)
        let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: files[0].deletingPathExtension().appendingPathExtension("json"))) as? [String: Any]
        #expect(envelope?["from"] as? String == "cageot@amap.example")
        #expect(envelope?["to"] as? [String] == ["ferme@kervoen.example", "compta@kervoen.example"])

        let parsed = try ParsedMail(eml: files[0])
        #expect(parsed.defects.isEmpty)
        #expect(parsed.to == ["ferme@kervoen.example", "compta@kervoen.example"])
        #expect(parsed.toNames == ["Ferme de Kervœn", ""])
        #expect(parsed.from == "AMAP des Coteaux — Cageot <cageot@amap.example>")
        #expect(parsed.replyTo == "coordination@amap.example")
        #expect(parsed.subject == Fixtures.subject)
        #expect(parsed.messageID == "<semaine49.kervoen@amap.example>")
        #expect(parsed.date == "Sat, 05 Dec 2026 21:00:00 +0100")
        #expect(parsed.body == Fixtures.body)
        try #require(parsed.attachments.count == 1)
        #expect(parsed.attachments[0].fileName == fileName)
        #expect(parsed.attachments[0].mimeType == Fixtures.xlsxType)
        #expect(Data(base64Encoded: parsed.attachments[0].base64) == Data(workbook))
    }

    @Test func startTLSAndLoginDeliverTheMessage() throws {
        let sink = try SMTPSink(tls: true, login: ("amap-rezé", "mot de passe ✓"))
        let relay = try SMTPRelay(url: sink.url, tls: .required, user: "amap-rezé", password: "mot de passe ✓", timeoutSeconds: 10,
                                  caFile: sink.certificate.path)
        let result = try Mailer(relay: relay).send(try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")]))
        #expect(result.smtpCode == 250)
        let files = try sink.received()
        try #require(files.count == 1)
        let envelope = try sink.envelope(of: files[0])
        #expect(envelope.tls && envelope.user == "amap-rezé" && envelope.to == ["ferme@kervoen.example"])
        #expect(try ParsedMail(eml: files[0]).subject == Fixtures.subject)
    }

    @Test func wrongPasswordMissingSTARTTLSAndUntrustedCertificateArePermanent() throws {
        let message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")])
        let secure = try SMTPSink(tls: true, login: ("amap", "bon"))
        let wrong = try #require(throws: MailSendError.self) {
            try Mailer(relay: SMTPRelay(url: secure.url, tls: .required, user: "amap", password: "mauvais", timeoutSeconds: 10,
                                        caFile: secure.certificate.path)).send(message)
        }
        #expect(wrong.kind == .permanent && wrong.curlCode == 67 && wrong.description.contains("refused the user and password"), "\(wrong)")
        let untrusted = try #require(throws: MailSendError.self) {
            try Mailer(relay: SMTPRelay(url: secure.url, tls: .required, user: "amap", password: "bon", timeoutSeconds: 10)).send(message)
        }
        #expect(untrusted.kind == .permanent && untrusted.curlCode == 60, "\(untrusted)") // CURLE_PEER_FAILED_VERIFICATION
        let plain = try SMTPSink()
        let clear = try #require(throws: MailSendError.self) {
            try Mailer(relay: SMTPRelay(url: plain.url, tls: .required, timeoutSeconds: 10)).send(message)
        }
        #expect(clear.kind == .permanent && clear.curlCode == 64 && clear.description.contains("does not offer STARTTLS"), "\(clear)")
        #expect(try secure.received().isEmpty && plain.received().isEmpty)
    }

    @Test func stoppedRelayIsATemporaryConnectionError() throws {
        let sink = try SMTPSink()
        let url = sink.url
        sink.stop()
        let message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")])
        let error = try #require(throws: MailSendError.self) {
            try Mailer(relay: SMTPRelay(url: url, tls: .none, timeoutSeconds: 5)).send(message)
        }
        #expect(error.kind == .connection)
        #expect(error.isTemporary)
        #expect(error.smtpCode == nil)
        #expect(error.curlCode == 7) // CURLE_COULDNT_CONNECT
        #expect(error.description.contains(url))
    }

    @Test(arguments: [(451, MailSendError.Kind.temporary), (550, .permanent)])
    func refusedRecipientGivesTheRelaysCode(code: Int, kind: MailSendError.Kind) throws {
        let sink = try SMTPSink(answers: ["absent": code])
        let message = try Fixtures.message(to: [try MailAddress("absent@kervoen.example")])
        let error = try #require(throws: MailSendError.self) {
            try Mailer(relay: SMTPRelay(url: sink.url, tls: .none, timeoutSeconds: 10)).send(message)
        }
        #expect(error.kind == kind)
        #expect(error.smtpCode == code)
        #expect(error.isTemporary == (code == 451))
        #expect(!error.curlMessage.isEmpty)
        #expect(try sink.received().isEmpty)
    }

    @Test func injectedHeaderIsRefusedBeforeConnecting() throws {
        let sink = try SMTPSink()
        var message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")])
        message.subject = "Ferme\r\nBcc: evil@example.com"
        let error = try #require(throws: MailError.self) {
            try Mailer(relay: SMTPRelay(url: sink.url, tls: .none, timeoutSeconds: 10)).send(message)
        }
        #expect(error == .headerInjection(field: "subject", value: "Ferme\r\nBcc: evil@example.com"))
        #expect(try sink.received().isEmpty)
    }
}
