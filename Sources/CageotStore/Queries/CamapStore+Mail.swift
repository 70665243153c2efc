import CageotCore
import Foundation

/// A farm and the address its documents are mailed to (`"Vendor".email`, which may be missing or wrong).
public struct VendorContact: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var email: String?
}

/// What `cageot run` needs to decide who gets which e-mail.
extension CamapStore {
    /// The farm `vendor`, or the farm of distribution `distribution`.
    public func vendorContact(vendor: Int? = nil, distribution: Int? = nil) throws -> VendorContact? {
        try connection.query("vendor contact", """
            SELECT v.id, v.name, v.email FROM "Vendor" v
            WHERE v.id = $1
               OR v.id = (SELECT c."vendorId" FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE d.id = $2)
            ORDER BY v.id LIMIT 1
            """, [vendor, distribution]) { row in
            VendorContact(id: try row.decode("id"), name: try row.decodeIfPresent("name") ?? "", email: try row.decodeIfPresent("email"))
        }.first
    }

    /// Whether every distribution of the farm's contracts from `from` to `to` (days, included) has
    /// its order window closed at `now` (`"Distribution".orderEndDate`, else the session's): the
    /// farm's week is final once the last one closes.
    public func ordersClosed(vendor: Int, from: LocalDate, to: LocalDate, now: LocalDateTime) throws -> Bool {
        try connection.query("vendor week closed", """
            SELECT count(*) > 0 AND bool_and(COALESCE(d."orderEndDate", md."orderEndDate") <= $4) AS closed
            FROM "Distribution" d
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE c."vendorId" = $1
              AND COALESCE(d.date, md."distribStartDate") >= $2::date
              AND COALESCE(d.date, md."distribStartDate") < $3::date + 1
            """, [vendor, from, to, now]) { try $0.decodeIfPresent("closed", as: Bool.self) ?? false }.first ?? false
    }
}
