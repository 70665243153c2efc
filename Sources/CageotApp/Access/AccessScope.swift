/// What a bearer token may read: one group's documents, one farmer's orders, the federation's
/// report, or everything.
public enum AccessScope: Sendable, Hashable, CustomStringConvertible {
    case group(Int)
    case vendor(Int)
    case federation
    case admin

    /// Reads `group:12`, `vendor:3`, `federation` or `admin` (as `--scope` and the tokens table write them).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch (parts.first, parts.count) {
        case ("federation", 1): self = .federation
        case ("admin", 1): self = .admin
        case ("group", 2): guard let id = Int(parts[1]), id > 0 else { return nil }; self = .group(id)
        case ("vendor", 2): guard let id = Int(parts[1]), id > 0 else { return nil }; self = .vendor(id)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .group(let id): "group:\(id)"
        case .vendor(let id): "vendor:\(id)"
        case .federation: "federation"
        case .admin: "admin"
        }
    }

    /// True when a token of this scope may read a document showing `owner`'s data.
    public func covers(_ owner: DocumentOwner) -> Bool {
        switch (self, owner) {
        case (.admin, _): true
        case let (.group(a), .group(b)): a == b
        case let (.vendor(a), .vendor(b)): a == b
        case (.federation, .federation): true
        default: false
        }
    }
}
