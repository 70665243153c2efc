@testable import CageotMail
import Testing

@Suite struct MailMessageTests {
    static let injection = "Ferme\r\nBcc: evil@example.com"

    @Test func lineBreakInADisplayNameIsRefused() {
        #expect(throws: MailError.headerInjection(field: "display name", value: Self.injection)) {
            try MailAddress("ferme@kervoen.example", name: Self.injection)
        }
    }

    @Test func lineBreakInAnAddressIsRefused() {
        #expect(throws: MailError.headerInjection(field: "address", value: "ferme@kervoen.example\r\nBcc: evil@example.com")) {
            try MailAddress("ferme@kervoen.example\r\nBcc: evil@example.com")
        }
    }

    /// A name set after the checks (memberwise) is still refused when the message is encoded.
    @Test func lineBreakSetAfterTheChecksIsRefusedAtEncoding() throws {
        var message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")])
        message.to[0].displayName = Self.injection
        #expect(throws: MailError.self) { try message.encoded() }
        message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")])
        message.attachments = [.init(fileName: "a\nb.xlsx", mimeType: Fixtures.xlsxType, bytes: [1])]
        #expect(throws: MailError.self) { try message.encoded() }
    }

    @Test(arguments: [
        ("", "exactly one @"), ("ferme", "exactly one @"), ("a@b@c", "exactly one @"), ("@kervoen.example", "before the @"),
        ("ferme@", "domain"), ("ferme@kervoen..example", "domain"), ("la ferme@kervoen.example", "space"),
        ("<ferme@kervoen.example>", "contains <"), (String(repeating: "a", count: 250) + "@b.fr", "254"),
    ])
    func malformedAddressIsNamedInTheError(address: String, reason: String) {
        do {
            _ = try MailAddress(address)
            Issue.record("\(address) accepted")
        } catch {
            #expect(error.description.contains("\"\(address)\""))
            #expect(error.description.contains(reason))
        }
    }

    @Test(arguments: ["ferme@kervoen.example", "a.b+cageot@sub.kervoen.example", "x@localhost"])
    func ordinaryAddressIsAccepted(address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test func encodedMessageIsASCIIWithFoldedEncodedWords() throws {
        let message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example", name: "Ferme de Kervœn")],
                                           attachments: [.init(fileName: "c.xlsx", mimeType: Fixtures.xlsxType, bytes: [0, 255])])
        let bytes = try message.encoded()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("To: =?UTF-8?B?"))
        #expect(text.contains("filename=\"c.xlsx\""))
        #expect(!text.contains("\n\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // RFC 5322's hard limit is 998; the folded encoded-words stay within 76 (75 and the fold's space).
        for line in text.split(separator: "\r\n") {
            #expect(line.count <= 998)
            if line.hasPrefix(" =?UTF-8?") { #expect(line.count <= 76, "\(line)") }
        }
        #expect(try message.encoded() == bytes)
    }

    @Test func anUpdateNamesTheMessageItReplaces() throws {
        var message = try Fixtures.message(to: [try MailAddress("ferme@kervoen.example")])
        message.inReplyTo = "<semaine49.v1@amap.example>"
        let text = String(decoding: try message.encoded(), as: UTF8.self)
        #expect(text.contains("\r\nIn-Reply-To: <semaine49.v1@amap.example>\r\nReferences: <semaine49.v1@amap.example>\r\n"))
        message.inReplyTo = "<x@y>\r\nBcc: evil@example.org"
        #expect(throws: MailError.self) { try message.encoded() }
    }

    @Test(arguments: [(0, 0, "Thu, 01 Jan 1970 00:00:00 +0000"), (1_796_500_800, 60, "Sat, 05 Dec 2026 21:00:00 +0100"),
                      (1_782_900_000, 120, "Wed, 01 Jul 2026 12:00:00 +0200"), (-1, -300, "Wed, 31 Dec 1969 18:59:59 -0500")])
    func dateHeaderIsRFC5322(epoch: Int, offset: Int, expected: String) {
        #expect(MailDate(epochSeconds: epoch, utcOffsetMinutes: offset).rfc5322 == expected)
    }

    @Test func relayURLMustBeSMTP() {
        #expect(throws: MailError.self) { try SMTPRelay(url: "http://localhost:25") }
        #expect(throws: MailError.self) { try SMTPRelay(url: "smtp://host\r\n:25") }
    }
}
