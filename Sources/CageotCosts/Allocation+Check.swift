import CageotCore
import Foundation

extension Allocation {
    /// The share of the group `groupId`, if it was in the input.
    public func share(of groupId: Int) -> Share? { shares.first { $0.groupId == groupId } }

    /// What is wrong with this allocation, in English; empty when every rule of
    /// `docs/cost-sharing.md` holds: the shares and the adjusted shares sum exactly to the total, an
    /// AMAP that pays nothing has a reason, every share that pays is within the floor and the cap,
    /// and each amount is its adjusted share truncated to the cent, plus a cent when rounded up.
    public func violations() -> [String] {
        var problems: [String] = []
        let sum = shares.map(\.amount).sum()
        if sum != total { problems.append("the shares sum to \(sum.cents) cents, not \(total.cents)") }
        let adjusted = shares.map(\.adjusted).reduce(0, +)
        if adjusted != total.decimal { problems.append("the adjusted shares sum to \(adjusted), not \(total.decimal)") }
        for share in shares {
            let name = "group \(share.groupId)"
            if share.exemptReason != nil {
                if share.amount != .zero { problems.append("\(name) is exempt but pays \(share.amount.cents) cents") }
                continue
            }
            if let floor, share.amount < floor { problems.append("\(name) pays less than the floor") }
            if let cap, cap < share.amount { problems.append("\(name) pays more than the cap") }
            var value = share.adjusted * 100
            var truncated = Decimal()
            NSDecimalRound(&truncated, &value, 0, .down)
            let expected = NSDecimalNumber(decimal: truncated).int64Value + (share.roundedUp ? 1 : 0)
            if share.amount.cents != expected {
                problems.append("\(name) pays \(share.amount.cents) cents, but its adjusted share \(share.adjusted) gives \(expected)")
            }
        }
        return problems
    }
}
