import Foundation

extension DistributionSheetData {
    /// Changes whenever anything printed on a distribution sheet of `kind` changes (orders, names,
    /// phones, balances, contract, place); the same data give the same hex string.
    public func fingerprint(kind: String) -> String {
        var f = Fingerprint()
        let d = distribution
        f.add("distribution-sheet/1"); f.add(kind)
        f.add(d.id); f.add(d.sessionId); f.add(d.catalogId); f.add(d.catalogName); f.add(d.catalogType); f.add(d.vendorName)
        f.add(d.groupId); f.add(d.groupName); f.add(d.hidePhone); f.add(d.currency); f.add(d.placeName); f.add(d.placeAddress)
        f.add(d.start); f.add(d.end)
        f.add("members")
        for member in members { f.add(member: member) }
        f.add("lines")
        for line in lines {
            f.add(line: line)
        }
        f.add("balances")
        for balance in balances {
            f.add(balance.householdId); f.add(balance.subscriptionIds.map(String.init).joined(separator: ","))
            f.add(Int(balance.paid.cents)); f.add(Int(balance.ordered.cents))
        }
        return f.finalize()
    }
}
