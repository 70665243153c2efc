import CageotCore
import CageotStore

/// One function per CAMAP table: its columns, and its rows in id order.
extension DemoLoader {
    func copyFiles() throws -> Int {
        try copy("File", ["id", "name", "data", "cdate"]) { writer in
            let first = federation.groups[0]
            try writer.append([FederationPlan.logoFileId, "logo-\(FrenchNames.asciiSlug(first.name, separator: "-")).png",
                               ByteA(DemoLogo.png()), LocalDateTime(date: federation.options.start.adding(days: -90), hour: 21, minute: 4)])
        }
    }

    func copyUsers() throws -> Int {
        try copy("User", ["id", "firstName", "lastName", "email", "phone", "firstName2", "lastName2", "email2", "phone2",
                          "address1", "address2", "zipCode", "city", "cdate", "ldate", "lang", "flags"]) { writer in
            var emails = Set<String>()
            emails.insert("deleted@camap.tld")
            func write(_ u: UserRow) throws {
                try writer.append([u.id, u.firstName, u.lastName, u.email, u.phone, u.firstName2, u.lastName2, u.email2, u.phone2,
                                   u.address1, u.address2, u.zipCode, u.city, u.cdate, u.ldate, "fr", u.flags])
            }
            try write(UserRow.deletedAccount(federation: federation))
            for userId in 2...federation.userCount {
                try write(UserRow.household(userId, federation: federation, emails: &emails))
            }
        }
    }

    func copyGroups() throws -> Int {
        let hidePhone = 1 % federation.options.groups
        return try copy("Group", ["id", "name", "userId", "placeId", "imageId", "txtDistrib", "flags", "hasMembership",
                                  "membershipRenewalDate", "membershipFee", "currency", "currencyCode", "checkOrder", "vatRates",
                                  "allowedPaymentsType", "cdate", "disabled"]) { writer in
            for group in federation.groups {
                var random = DemoRandom.stream(federation.options.seed, .groups, group.index)
                let active = !group.isSuspended
                let texts: [String?] = [
                    "<p>Merci d'apporter vos sacs&nbsp;!</p>",
                    "<p>Distribution <b>sous le préau</b>.<br/>Pensez à rapporter vos boîtes à œufs vides.</p>",
                    "<p>Les paniers non récupérés à la fin de la distribution sont donnés à l'épicerie solidaire.</p><ul><li>Sacs</li><li>Monnaie</li></ul>",
                    "",
                    nil,
                ]
                try writer.append([
                    group.id, group.name, group.mainContact, nil,
                    group.index == 0 ? FederationPlan.logoFileId : nil,
                    active ? texts[group.index % texts.count] : nil,
                    group.index == hidePhone && active ? 64 : 0, // bit 6: HidePhone
                    active,
                    active ? LocalDate(year: group.seasonYear, month: 1, day: 1) : nil,
                    group.membershipFee,
                    "€", "EUR",
                    active ? group.name : nil,
                    #"{"5,5%":5.5,"20%":20}"#,
                    #"["check","cash","transfer"]"#,
                    LocalDateTime(date: federation.options.start.adding(days: -random.int(in: 400...2_500)), hour: random.int(in: 9...22),
                                  minute: random.int(below: 60)),
                    active ? nil : "SUSPENDED",
                ])
            }
        }
    }

    func copyPlaces() throws -> Int {
        try copy("Place", ["id", "name", "address1", "address2", "zipCode", "city", "country", "lat", "lng", "groupId"]) { writer in
            for group in federation.groups {
                var random = DemoRandom.stream(federation.options.seed, .groups, 1_000_000 + group.index)
                let names = ["Salle des fêtes", "Préau de l'école Jean-Jaurès", "Maison de quartier", "Ferme de la Chantrerie",
                             "Parking de l'église", "Local associatif Le Grenier", "Salle Paul-Fort", "Cour de la Maison des Associations"]
                let town = group.town
                try writer.append([
                    group.placeId, random.pick(names), "\(random.int(in: 1...80)) \(random.pick(FrenchNames.streets))",
                    random.chance(0.3) ? "Entrée côté parking" : nil, town.zipCode, town.name, "France",
                    Double(Int((town.lat * 10_000).rounded()) + random.int(in: -40...40)) / 10_000,
                    Double(Int((town.lng * 10_000).rounded()) + random.int(in: -40...40)) / 10_000,
                    group.id,
                ])
            }
        }
    }

    func copyVendors() throws -> Int {
        try copy("Vendor", ["id", "name", "peopleName", "email", "phone", "address1", "address2", "zipCode", "city",
                            "companyNumber", "userId", "disabled", "cdate"]) { writer in
            for kind in ContractKind.allCases {
                for index in 0..<federation.vendorsPerKind {
                    let v = VendorRow(kind: kind, index: index, federation: federation)
                    try writer.append([v.id, v.name, v.peopleName, v.email, v.phone, v.address1, nil, v.zipCode, v.city,
                                       v.companyNumber, nil, nil, v.cdate])
                }
            }
        }
    }

    func copyCatalogs() throws -> Int {
        try copy("Catalog", ["id", "name", "type", "groupId", "vendorId", "userId", "startDate", "endDate", "description",
                             "flags", "distribMinOrdersTotal", "catalogMinOrdersTotal", "absentDistribsMaxNb",
                             "absencesStartDate", "absencesEndDate", "orderStartDaysBeforeDistrib",
                             "orderEndHoursBeforeDistrib"]) { writer in
            for group in federation.groups {
                for catalog in group.catalogs {
                    let kind = catalog.kind
                    let absences = catalog.absentDistribsMaxNb > 0
                    let (first, last) = group.weeks >= 3 ? (1, group.weeks - 2) : (0, group.weeks - 1)
                    try writer.append([
                        catalog.id, kind.catalogName(year: group.seasonYear), kind.catalogType, group.id, catalog.vendorId,
                        catalog.coordinator, LocalDateTime(date: group.seasonStart), group.seasonEnd, kind.description,
                        0, 0.0, 0.0, catalog.absentDistribsMaxNb,
                        absences ? LocalDateTime(date: group.seasonStart.adding(days: 7 * first)) : nil,
                        absences ? LocalDateTime(date: group.seasonStart.adding(days: 7 * last + 6), hour: 23, minute: 59, second: 59) : nil,
                        kind.isClassic ? nil : 10, kind.isClassic ? nil : 48,
                    ])
                }
            }
        }
    }

    func copyProducts() throws -> Int {
        try copy("Product", ["id", "catalogId", "name", "ref", "price", "vat", "qt", "unitType", "organic", "variablePrice",
                             "multiWeight", "bulk", "active"]) { writer in
            for group in federation.groups {
                for catalog in group.catalogs {
                    for (position, p) in catalog.products.enumerated() {
                        try writer.append([catalog.productId(position), catalog.id, p.name, p.ref, Double(p.priceMilli) / 1000, p.vat,
                                           p.qt, p.unitType, p.organic, p.variablePrice, p.multiWeight, p.bulk, p.active])
                    }
                }
            }
        }
    }

    func copyVolunteerRoles() throws -> Int {
        try copy("VolunteerRole", ["id", "name", "groupId", "catalogId", "enabledByDefault"]) { writer in
            for group in federation.groups {
                for role in group.roles {
                    try writer.append([role.id, role.name, group.id, role.catalogId, role.enabledByDefault])
                }
            }
        }
    }

    func copySessions() throws -> Int {
        try copy("MultiDistrib", ["id", "groupId", "placeId", "distribStartDate", "distribEndDate", "orderStartDate",
                                  "orderEndDate", "volunteerRolesIds"]) { writer in
            for group in federation.groups {
                let variable = group.catalogs.contains { !$0.kind.isClassic }
                for s in group.sessions {
                    try writer.append([s.id, group.id, group.placeId, s.start, s.end, variable ? s.orderStart : nil,
                                       variable ? s.orderEnd : nil,
                                       s.roleSlots.isEmpty ? nil : s.roleSlots.map(String.init).joined(separator: ",")])
                }
            }
        }
    }

    func copyDistributions() throws -> Int {
        try copy("Distribution", ["id", "catalogId", "multiDistribId", "placeId", "date", "end", "orderStartDate",
                                  "orderEndDate", "quantities"]) { writer in
            for group in federation.groups {
                for s in group.sessions {
                    for (position, d) in s.distributions.enumerated() {
                        guard let d else { continue }
                        let classic = group.catalogs[position].kind.isClassic
                        try writer.append([d.id, group.catalogs[position].id, s.id, group.placeId, s.start, s.end,
                                           classic ? nil : s.orderStart, classic ? nil : s.orderEnd, d.quantities])
                    }
                }
            }
        }
    }

    func copySubscriptions() throws -> Int {
        try copyByGroup("Subscription", ["id", "userId", "userId2", "catalogId", "startDate", "endDate", "defaultOrders",
                                         "absentDistribIds"]) { group, writer in
            for sub in group.subscriptions {
                let catalog = group.catalogs[sub.catalogIndex]
                let defaults = sub.defaultOrders.isEmpty ? nil : "[" + sub.defaultOrders.map {
                    #"{"productId":\#(catalog.productId($0.product)),"quantity":\#($0.quantityMilli / 1000)}"#
                }.joined(separator: ",") + "]"
                try writer.append([
                    sub.id, sub.userId, sub.userId2, catalog.id,
                    LocalDateTime(date: group.seasonStart.adding(days: 7 * sub.startWeek)),
                    LocalDateTime(date: group.seasonStart.adding(days: 7 * sub.endWeek + 6), hour: 23, minute: 59, second: 59),
                    defaults,
                    sub.absentDistributionIds.isEmpty ? nil : sub.absentDistributionIds.map(String.init).joined(separator: ","),
                ])
            }
        }
    }

    func copyBaskets() throws -> Int {
        var nextBasketId = 1
        return try copyByGroup("Basket", ["id", "userId", "multiDistribId", "num", "cdate", "total", "status", "data"]) { group, writer in
            let activity = GroupActivity(plan: group, federation: federation, firstBasketId: nextBasketId)
            nextBasketId = activity.nextBasketId
            for b in activity.baskets {
                try writer.append([b.id, b.userId, b.sessionId, b.num, b.cdate, b.total, b.status, nil])
            }
        }
    }

    func copyOrderLines() throws -> Int {
        var nextBasketId = 1
        var nextLineId = 1
        return try copyByGroup("UserOrder", ["id", "userId", "userId2", "productId", "distributionId", "basketId",
                                             "subscriptionId", "quantity", "productPrice", "feesRate", "paid", "date",
                                             "flags"]) { group, writer in
            let activity = GroupActivity(plan: group, federation: federation, firstBasketId: nextBasketId)
            nextBasketId = activity.nextBasketId
            for l in activity.lines {
                try writer.append([nextLineId, l.userId, l.userId2, l.productId, l.distributionId, l.basketId, l.subscriptionId,
                                   Double(l.quantityMilli) / 1000, Double(l.priceMilli) / 1000, 0.0, false, l.date, l.flags])
                nextLineId += 1
            }
        }
    }

    mutating func copyOperations() throws -> Int {
        var nextBasketId = 1
        var nextOperationId = 1
        var memberships: [[MembershipRow]] = []
        var balances: [[Int]] = []
        let rows = try copyByGroup("Operation", ["id", "userId", "groupId", "type", "name", "amount", "date", "pending",
                                                 "subscriptionId", "relationId", "basketId", "data"]) { group, writer in
            let activity = GroupActivity(plan: group, federation: federation, firstBasketId: nextBasketId)
            nextBasketId = activity.nextBasketId
            let ledger = GroupLedger(plan: group, activity: activity, federation: federation, firstOperationId: nextOperationId)
            nextOperationId = ledger.nextOperationId
            for o in ledger.operations {
                try writer.append([o.id, o.userId, group.id, o.type, o.name, Double(o.cents) / 100, o.date, o.pending,
                                   o.subscriptionId, o.relationId, nil, o.data])
            }
            memberships.append(ledger.memberships)
            balances.append(ledger.balances)
        }
        self.memberships = memberships
        self.balances = balances
        return rows
    }

    func copyMemberships() throws -> Int {
        try copy("Membership", ["userId", "groupId", "year", "date", "amount", "distributionId", "operationId"]) { writer in
            for (group, rows) in zip(federation.groups, memberships) {
                for m in rows {
                    try writer.append([m.userId, group.id, m.year, m.date, Double(m.amountCents) / 100, m.distributionId, m.operationId])
                }
            }
        }
    }

    func copyVolunteers() throws -> Int {
        try copyByGroup("Volunteer", ["userId", "multiDistribId", "volunteerRoleId"]) { group, writer in
            for duty in Volunteers.duties(plan: group, federation: federation) {
                try writer.append([duty.userId, duty.sessionId, duty.roleId])
            }
        }
    }

    func copyUserGroups() throws -> Int {
        try copy("UserGroup", ["userId", "groupId", "rights", "balance"]) { writer in
            for (group, groupBalances) in zip(federation.groups, balances) {
                for (m, userId) in group.members.enumerated() {
                    try writer.append([userId, group.id, DemoLoader.rights(of: userId, in: group), Double(groupBalances[m]) / 100])
                }
            }
        }
    }

    /// CAMAP's rights JSON: the main contact administers the group; each coordinator ("référent")
    /// administers their contracts; everybody else has none (NULL).
    static func rights(of userId: Int, in group: GroupPlan) -> String? {
        if userId == group.mainContact {
            return #"[{"right":"GroupAdmin","params":null},{"right":"Membership","params":null},{"right":"Messages","params":null},{"right":"ContractAdmin","params":null}]"#
        }
        let catalogs = group.catalogs.filter { $0.coordinator == userId }.map { "\"\($0.id)\"" }
        guard !catalogs.isEmpty else { return nil }
        return #"[{"right":"ContractAdmin","params":["# + catalogs.joined(separator: ",") + "]}]"
    }
}
