import Foundation

/// Everything a farmer's payments workbook for a season is built from: one `PaymentsData` per
/// contract (`"Catalog"` of the vendor, in any group) whose start falls in `season`.
public struct VendorPaymentsData: Sendable, Hashable, Codable {
    public var vendor: VendorInfo
    /// A calendar year: the season holds the contracts that start in it.
    public var season: Int
    /// The check deposit slip's range as asked; nil: each contract's own start or end.
    public var from: LocalDate?
    public var to: LocalDate?
    /// By group name, then start date, then id (as the store reads them).
    public var contracts: [PaymentsData]

    public init(vendor: VendorInfo, season: Int, from: LocalDate?, to: LocalDate?, contracts: [PaymentsData]) {
        self.vendor = vendor; self.season = season; self.from = from; self.to = to; self.contracts = contracts
    }

    /// Changes whenever anything the workbook shows changes; the same data give the same hex string.
    public var fingerprint: String {
        var f = Fingerprint()
        f.add("vendor-payments/1")
        f.add(vendor.id); f.add(vendor.name); f.add(vendor.peopleName); f.add(season)
        f.add(from?.description); f.add(to?.description)
        for contract in contracts { f.add(contract.fingerprint) }
        return f.finalize()
    }
}
