// TEMPORARY STUB — removed when the usage branch is merged.
import CageotCore
import Foundation

extension CamapStore {
    public func usageReportData(period: UsagePeriod) throws -> UsageReportData {
        let groups = try connection.query("stub groups", #"SELECT id, name, cdate::date AS c, disabled FROM "Group" ORDER BY name"#) { row in
            let id: Int = try row.decode("id")
            let f = UsageFigures(activeHouseholds: 10 + id * 3, members: 20 + id, membershipsPaid: 5, membershipAmount: Money(cents: 5000),
                                 activeContracts: 4, vendors: 3, sessionsHeld: 30 + id, baskets: 400, orderLines: 900,
                                 turnover: Money(cents: Int64(1_234_567 * id)), turnoverByVAT: [VATAmount(rate: 5.5, amount: Money(cents: Int64(1_000_000 * id))), VATAmount(rate: 20, amount: Money(cents: Int64(234_567 * id)))],
                                 payments: [PaymentTypeTotal(type: "check", count: 40, amount: Money(cents: 800_000))],
                                 dutiesFilled: 50, dutiesNeeded: 60)
            return GroupUsage(groupId: id, name: try row.decode("name"), createdOn: try row.decode("c"),
                              disabled: try row.decodeIfPresent("disabled"), figures: f)
        }
        let months = (1...12).map { MonthUsage(month: LocalDate(year: period.from.year, month: $0, day: 1), turnover: Money(cents: Int64(100_000 * $0)), sessionsHeld: $0 * 3) }
        return UsageReportData(period: period, groups: groups, federation: groups.first?.figures ?? UsageFigures(), newGroups: 1,
                               disabledGroups: 1, months: months)
    }
}
