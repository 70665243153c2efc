/// A town of Loire-Atlantique with its postcode and approximate coordinates.
struct Town: Sendable {
    var name: String
    var zipCode: String
    var lat: Double
    var lng: Double

    static let all: [Town] = [
        Town(name: "Nantes", zipCode: "44000", lat: 47.2184, lng: -1.5536),
        Town(name: "Rezé", zipCode: "44400", lat: 47.1833, lng: -1.5500),
        Town(name: "Saint-Herblain", zipCode: "44800", lat: 47.2122, lng: -1.6497),
        Town(name: "Orvault", zipCode: "44700", lat: 47.2711, lng: -1.6225),
        Town(name: "Vertou", zipCode: "44120", lat: 47.1689, lng: -1.4697),
        Town(name: "Carquefou", zipCode: "44470", lat: 47.2975, lng: -1.4914),
        Town(name: "Saint-Sébastien-sur-Loire", zipCode: "44230", lat: 47.2081, lng: -1.5014),
        Town(name: "Bouguenais", zipCode: "44340", lat: 47.1778, lng: -1.6236),
        Town(name: "Couëron", zipCode: "44220", lat: 47.2156, lng: -1.7228),
        Town(name: "La Chapelle-sur-Erdre", zipCode: "44240", lat: 47.2992, lng: -1.5514),
        Town(name: "Saint-Nazaire", zipCode: "44600", lat: 47.2735, lng: -2.2138),
        Town(name: "Guérande", zipCode: "44350", lat: 47.3281, lng: -2.4292),
        Town(name: "Pornic", zipCode: "44210", lat: 47.1156, lng: -2.1028),
        Town(name: "Clisson", zipCode: "44190", lat: 47.0869, lng: -1.2819),
        Town(name: "Ancenis-Saint-Géréon", zipCode: "44150", lat: 47.3656, lng: -1.1772),
        Town(name: "Châteaubriant", zipCode: "44110", lat: 47.7172, lng: -1.3761),
        Town(name: "Machecoul-Saint-Même", zipCode: "44270", lat: 46.9933, lng: -1.8219),
        Town(name: "Blain", zipCode: "44130", lat: 47.4764, lng: -1.7622),
        Town(name: "Savenay", zipCode: "44260", lat: 47.3606, lng: -1.9428),
        Town(name: "Le Croisic", zipCode: "44490", lat: 47.2919, lng: -2.5131),
        Town(name: "La Baule-Escoublac", zipCode: "44500", lat: 47.2867, lng: -2.3908),
        Town(name: "Sainte-Luce-sur-Loire", zipCode: "44980", lat: 47.2503, lng: -1.4858),
        Town(name: "Basse-Goulaine", zipCode: "44115", lat: 47.2094, lng: -1.4661),
        Town(name: "Thouaré-sur-Loire", zipCode: "44470", lat: 47.2672, lng: -1.4397),
        Town(name: "Nort-sur-Erdre", zipCode: "44390", lat: 47.4394, lng: -1.4983),
        Town(name: "Sucé-sur-Erdre", zipCode: "44240", lat: 47.3422, lng: -1.5275),
        Town(name: "Treillières", zipCode: "44119", lat: 47.3306, lng: -1.6197),
        Town(name: "Les Sorinières", zipCode: "44840", lat: 47.1478, lng: -1.5289),
        Town(name: "Bouaye", zipCode: "44830", lat: 47.1447, lng: -1.6894),
        Town(name: "Indre", zipCode: "44610", lat: 47.1997, lng: -1.6719),
        Town(name: "Le Loroux-Bottereau", zipCode: "44430", lat: 47.2383, lng: -1.3461),
        Town(name: "Vallet", zipCode: "44330", lat: 47.1619, lng: -1.2661),
        Town(name: "Saint-Brevin-les-Pins", zipCode: "44250", lat: 47.2464, lng: -2.1678),
        Town(name: "Héric", zipCode: "44810", lat: 47.4150, lng: -1.6528),
        Town(name: "Grandchamp-des-Fontaines", zipCode: "44119", lat: 47.3628, lng: -1.6117),
        Town(name: "Pornichet", zipCode: "44380", lat: 47.2639, lng: -2.3389),
    ]

    static func named(_ name: String) -> Town { all.first { $0.name == name } ?? all[0] }
}
