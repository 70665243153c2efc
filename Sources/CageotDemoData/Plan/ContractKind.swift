/// The contracts every demo AMAP runs, each with its farm, products and delivery rhythm.
enum ContractKind: Int, CaseIterable, Sendable {
    case vegetables, eggs, bread, cheese, poultry, grocery, household

    /// CAMAP's `Catalog.type`: 0 classic (same basket every time), 1 variable (orders change).
    var catalogType: Int { self == .vegetables || self == .eggs || self == .bread ? 0 : 1 }
    var isClassic: Bool { catalogType == 0 }

    /// Delivered every `frequency` weeks.
    var frequency: Int {
        switch self {
        case .vegetables, .eggs, .bread: 1
        case .cheese: 2
        case .poultry, .grocery, .household: 4
        }
    }

    /// Share of a group's households that subscribe.
    var subscriptionRate: Double {
        switch self {
        case .vegetables: 0.75
        case .eggs: 0.45
        case .bread: 0.4
        case .cheese: 0.35
        case .poultry: 0.25
        case .grocery: 0.3
        case .household: 0.25
        }
    }

    func catalogName(year: Int) -> String {
        switch self {
        case .vegetables: "Contrat légumes \(year)"
        case .eggs: "Œufs bio \(year)"
        case .bread: "Pain au levain \(year)"
        case .cheese: "Fromages de chèvre"
        case .poultry: "Volailles fermières"
        case .grocery: "Épicerie en vrac"
        case .household: "Savons et produits ménagers"
        }
    }

    var description: String {
        switch self {
        case .vegetables: "Légumes de saison cultivés en agriculture biologique, récoltés la veille. Petit panier : 2 personnes ; grand panier : 4 personnes."
        case .eggs: "Œufs de poules élevées en plein air, nourries avec les céréales de la ferme."
        case .bread: "Pain au levain naturel cuit au feu de bois, farines bio de la région."
        case .cheese: "Fromages fermiers au lait cru de chèvre. La tomme est coupée à la demande : le prix dépend du poids."
        case .poultry: "Poulets et pintades élevés en plein air au moins 110 jours. Prix au kilo : le montant est ajusté à la pesée."
        case .grocery: "Farine, légumineuses et cidre, servis en vrac au poids : apportez vos contenants."
        case .household: "Savons saponifiés à froid et produits ménagers écologiques (TVA 20 %)."
        }
    }

    /// Farm names for this kind of contract; a vendor supplies several neighbouring AMAPs.
    var vendorNames: [String] {
        switch self {
        case .vegetables: ["Ferme de Kervœn", "GAEC des Prés Verts", "Les Jardins de la Sèvre", "Maraîchage du Bois Joli", "EARL La Clé des Champs", "Le Potager d'Émile"]
        case .eggs: ["Les Poules de la Mée", "Ferme avicole du Gué", "EARL Plein Air", "La Ferme aux Œufs d'Or"]
        case .bread: ["Boulangerie Le Fournil", "Fournil de l'Erdre", "Le Pain d'Antan", "Boulangerie paysanne Grain de Sel"]
        case .cheese: ["Chèvrerie du Bocage", "Fromagerie des Marais", "GAEC du Lait Cru", "La Chèvre Rit"]
        case .poultry: ["Volailles de Grand-Lieu", "Ferme des Trois Chênes", "EARL Plume et Paille"]
        case .grocery: ["Moulin de la Chaussée", "Les Grains d'Ici", "Cidrerie du Val de Loire"]
        case .household: ["Savonnerie Bulles d'Ouest", "L'Atelier du Savon"]
        }
    }

    var products: [ProductTemplate] {
        switch self {
        case .vegetables:
            [ProductTemplate(name: "Panier de légumes - petit", ref: "LEG-P", priceMilli: 12_000, qt: 1, unitType: 0, organic: true),
             ProductTemplate(name: "Panier de légumes - grand", ref: "LEG-G", priceMilli: 18_500, qt: 1, unitType: 0, organic: true),
             ProductTemplate(name: "Panier de légumes - moyen (ancienne formule)", ref: "LEG-M", priceMilli: 15_000, qt: 1, unitType: 0, organic: true, active: false)]
        case .eggs:
            [ProductTemplate(name: "Œufs (boîte de 12)", ref: "OEUF12", priceMilli: 4_200, qt: 12, unitType: 0, organic: true),
             ProductTemplate(name: "Œufs (boîte de 6)", ref: "OEUF6", priceMilli: 2_250, qt: 6, unitType: 0, organic: true)]
        case .bread:
            // The loaf went from 5.20 to 5.35 a few weeks into the season: early lines keep the old price.
            [ProductTemplate(name: "Pain de campagne au levain 1 kg", ref: nil, priceMilli: 5_350, oldPriceMilli: 5_200, qt: 1, unitType: 1, organic: true),
             ProductTemplate(name: "Pain aux graines 500 g", ref: nil, priceMilli: 3_150, qt: 500, unitType: 2, organic: true)]
        case .cheese:
            // 2.675 € a piece: one or three crottins land exactly on a half cent.
            [ProductTemplate(name: "Crottin de chèvre", ref: "CROT", priceMilli: 2_675, qt: 1, unitType: 0),
             ProductTemplate(name: "Tomme de chèvre (prix au kg)", ref: "TOMME", priceMilli: 24_800, qt: 1, unitType: 1, variablePrice: true),
             ProductTemplate(name: "Faisselle 500 g", ref: "FAIS", priceMilli: 3_100, qt: 500, unitType: 2),
             ProductTemplate(name: "Lait cru 1 L", ref: "LAIT", priceMilli: 1_350, qt: 1, unitType: 3)]
        case .poultry:
            [ProductTemplate(name: "Poulet fermier (prix au kg)", ref: "POUL", priceMilli: 11_900, qt: 1, unitType: 1, variablePrice: true, multiWeight: true),
             ProductTemplate(name: "Pintade fermière (prix au kg)", ref: "PINT", priceMilli: 14_500, qt: 1, unitType: 1, variablePrice: true, multiWeight: true),
             ProductTemplate(name: "Terrine de volaille 180 g", ref: "TERR", priceMilli: 5_600, qt: 180, unitType: 2)]
        case .grocery:
            [ProductTemplate(name: "Farine de blé T80 (vrac)", ref: "FAR80", priceMilli: 2_100, qt: 1, unitType: 1, organic: true, bulk: true),
             ProductTemplate(name: "Lentilles vertes (vrac)", ref: "LENT", priceMilli: 4_800, qt: 1, unitType: 1, organic: true, bulk: true),
             ProductTemplate(name: "Cidre brut 75 cl", ref: "CIDRE", priceMilli: 4_900, vat: 20, qt: 75, unitType: 4)]
        case .household:
            [ProductTemplate(name: "Savon surgras à la lavande 100 g", ref: "SAV-LAV", priceMilli: 4_500, vat: 20, qt: 100, unitType: 2),
             ProductTemplate(name: "Liquide vaisselle 500 ml", ref: "VAIS", priceMilli: 4_200, vat: 20, qt: 500, unitType: 5),
             ProductTemplate(name: "Lessive au savon de Marseille 1 L", ref: "LESS", priceMilli: 8_900, vat: 20, qt: 1, unitType: 3)]
        }
    }
}
