import Foundation

/// The message as the bytes sent after DATA: CRLF line endings, ASCII only (UTF-8 headers as
/// RFC 2047 encoded-words, file names as RFC 2231 parameters, the body and attachments in base64).
///
/// Built here rather than with libcurl's `curl_mime_*`: curl's boundary is random and it writes
/// non-ASCII file names without RFC 2231, while this gives the same bytes for the same message,
/// testable without a relay.
extension MailMessage {
    public func encoded() throws(MailError) -> [UInt8] {
        try validate()
        var headers: [String] = [
            "Date: \(date.rfc5322)",
            "From: \(MIME.mailbox(from))",
            "To: " + to.map(MIME.mailbox).joined(separator: ",\r\n "),
        ]
        if let replyTo { headers.append("Reply-To: \(MIME.mailbox(replyTo))") }
        headers += [
            "Subject: \(MIME.headerText(subject, used: "Subject: ".count))",
            "Message-ID: \(messageID)",
        ]
        if let inReplyTo { headers += ["In-Reply-To: \(inReplyTo)", "References: \(inReplyTo)"] }
        headers += [
            "MIME-Version: 1.0",
        ]
        let text = [
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            MIME.base64(Array(MIME.crlf(body).utf8)),
        ]
        var lines: [String]
        if attachments.isEmpty {
            lines = headers + text
        } else {
            // Base64 never contains "=_", so the boundary cannot occur inside a part.
            let boundary = "=_cageot_" + String(MIME.fnv1a(messageID), radix: 16)
            lines = headers + ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"] + text
            for attachment in attachments {
                lines += [
                    "--\(boundary)",
                    "Content-Type: \(attachment.mimeType);\r\n " + MIME.parameter("name", attachment.fileName),
                    "Content-Disposition: attachment;\r\n " + MIME.parameter("filename", attachment.fileName),
                    "Content-Transfer-Encoding: base64",
                    "",
                    MIME.base64(attachment.bytes),
                ]
            }
            lines.append("--\(boundary)--")
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}

enum MIME {
    static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// `Name <a@b>`: an ASCII name quoted, any other as encoded-words.
    static func mailbox(_ address: MailAddress) -> String {
        guard let name = address.displayName, !name.isEmpty else { return "<\(address.address)>" }
        if isPlainASCII(name) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address.address)>"
        }
        return encodedWords(name) + " <\(address.address)>"
    }

    /// Unstructured header text: as is when it is short printable ASCII, else encoded-words.
    static func headerText(_ text: String, used: Int) -> String {
        if isPlainASCII(text), used + text.count <= 78, !text.contains("=?") { return text }
        return encodedWords(text)
    }

    /// `=?UTF-8?B?…?=` words of at most 64 characters (39 bytes; the first fits after "Subject: "), never splitting a character, folded with CRLF SP.
    static func encodedWords(_ text: String) -> String {
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// `name="file.xlsx"`, or RFC 2231's `name*=UTF-8''%C3%A9…` for any other file name.
    static func parameter(_ name: String, _ value: String) -> String {
        let simple = isPlainASCII(value) && !value.contains("\"") && !value.contains("\\") && value.count <= 60
        if simple { return "\(name)=\"\(value)\"" }
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        let encoded = value.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
        return "\(name)*=UTF-8''" + encoded.joined()
    }

    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// Text with every line ending as CRLF, as MIME's canonical form of text/plain.
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
