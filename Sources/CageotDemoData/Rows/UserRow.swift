import CageotCore

/// A `"User"` row: one household, up to two people.
struct UserRow {
    var id: Int
    var firstName: String
    var lastName: String
    var email: String
    var phone: String?
    var firstName2: String?
    var lastName2: String?
    var email2: String?
    var phone2: String?
    var address1: String?
    var address2: String?
    var zipCode: String?
    var city: String?
    var cdate: LocalDateTime
    var ldate: LocalDateTime?
    var flags: Int

    /// CAMAP's placeholder that owns the history of deleted accounts.
    static func deletedAccount(federation: FederationPlan) -> UserRow {
        UserRow(id: FederationPlan.deletedUserId, firstName: "Compte", lastName: "SUPPRIMÉ", email: "deleted@camap.tld",
                cdate: LocalDateTime(date: federation.options.start.adding(days: -2_000), hour: 3), flags: 0)
    }

    /// The household `userId`, drawn from its own random stream. `emails` keeps addresses unique
    /// ("User".email has a unique index): a clash gets a number.
    static func household(_ userId: Int, federation: FederationPlan, emails: inout Set<String>) -> UserRow {
        var random = DemoRandom.stream(federation.options.seed, .users, userId)
        let groupIndex = federation.groupIndex(ofUser: userId)!
        let group = federation.groups[groupIndex]
        let local = userId - federation.householdIds(ofGroup: groupIndex).lowerBound
        let start = federation.options.start

        var first: String, last: String, partner: String?, partnerLast: String?
        if local < 3 {
            let shown = FrenchNames.showcase[(groupIndex * 3 + local) % FrenchNames.showcase.count]
            (first, last, partner, partnerLast) = (shown.first, shown.last, shown.partner, shown.partnerLast ?? shown.last)
        } else {
            let woman = random.chance(0.5)
            first = random.pick(woman ? FrenchNames.women : FrenchNames.men)
            last = random.pick(FrenchNames.surnames)
            if random.chance(0.5) {
                let sameSex = random.chance(0.1)
                partner = random.pick(woman != sameSex ? FrenchNames.men : FrenchNames.women)
                partnerLast = random.chance(0.35) ? random.pick(FrenchNames.surnames) : last
            }
        }
        let town = random.chance(0.7) ? group.town : random.pick(Town.all)
        var row = UserRow(id: userId, firstName: first, lastName: last.uppercased(), email: "",
                          cdate: LocalDateTime(date: start.adding(days: -random.int(in: 30...1_800)), hour: random.int(in: 7...22),
                                               minute: random.int(below: 60), second: random.int(below: 60)),
                          flags: random.pick([0, 2, 2, 6]))
        row.email = uniqueEmail(first: first, last: last, random: &random, emails: &emails)
        row.phone = phone(random: &random)
        if let partner {
            row.firstName2 = partner
            // Some households leave the partner's last name empty even when it is the same.
            row.lastName2 = random.chance(0.1) ? nil : partnerLast?.uppercased()
            if random.chance(0.7) || local == 2 { row.phone2 = mobile(random: &random) }
            if random.chance(0.5) {
                row.email2 = "\(FrenchNames.asciiSlug(partner, separator: "-")).\(FrenchNames.asciiSlug(partnerLast ?? last))@\(random.pick(FrenchNames.emailDomains))"
            }
        }
        row.address1 = "\(random.int(in: 1...140)) \(random.pick(FrenchNames.streets))"
        let extra = random.unit()
        row.address2 = extra < 0.1 ? "Bât. \(random.pick(["A", "B", "C"]))" : extra < 0.15 ? "Appt \(random.int(in: 1...60))" : extra < 0.2 ? "" : nil
        row.zipCode = town.zipCode
        row.city = town.name
        let today = federation.today
        if random.chance(0.9) {
            let seen = today.adding(seconds: -random.int(in: 0...(60 * 86_400)))
            row.ldate = max(seen, row.cdate.adding(seconds: 86_400))
        }
        if groupIndex == 0, local == federation.households - 1, local > 3 {
            // An old account whose name went through a latin1 round trip: documents must not crash on it.
            row.firstName = "HÃ©lÃ¨ne"
            row.lastName = "GUÃ‰RIN"
            row.firstName2 = nil; row.lastName2 = nil; row.phone2 = nil; row.email2 = nil
        }
        return row
    }

    /// A mobile number as people type it: mostly `06 12 34 56 78`, sometimes missing or loose.
    static func phone(random: inout DemoRandom) -> String? {
        let roll = random.unit()
        if roll < 0.05 { return nil }
        if roll < 0.07 { return "" }
        let number = mobile(random: &random)
        if roll < 0.1 { return number.split(separator: " ").joined() }
        if roll < 0.12 { return "+33 " + number.dropFirst() }
        return number
    }

    static func mobile(random: inout DemoRandom) -> String {
        var parts = [random.chance(0.7) ? "06" : "07"]
        for _ in 0..<4 { parts.append(random.digits(2)) }
        return parts.joined(separator: " ")
    }

    private static func uniqueEmail(first: String, last: String, random: inout DemoRandom, emails: inout Set<String>) -> String {
        let domain = random.pick(FrenchNames.emailDomains)
        let firstSlug = FrenchNames.asciiSlug(first, separator: "-"), lastSlug = FrenchNames.asciiSlug(last)
        var local = random.chance(0.8) ? "\(firstSlug).\(lastSlug)" : "\(firstSlug.prefix(1))\(lastSlug)"
        local = String(local.prefix(40))
        var email = "\(local)@\(domain)"
        var n = 2
        while emails.contains(email) {
            email = "\(local)\(n)@\(domain)"
            n += 1
        }
        emails.insert(email)
        return email
    }
}
