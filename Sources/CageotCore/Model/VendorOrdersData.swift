import Foundation

/// A farm (`"Vendor"`) whose weekly orders are gathered.
public struct VendorInfo: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var peopleName: String?

    public init(id: Int, name: String, peopleName: String? = nil) {
        self.id = id; self.name = name; self.peopleName = peopleName
    }
}

/// One distribution (`"Distribution"`) of one of the farm's contracts, in whichever group.
public struct VendorDistribution: Sendable, Hashable, Codable {
    public var id: Int
    public var catalogId: Int
    public var catalogName: String
    public var groupId: Int
    public var groupName: String
    /// `"Group".flags` bit 6: phones must not be printed.
    public var hidePhone: Bool
    public var start: LocalDateTime
    /// CAMAP's alternation count: the contract's distributions from its start up to this one.
    public var ordinal: Int

    public init(id: Int, catalogId: Int, catalogName: String, groupId: Int, groupName: String, hidePhone: Bool,
                start: LocalDateTime, ordinal: Int = 1) {
        self.id = id; self.catalogId = catalogId; self.catalogName = catalogName; self.groupId = groupId
        self.groupName = groupName; self.hidePhone = hidePhone; self.start = start; self.ordinal = ordinal
    }
}

/// An order line, the distribution it is delivered at, and the account sharing the basket.
public struct VendorOrderLine: Sendable, Hashable, Codable {
    public var distributionId: Int
    public var line: OrderLine
    /// `"UserOrder".userId2`: the account sharing this basket in alternation, if any.
    public var partnerId: Int?
    /// `"UserOrder".flags` bit 0: the alternation starts with the partner.
    public var startsWithPartner: Bool

    public init(distributionId: Int, line: OrderLine, partnerId: Int? = nil, startsWithPartner: Bool = false) {
        self.distributionId = distributionId; self.line = line
        self.partnerId = partnerId; self.startsWithPartner = startsWithPartner
    }
}

/// Everything a farmer's orders workbook for a date range is built from, read at once.
public struct VendorOrdersData: Sendable, Hashable, Codable {
    public var vendor: VendorInfo
    /// The first and last days of the range, both included (an ISO week: Monday…Sunday).
    public var from: LocalDate
    public var to: LocalDate
    /// The distributions of the range that have confirmed, non-cancelled lines, by date then id.
    public var distributions: [VendorDistribution]
    /// The households of those lines, and their alternation partners.
    public var members: [Member]
    /// The confirmed (basket not OPEN), non-cancelled (quantity ≠ 0) lines of those distributions.
    public var lines: [VendorOrderLine]

    public init(vendor: VendorInfo, from: LocalDate, to: LocalDate, distributions: [VendorDistribution],
                members: [Member], lines: [VendorOrderLine]) {
        self.vendor = vendor; self.from = from; self.to = to; self.distributions = distributions
        self.members = members; self.lines = lines
    }

    /// Changes whenever anything the workbook shows changes; the same data give the same hex string.
    public var fingerprint: String {
        var f = Fingerprint()
        f.add("vendor-orders/2")
        f.add(vendor.id); f.add(vendor.name); f.add(vendor.peopleName)
        f.add(from.description); f.add(to.description)
        f.add("distributions")
        for d in distributions {
            f.add(d.id); f.add(d.catalogId); f.add(d.catalogName); f.add(d.groupId); f.add(d.groupName)
            f.add(d.hidePhone); f.add(d.start); f.add(d.ordinal)
        }
        f.add("members")
        for member in members { f.add(member: member) }
        f.add("lines")
        for line in lines {
            f.add(line.distributionId); f.add(line.partnerId ?? 0); f.add(line.startsWithPartner)
            f.add(line: line.line)
        }
        return f.finalize()
    }
}
