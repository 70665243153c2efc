import CageotCore
import Foundation

/// A contract's payments: per subscription what was ordered and paid, every payment, and the check
/// deposit slip (*bordereau de remise de chèques*) of a date range. Pure data, exact cents.
public struct Payments: Sendable, Hashable {
    public var contractName: String
    public var groupName: String
    /// `Paiements — Légumes 2026-2027 — AMAP de Rezé`.
    public var title: String
    /// The payee written on the checks (`"Group".checkOrder`), or nil when the group has none.
    public var payee: String?
    public var period: ClosedRange<LocalDate>
    /// The deposit slip's range, both days included.
    public var from: LocalDate
    public var to: LocalDate
    /// By household (last name, first name, ignoring case and accents), then subscription id.
    public var contracts: [Contract]
    /// By household in the order of `contracts`, then date, then id.
    public var payments: [Payment]
    /// The checks received from `from` to `to`, by date, then drawer, then id.
    public var checks: [Payment]
    public var totalOrdered: Money
    public var totalPaid: Money
    public var totalBalance: Money
    public var checksTotal: Money

    public struct Contract: Sendable, Hashable {
        public var subscriptionId: Int
        /// `LASTNAME Firstname` (or the household name with the partner in the same account).
        public var household: String
        /// The alternated-basket partner's name (`"Subscription".userId2`), if any.
        public var partner: String?
        public var start: LocalDate
        public var end: LocalDate
        /// Distributions with at least one confirmed, non-cancelled line.
        public var distributions: Int
        public var ordered: Money
        public var paymentCount: Int
        public var paid: Money
        /// `paid − ordered`.
        public var balance: Money
        public var status: Status
    }

    public struct Payment: Sendable, Hashable {
        public var id: Int
        public var subscriptionId: Int
        public var household: String
        public var date: LocalDate
        public var kind: PaymentKind
        /// `"Operation".name`: for a check, its number.
        public var label: String
        /// Negative for a refund.
        public var amount: Money
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case paid = "payé"
        case due = "reste à payer"
        case refundDue = "à rembourser"

        public init(balance: Money) {
            self = balance.cents == 0 ? .paid : balance.cents < 0 ? .due : .refundDue
        }
    }
}

/// How a payment was made, from `"Operation".data` (`{"type": "check"}`); anything unreadable is `other`.
public enum PaymentKind: String, Sendable, Hashable, CaseIterable {
    case check, cash, transfer, cardTerminal = "card-terminal", onTheSpot = "onthespot", moneyPot = "moneypot", other

    /// The French word shown in the workbook.
    public var label: String {
        switch self {
        case .check: "chèque"
        case .cash: "espèces"
        case .transfer: "virement"
        case .cardTerminal: "TPE"
        case .onTheSpot: "sur place"
        case .moneyPot: "cagnotte"
        case .other: "autre"
        }
    }

    /// Reads `{"type": "…"}`; missing, malformed or unknown data is `other`, never an error.
    public init(operationData: String?) {
        // CAMAP writes the compact form: read it without a JSONDecoder (a payments batch has
        // about a hundred thousand; decoding each was 4 % of the job).
        if let operationData, let kind = Self.compact[operationData] {
            self = kind
            return
        }
        struct Payload: Decodable { var type: String? }
        guard let text = operationData?.nonBlank,
              let payload = try? JSONDecoder().decode(Payload.self, from: Data(text.utf8)),
              let type = payload.type, let kind = PaymentKind(rawValue: type), kind != .other else {
            self = .other
            return
        }
        self = kind
    }

    /// `{"type":"check"}` and the like, as CAMAP writes them, for every kind but `other`.
    private static let compact: [String: PaymentKind] = Dictionary(uniqueKeysWithValues: allCases.filter { $0 != .other }
        .map { (#"{"type":""# + $0.rawValue + #""}"#, $0) })
}
