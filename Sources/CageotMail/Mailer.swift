import CCurl

/// Sends messages through one SMTP relay with libcurl, one easy handle per message.
///
/// Sendable: it holds only the relay's configuration; each `send` makes, uses and frees its own
/// handle. `send` blocks: call it off any event loop.
public struct Mailer: Sendable {
    public var relay: SMTPRelay

    public init(relay: SMTPRelay) {
        _ = Self.globalInit
        self.relay = relay
    }

    /// curl_global_init is not thread-safe: done once, before any handle.
    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Sends `message` to its To recipients; refuses it (MailError) before connecting when it is invalid.
    public func send(_ message: MailMessage) throws -> SendResult {
        let bytes = try message.encoded()
        let easy = try CurlEasy(relay: relay.url)
        let recipients = message.to.map(\.address)
        try easy.send(bytes, relay: relay, from: message.from.address, to: recipients)
        return SendResult(messageID: message.messageID, recipients: recipients, smtpCode: easy.responseCode ?? 250)
    }
}
