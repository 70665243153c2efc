/// An e-mail address with an optional display name, checked when it is made.
///
/// The check is deliberately simple, not RFC 5321's full grammar: one `@` with a non-empty local
/// part before it and a domain after it that has no empty label, no space, no control character
/// (so no CR or LF), no `<`, `>`, `"`, `,` or `;`, and at most 254 characters in all. The relay
/// judges the rest.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public var address: String
    public var displayName: String?

    public init(_ address: String, name displayName: String? = nil) throws(MailError) {
        try MailAddress.check(address)
        if let displayName, displayName.contains(where: \.isLineBreakOrControl) {
            throw .headerInjection(field: "display name", value: displayName)
        }
        self.address = address
        self.displayName = displayName
    }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    static func check(_ address: String) throws(MailError) {
        if address.contains(where: \.isLineBreakOrControl) {
            throw .headerInjection(field: "address", value: address)
        }
        func invalid(_ reason: String) -> MailError { .invalidAddress(address, reason: reason) }
        guard address.utf8.count <= 254 else { throw invalid("it is longer than 254 characters") }
        guard !address.contains(where: { $0.isWhitespace }) else { throw invalid("it contains a space") }
        if let bad = address.first(where: { "<>\",;()[]\\".contains($0) }) {
            throw invalid("it contains \(bad)")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw invalid("it must contain exactly one @, as in name@example.org") }
        guard !parts[0].isEmpty else { throw invalid("nothing comes before the @") }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard !parts[1].isEmpty, !labels.contains(where: \.isEmpty) else {
            throw invalid("the domain after the @ is empty or has an empty part")
        }
    }
}

extension Character {
    /// CR, LF and every other control character: none of them may reach a header.
    public var isLineBreakOrControl: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }
}
