extension ContractGridData {
    /// Changes whenever anything printed on the grid changes: the contract, its dates, the
    /// subscribers and partners, their absences and baskets, and the options the grid is drawn with.
    public func fingerprint(options: ContractGridOptions) -> String {
        var f = Fingerprint()
        f.add("contract-grid/1")
        f.add(options.basket.rawValue); f.add(options.contact.rawValue); f.add(options.dateFormat.rawValue)
        f.add(options.orientation.rawValue); f.add(options.fontSize.description)
        let c = contract
        f.add(c.id); f.add(c.name); f.add(c.type); f.add(c.groupId); f.add(c.groupName); f.add(c.hidePhone)
        f.add(c.vendorName); f.add(c.startDate); f.add(c.endDate)
        f.add(from.description); f.add(to.description)
        f.add("distributions")
        for d in distributions { f.add(d.id); f.add(d.sessionId); f.add(d.date); f.add(d.quantities); f.add(d.ordinal) }
        f.add("subscriptions")
        for s in subscriptions {
            f.add(s.id); f.add(member: s.member); f.add(member: s.partner); f.add(s.startDate); f.add(s.endDate)
            f.add(s.absentDistributionIds.map(String.init).joined(separator: ","))
            for order in s.defaultOrders { f.add(order.productId); f.add(order.quantity) }
            f.add("/")
        }
        f.add("lines")
        for line in lines {
            f.add(line.id); f.add(line.subscriptionId); f.add(line.userId); f.add(line.userId2); f.add(line.distributionId)
            f.add(line.quantity); f.add(line.flags); f.add(product: line.product)
        }
        f.add("products")
        for product in products { f.add(product: product) }
        return f.finalize()
    }
}

private extension Fingerprint {
    mutating func add(product p: ProductInfo) {
        add(p.id); add(p.name); add(p.qt); add(p.unitType?.rawValue); add(p.vat)
        add(p.bulk); add(p.variablePrice); add(p.multiWeight)
    }
}
