/// Where and how to hand messages over: the relay's URL, TLS, credentials and timeout.
public struct SMTPRelay: Sendable, Equatable {
    /// CURLOPT_USE_SSL for `smtp://` URLs (`smtps://` is TLS from the first byte whatever this says).
    public enum TLS: String, Sendable, CaseIterable {
        /// STARTTLS or fail: the message never goes in clear.
        case required
        /// STARTTLS when the relay offers it, else in clear.
        case optional
        /// Never STARTTLS (a relay on loopback, tests).
        case none
    }

    /// `smtp://host:port` or `smtps://host:port`.
    public var url: String
    public var tls: TLS
    public var user: String?
    public var password: String?
    /// For connecting and for the whole exchange, in seconds.
    public var timeoutSeconds: Int
    /// A PEM file of the certificates to trust for the relay (a private CA, a self-signed relay);
    /// nil: the system's store.
    public var caFile: String?

    public init(url: String, tls: TLS = .required, user: String? = nil, password: String? = nil, timeoutSeconds: Int = 30,
                caFile: String? = nil) throws(MailError) {
        let lower = url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://"), url.count > "smtps://".count,
              !url.contains(where: { $0.isLineBreakOrControl || $0.isWhitespace }) else {
            throw .invalidMessage("the relay \(escaped(url)) must be smtp://host:port or smtps://host:port")
        }
        self.url = url
        self.tls = tls
        self.user = user
        self.password = password
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }
}
