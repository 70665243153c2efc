/// Why a message was refused before anything was sent.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// The address is malformed (see `MailAddress`'s rules).
    case invalidAddress(String, reason: String)
    /// A CR, LF or other control character in a header value: refused, never stripped, so that
    /// `"Ferme\r\nBcc: evil@example.com"` cannot add a header.
    case headerInjection(field: String, value: String)
    /// Anything else about the message: no recipient, a bad MIME type, a bad Message-ID.
    case invalidMessage(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address, let reason):
            "the address \(escaped(address)) is not valid: \(reason)."
        case .headerInjection(let field, let value):
            "the \(field) \(escaped(value)) contains a line break or a control character; it cannot go into a mail header."
        case .invalidMessage(let reason):
            "the message cannot be sent: \(reason)."
        }
    }
}

/// The value between quotes with its control characters visible (`\r\n`), for error messages.
func escaped(_ value: String) -> String {
    "\"" + value.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined() + "\""
}
