import CageotCore
import Foundation

/// What the allocation needs to know of one AMAP.
public struct AllocationGroup: Sendable, Hashable {
    public var groupId: Int
    public var name: String
    /// `"Group".disabled` is not null.
    public var disabled: Bool
    /// `"Group".cdate`: a group created in the report's year may be exempt (`firstYearFree`).
    public var createdOn: LocalDate
    /// Active households, sessions held and turnover over the period (`UsageFigures`).
    public var households: Int
    public var sessions: Int
    public var turnover: Money

    public init(groupId: Int, name: String, disabled: Bool, createdOn: LocalDate, households: Int, sessions: Int,
                turnover: Money) {
        self.groupId = groupId; self.name = name; self.disabled = disabled; self.createdOn = createdOn
        self.households = households; self.sessions = sessions; self.turnover = turnover
    }
}

/// The parts of the allocation key.
public enum AllocationPart: String, Sendable, Hashable, CaseIterable {
    case fixed, households, sessions, turnover

    /// `part fixe`, `foyers actifs`, `distributions`, `chiffre d'affaires`.
    public var label: String {
        switch self {
        case .fixed: "part fixe"
        case .households: "foyers actifs"
        case .sessions: "distributions"
        case .turnover: "chiffre d'affaires"
        }
    }
}

/// How a year's cost is shared: every AMAP's share in cents, summing exactly to the total, and
/// each step of its computation.
public struct Allocation: Sendable, Hashable {
    public var total: Money
    /// The file's minimum and maximum share per AMAP that pays, if any.
    public var floor: Money?
    public var cap: Money?
    /// The parts of the key, in `AllocationPart` order.
    public var parts: [PartTotal]
    /// One per input group, in the input's order; those that pay nothing have a reason and 0.
    public var shares: [Share]
    /// The allocation as a whole, in French: total, payers, parts, floors and caps, rounding.
    public var steps: [String]

    public struct PartTotal: Sendable, Hashable {
        public var part: AllocationPart
        /// As written in the file, and as a fraction of the sum of the weights in use.
        public var weight: Decimal
        public var fraction: Decimal
        /// `total × fraction`, exact (not rounded).
        public var amount: Decimal
        /// Σ of the metric over the AMAPs that pay (their count for the fixed part).
        public var metricTotal: Decimal
        /// False when its weight is 0, or when its metric is 0 for every AMAP that pays: its weight
        /// is then left out and the others share the total (`fraction` and `amount` are 0).
        public var inUse: Bool
    }

    public struct Share: Sendable, Hashable {
        public var groupId: Int
        public var name: String
        /// Why this AMAP pays nothing (`groupe désactivé`, `première année gratuite`, `exempté par le
        /// fichier de coûts`, `aucune activité sur la période`), or nil when it pays.
        public var exemptReason: String?
        /// Per part of the key in use: the AMAP's metric and its exact part (`amount × metric / metricTotal`);
        /// empty when the AMAP pays nothing.
        public var parts: [PartShare]
        /// Σ parts, exact to `Decimal`'s 38 significant digits.
        public var ideal: Decimal
        /// Set when the floor or the cap applied.
        public var bound: Bound?
        /// After floors, caps and the redistribution of what they freed or took, to 10 decimals of a
        /// euro (`CostAllocator.adjustedScale`), so that the adjusted shares sum exactly to the total.
        public var adjusted: Decimal
        /// The share in cents after largest-remainder rounding.
        public var amount: Money
        /// Whether largest-remainder rounding gave this share the extra cent: `amount` is `adjusted`
        /// truncated to the cent, plus 0,01 € when true.
        public var roundedUp: Bool
        /// The computation step by step, in French, each line checkable by hand.
        public var steps: [String]
    }

    public struct PartShare: Sendable, Hashable {
        public var part: AllocationPart
        public var metric: Decimal
        public var amount: Decimal
    }

    public enum Bound: String, Sendable, Hashable { case floor, cap }
}

/// An allocation that cannot be made with this file and these groups (e.g. floors above the total).
public struct AllocationError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}
