/// A send that failed at the relay or on the way to it.
public struct MailSendError: Error, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No SMTP conversation: refused, unreachable, timed out, cut. Keep the message pending and retry.
        case connection
        /// A 4xx answer (451: try again later). Keep the message pending and retry.
        case temporary
        /// A 5xx answer (550: no such mailbox) or a configuration libcurl refused. Retrying will not help.
        case permanent
    }

    public var kind: Kind
    /// The relay's last SMTP answer code, when it answered.
    public var smtpCode: Int?
    /// libcurl's CURLcode and its message (from CURLOPT_ERRORBUFFER, else curl_easy_strerror).
    public var curlCode: Int
    public var curlMessage: String
    public var relay: String

    /// Whether a later attempt may succeed: connection problems and 4xx answers.
    public var isTemporary: Bool { kind != .permanent }

    public var description: String {
        let code = smtpCode.map { "SMTP \($0), " } ?? ""
        let advice = switch kind {
        case .connection: "is the relay running and reachable? The message can be sent again later."
        case .temporary: "the relay asks to try again later."
        case .permanent where curlCode == 64: // CURLE_USE_SSL_FAILED
            "the relay does not offer STARTTLS; use smtps://, or allow clear text (--tls optional) only on a trusted network."
        case .permanent where curlCode == 67: // CURLE_LOGIN_DENIED
            "the relay refused the user and password."
        case .permanent: "the relay refused the message; check the addresses and the relay's settings."
        }
        return "sending through \(relay) failed (\(code)curl \(curlCode): \(curlMessage)): \(advice)"
    }
}

/// What the relay said when it accepted a message.
public struct SendResult: Sendable, Equatable {
    public var messageID: String
    public var recipients: [String]
    /// The last SMTP answer code, 250 on success.
    public var smtpCode: Int
}
