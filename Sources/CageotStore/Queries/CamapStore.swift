import CageotCore
import Foundation

/// Reads CAMAP's tables into Cageot's value types. Read-only: every statement here is a SELECT.
public struct CamapStore {
    public let connection: Connection

    public init(_ connection: Connection) { self.connection = connection }
}

/// A requested CAMAP row does not exist.
public struct NotFound: Error, CustomStringConvertible, Sendable, Equatable {
    public var entity: String
    public var id: Int
    public init(entity: String, id: Int) { self.entity = entity; self.id = id }
    public var description: String {
        "no \(entity) with id \(id) in this database. Check the id (`cageot sessions` lists the sessions)."
    }
}

extension Row {
    /// A decimal read from a double precision column, refusing NaN and infinities.
    func money(_ column: String) throws -> Decimal { try decode(column, as: Decimal.self) }

    /// A `"User"` row selected with the given column prefix (`u.` columns aliased `uFirstName`…).
    func member(prefix p: String = "") throws -> Member {
        Member(id: try decode("\(p)id"),
               firstName: try decodeIfPresent("\(p)firstName") ?? "",
               lastName: try decodeIfPresent("\(p)lastName") ?? "",
               firstName2: try decodeIfPresent("\(p)firstName2"),
               lastName2: try decodeIfPresent("\(p)lastName2"),
               phone: try decodeIfPresent("\(p)phone"),
               phone2: try decodeIfPresent("\(p)phone2"),
               email: try decodeIfPresent("\(p)email"))
    }
}

/// The `"User"` columns a member needs, aliased with a prefix so several users fit in one row.
func memberColumns(_ table: String, prefix p: String = "") -> String {
    ["id", "firstName", "lastName", "firstName2", "lastName2", "phone", "phone2", "email"]
        .map { "\(table).\"\($0)\" AS \"\(p)\($0)\"" }
        .joined(separator: ", ")
}
