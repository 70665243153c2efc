import CageotCore
import Foundation

/// A farmer's distribution whose order window has closed, for `cageot run`.
public struct ClosedDistribution: Sendable, Hashable {
    public var vendorId: Int
    public var distributionId: Int
    public var day: LocalDate
}

extension CamapStore {
    /// The sessions starting from `from` (included) to `to` (excluded), by start then id.
    public func sessionsStarting(from: LocalDateTime, to: LocalDateTime) throws -> [Int] {
        try connection.query("sessions starting", """
            SELECT id FROM "MultiDistrib"
            WHERE "distribStartDate" >= $1 AND "distribStartDate" < $2
            ORDER BY "distribStartDate", id
            """, [from, to]) { try $0.decode("id", as: Int.self) }
    }

    /// The distributions from `from` to `to` (days, included) that have confirmed, non-cancelled
    /// lines and whose order window closed by `now` (`"Distribution".orderEndDate`, else the
    /// session's), with their farmer.
    public func closedDistributions(from: LocalDate, to: LocalDate, now: LocalDateTime) throws -> [ClosedDistribution] {
        try connection.query("closed distributions", """
            SELECT c."vendorId", d.id, COALESCE(d.date, md."distribStartDate")::date AS day
            FROM "Distribution" d
            JOIN "MultiDistrib" md ON md.id = d."multiDistribId"
            JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE COALESCE(d.date, md."distribStartDate") >= $1::date
              AND COALESCE(d.date, md."distribStartDate") < $2::date + 1
              AND COALESCE(d."orderEndDate", md."orderEndDate") <= $3
              AND EXISTS (SELECT 1 FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                          WHERE o."distributionId" = d.id AND b.status <> 'OPEN' AND o.quantity <> 0)
            ORDER BY 1, 3, 2
            """, [from, to, now]) { row in
            ClosedDistribution(vendorId: try row.decode("vendorId"), distributionId: try row.decode("id"), day: try row.decode("day"))
        }
    }

    /// The contracts running on `day` (`startDate` ≤ day ≤ `endDate`) that have at least one subscription.
    public func runningContracts(on day: LocalDate) throws -> [Int] {
        try connection.query("running contracts", """
            SELECT c.id FROM "Catalog" c
            WHERE c."startDate"::date <= $1 AND c."endDate"::date >= $1
              AND EXISTS (SELECT 1 FROM "Subscription" s WHERE s."catalogId" = c.id)
            ORDER BY c.id
            """, [day]) { try $0.decode("id", as: Int.self) }
    }
}
