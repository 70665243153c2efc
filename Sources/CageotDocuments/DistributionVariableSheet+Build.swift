import CageotCore

extension DistributionVariableSheet {
    /// Builds the sheet of a variable-contract distribution; a classic contract is refused
    /// (`DistributionSheetError.classicContract`): its members get the classic-contract grid.
    public init(_ data: DistributionSheetData) throws(DistributionSheetError) {
        let d = data.distribution
        guard d.isVariableContract else {
            throw .classicContract(distributionId: d.id, catalogId: d.catalogId, catalogName: d.catalogName)
        }
        let balances = Dictionary(data.balances.map { ($0.householdId, $0.balance) }, uniquingKeysWith: { a, _ in a })
        let households = DistributionHousehold.sorted(data).map { household in
            Household(basketNumber: household.basketNumber, name: household.member.householdName,
                      phones: d.hidePhone ? [] : household.member.phones, balance: balances[household.member.id],
                      delivered: household.delivered,
                      lines: household.lines.map { line in
                          let p = line.product
                          return Line(quantity: p.formatQuantity(line.quantity), product: p.name,
                                      unitPrice: Money(rounding: line.unitPrice), amount: line.amount,
                                      weighed: p.variablePrice || p.multiWeight, unit: p.unitType?.symbol ?? "")
                      })
        }
        self.init(distributionId: d.id, groupName: d.groupName, contractName: d.catalogName, farmName: d.vendorName,
                  date: FrenchFormat.longDate(d.start.date), when: d.when, place: d.place, households: households,
                  phonesHidden: d.hidePhone, total: households.map(\.delivered).sum(), currency: d.currency)
    }
}
