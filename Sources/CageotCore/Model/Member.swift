/// A household account (`"User"`): up to two people.
public struct Member: Sendable, Hashable, Codable {
    public var id: Int
    public var firstName: String
    public var lastName: String
    public var firstName2: String?
    public var lastName2: String?
    public var phone: String?
    public var phone2: String?
    public var email: String?

    public init(id: Int, firstName: String, lastName: String, firstName2: String? = nil, lastName2: String? = nil,
                phone: String? = nil, phone2: String? = nil, email: String? = nil) {
        self.id = id; self.firstName = firstName; self.lastName = lastName
        self.firstName2 = firstName2; self.lastName2 = lastName2
        self.phone = phone; self.phone2 = phone2; self.email = email
    }

    /// `LASTNAME Firstname`.
    public var displayName: String { Member.join(lastName.uppercased(), firstName) }

    /// `LASTNAME Firstname / Firstname2`, or `LASTNAME Firstname / LASTNAME2 Firstname2` when the
    /// partner's last name differs.
    public var householdName: String {
        guard let first2 = firstName2?.nonBlank else { return displayName }
        guard let last2 = lastName2?.nonBlank, Collation.key(last2) != Collation.key(lastName) else {
            return "\(displayName) / \(first2)"
        }
        return "\(displayName) / \(Member.join(last2.uppercased(), first2))"
    }

    /// `DUPRÉ Lé.` or `DUPRÉ Lé. / Ma.`: the surname and the first two letters of each first name.
    public var abbreviatedHouseholdName: String {
        func short(_ first: String) -> String {
            guard let first = first.nonBlank else { return "" }
            return first.count <= 2 ? first : String(first.prefix(2)) + "."
        }
        let head = [lastName.uppercased(), short(firstName)].filter { !$0.isEmpty }.joined(separator: " ")
        guard let first2 = firstName2?.nonBlank else { return head }
        if let last2 = lastName2?.nonBlank, Collation.key(last2) != Collation.key(lastName) {
            return "\(head) / \(last2.uppercased()) \(short(first2))"
        }
        return "\(head) / \(short(first2))"
    }

    /// The phone numbers to print, the holder's first.
    public var phones: [String] { [phone, phone2].compactMap { $0?.nonBlank } }

    /// The key households are sorted by: last name, then first name, ignoring case and accents.
    public var sortKey: [String] { [lastName, firstName, String(id)] }

    private static func join(_ a: String, _ b: String) -> String {
        [a, b].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    /// The string trimmed of spaces, or nil when nothing is left (CAMAP stores '' for "none").
    public var nonBlank: String? {
        // Most values start and end with a printable ASCII character: nothing to trim, and no
        // trip through Foundation (called for every name and phone of every sheet).
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

import Foundation
