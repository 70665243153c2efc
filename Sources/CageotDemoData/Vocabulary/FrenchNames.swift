/// The vocabulary of the demo federation: people, towns and streets of Loire-Atlantique.
///
/// Chosen to exercise what real CAMAP data holds: accents (Élodie, Gaëlle), ligatures (Kervœn),
/// compound first names (Anne-Sophie), particles and apostrophes in last names (Le Goff, N'Diaye,
/// Da Silva) and umlauts (Müller).
enum FrenchNames {
    static let women = [
        "Élodie", "Anne-Sophie", "Gaëlle", "Chloé", "Léa", "Maëlle", "Hélène", "Agnès", "Françoise",
        "Cécile", "Noémie", "Zoé", "Inès", "Marie-Claire", "Bénédicte", "Solène", "Maïwenn", "Anaïs",
        "Sandrine", "Nathalie", "Isabelle", "Camille", "Manon", "Céline", "Aurélie", "Mathilde",
        "Clémence", "Jeanne", "Louise", "Rozenn", "Nolwenn", "Awa", "Fatou", "Yasmina", "Ingrid",
        "Marie", "Sophie", "Laure", "Émilie", "Marie-Noëlle",
    ]

    static let men = [
        "Loïc", "François", "Noé", "Jean-Baptiste", "Gaël", "Jérôme", "Stéphane", "Benoît", "Hervé",
        "Yannick", "Erwan", "Mickaël", "Théo", "Raphaël", "Jean-François", "Pierre-Yves", "Olivier",
        "Thomas", "Nicolas", "Julien", "Mathieu", "Sébastien", "Romain", "Antoine", "Guillaume",
        "Maxime", "Kévin", "Ronan", "Goulven", "Mamadou", "Karim", "Joël", "Rémi", "Léon", "Aurélien",
        "Jean", "Paul", "Hugo", "Frédéric", "Éric",
    ]

    static let surnames = [
        "Le Goff", "N'Diaye", "Lefèvre", "Müller", "Da Silva", "Bréhier", "Kervœn", "Martin", "Bernard",
        "Dubois", "Durand", "Moreau", "Lefebvre", "Leroy", "Roux", "Fournier", "Girard", "Bonnet",
        "Mercier", "Guérin", "Boucher", "Gautier", "Le Bihan", "Le Roux", "Le Gall", "Le Floch",
        "Guillou", "Tanguy", "Riou", "Hamon", "Jégou", "Péron", "Cadiou", "Évain", "Château", "Rivière",
        "Ménard", "D'Almeida", "Dos Santos", "Ferreira", "Nguyen", "Benali", "Traoré", "Diallo",
        "Lemaître", "Bouvier", "Lebœuf", "Brûlé", "Thébaud", "Aubé", "Gicquel", "Le Dréau", "Ollivier",
        "Jouët", "Bernard-Lefèvre", "Salaün", "Pérez", "Dupont", "Garnier", "Chevalier",
    ]

    /// Households shown first in every group (rotated by group), so that the cases the documents
    /// must handle exist even in a tiny federation: accents, compound names, a partner with the
    /// same last name and one with another.
    static let showcase: [(first: String, last: String, partner: String?, partnerLast: String?)] = [
        ("Élodie", "Le Goff", "Loïc", nil),
        ("Anne-Sophie", "N'Diaye", nil, nil),
        ("François", "Lefèvre", "Gaëlle", "Müller"),
        ("Chloé", "Da Silva", "Noé", nil),
        ("Jean-Baptiste", "Bréhier", "Maëlle", "Kervœn"),
        ("Gaëlle", "Kervœn", nil, nil),
        ("Noé", "Müller", "Anaïs", "Bréhier"),
        ("Hélène", "Lebœuf", "Pierre-Yves", nil),
    ]

    static let streets = [
        "rue des Lilas", "rue de la Paix", "avenue de la Gare", "rue Jean-Jaurès", "boulevard des Anglais",
        "impasse des Mésanges", "rue du Château", "chemin de la Sèvre", "rue de l'Église", "allée des Tilleuls",
        "rue Émile-Zola", "rue de Bretagne", "quai de la Fosse", "rue du Moulin", "route de Clisson",
        "rue des Écoles", "place du Marché", "rue Aristide-Briand", "rue de la Chênaie", "rue Pasteur",
    ]

    static let lieuxDits = [
        "Kervœn", "la Mée", "Bois Joli", "la Sèvre", "Grand-Lieu", "la Chaussée", "la Haute Rivière",
        "l'Erdre", "la Brière", "Gesvres", "la Maillardais", "Bel-Air", "la Noë", "Touchelais",
    ]

    /// Email domains under the reserved `.example` top-level domain: realistic, never deliverable.
    static let emailDomains = ["orange.example", "free.example", "laposte.example", "gmail.example", "wanadoo.example", "sfr.example"]

    /// Lower-case ASCII for email addresses: accents and ligatures folded, separators dropped.
    static func asciiSlug(_ text: String, separator: String = "") -> String {
        var out = ""
        for ch in text.lowercased() {
            switch ch {
            case "à", "â", "ä", "á": out += "a"
            case "é", "è", "ê", "ë": out += "e"
            case "î", "ï", "í": out += "i"
            case "ô", "ö", "ó": out += "o"
            case "ù", "û", "ü", "ú": out += "u"
            case "ç": out += "c"
            case "ÿ": out += "y"
            case "œ": out += "oe"
            case "æ": out += "ae"
            case "ñ": out += "n"
            case " ", "-", "'", "’": out += separator
            default:
                if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) }
            }
        }
        return out
    }
}
