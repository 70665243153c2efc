/// One e-mail: plain-text UTF-8 body and attachments, every header given by the caller (Date
/// and Message-ID included, so the same message gives the same bytes).
public struct MailMessage: Sendable, Equatable {
    public struct Attachment: Sendable, Equatable {
        public var fileName: String
        /// `type/subtype`, as `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`.
        public var mimeType: String
        public var bytes: [UInt8]

        public init(fileName: String, mimeType: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.mimeType = mimeType
            self.bytes = bytes
        }
    }

    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var body: String
    public var attachments: [Attachment]
    /// `<unique@domain>`, angle brackets included.
    public var messageID: String
    public var date: MailDate
    /// The Message-ID this message follows up (an update replacing an earlier send): written as
    /// In-Reply-To and References, so mail clients thread the two.
    public var inReplyTo: String?

    public init(from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, body: String,
                attachments: [Attachment] = [], messageID: String, date: MailDate, inReplyTo: String? = nil) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
    }

    /// Checks what `MailAddress.init` cannot: a message built by memberwise assignment gets the
    /// same checks before it is encoded.
    public func validate() throws(MailError) {
        guard !to.isEmpty else { throw .invalidMessage("it has no recipient") }
        for address in [from] + to + (replyTo.map { [$0] } ?? []) {
            _ = try MailAddress(address.address, name: address.displayName)
        }
        if subject.contains(where: \.isLineBreakOrControl) { throw .headerInjection(field: "subject", value: subject) }
        for (field, id) in [("Message-ID", messageID), ("In-Reply-To", inReplyTo)] {
            guard let id else { continue }
            if id.contains(where: \.isLineBreakOrControl) { throw .headerInjection(field: field, value: id) }
            guard id.hasPrefix("<"), id.hasSuffix(">"), id.contains("@"), id.allSatisfy({ $0.isASCII && !$0.isWhitespace }),
                  id.count <= 250 else {
                throw .invalidMessage("the \(field) \(escaped(id)) must look like <unique@domain>, ASCII without spaces")
            }
        }
        for attachment in attachments {
            if attachment.fileName.contains(where: \.isLineBreakOrControl) {
                throw .headerInjection(field: "attachment file name", value: attachment.fileName)
            }
            guard !attachment.fileName.isEmpty else { throw .invalidMessage("an attachment has no file name") }
            let token = "!#$&-^_.+abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            let parts = attachment.mimeType.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(token.contains) }) else {
                throw .invalidMessage("the MIME type \(escaped(attachment.mimeType)) of \(attachment.fileName) is not type/subtype")
            }
        }
    }
}
