import CageotCore

/// A `"Vendor"` row: a farm supplying one kind of contract to up to three neighbouring AMAPs.
struct VendorRow {
    let id: Int
    let name: String
    let peopleName: String
    let email: String
    let phone: String
    let address1: String
    let zipCode: String
    let city: String
    let companyNumber: String
    let cdate: LocalDateTime

    /// The farm's name, unique within its kind: beyond the hand-written list, a town tells them apart.
    static func name(kind: ContractKind, index: Int) -> String {
        let names = kind.vendorNames
        let base = names[index % names.count]
        let round = index / names.count
        guard round > 0 else { return base }
        let town = Town.all[(round - 1) % Town.all.count].name
        let lap = (round - 1) / Town.all.count
        return lap == 0 ? "\(base) (\(town))" : "\(base) (\(town) \(lap + 1))"
    }

    init(kind: ContractKind, index: Int, federation: FederationPlan) {
        id = kind.rawValue * federation.vendorsPerKind + index + 1
        var random = DemoRandom.stream(federation.options.seed, .vendors, id)
        name = VendorRow.name(kind: kind, index: index)
        let last = random.pick(FrenchNames.surnames)
        peopleName = random.chance(0.5)
            ? "\(random.pick(FrenchNames.men)) et \(random.pick(FrenchNames.women)) \(last)"
            : "\(random.pick(FrenchNames.women + FrenchNames.men)) \(last)"
        email = "contact@\(FrenchNames.asciiSlug(name, separator: "-")).example"
        phone = "02 \(random.pick(["40", "51", "28"])) \(random.digits(2)) \(random.digits(2)) \(random.digits(2))"
        address1 = "Lieu-dit \(random.pick(FrenchNames.lieuxDits))"
        let town = random.pick(Town.all)
        zipCode = town.zipCode
        city = town.name
        companyNumber = VendorRow.siret(random: &random)
        cdate = LocalDateTime(date: federation.options.start.adding(days: -random.int(in: 200...2_500)), hour: random.int(in: 8...20),
                              minute: random.int(below: 60))
    }

    /// A SIRET-like number: 9 digits of SIREN and 5 of establishment, Luhn-valid, grouped as printed.
    static func siret(random: inout DemoRandom) -> String {
        var digits = (0..<13).map { _ in random.int(below: 10) }
        digits[0] = random.int(in: 1...9)
        func luhn(_ d: [Int]) -> Int {
            var sum = 0
            for (i, digit) in d.reversed().enumerated() {
                let v = i % 2 == 1 ? digit * 2 : digit
                sum += v > 9 ? v - 9 : v
            }
            return sum
        }
        digits.append((10 - luhn(digits + [0]) % 10) % 10)
        let text = digits.map(String.init).joined()
        let chars = Array(text)
        return "\(String(chars[0..<3])) \(String(chars[3..<6])) \(String(chars[6..<9])) \(String(chars[9..<14]))"
    }
}
