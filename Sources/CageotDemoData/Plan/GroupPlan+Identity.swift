extension GroupPlan {
    /// The group's name and town; the first twenty are hand-written, the others combine a pattern and a town.
    static func identity(index: Int, suspended: Bool) -> (String, Town) {
        if suspended { return ("AMAP de l'Ancienne Gare", Town.named("Ancenis-Saint-Géréon")) }
        let named: [(String, String)] = [
            ("AMAP du Jardin de Rezé", "Rezé"), ("AMAP des Bords de Loire", "Saint-Sébastien-sur-Loire"),
            ("AMAP de la Sèvre", "Vertou"), ("AMAP Chantenay Solidaire", "Nantes"),
            ("AMAP de l'Erdre", "La Chapelle-sur-Erdre"), ("AMAP du Pays de Retz", "Machecoul-Saint-Même"),
            ("AMAP Court-Circuit Couëron", "Couëron"), ("AMAP Les Paniers de Doulon", "Nantes"),
            ("AMAP de la Presqu'île", "Guérande"), ("AMAP du Vignoble", "Clisson"),
            ("AMAP Trentemoult", "Rezé"), ("AMAP des Sorinières", "Les Sorinières"),
            ("AMAP La Carotte Orvaltaise", "Orvault"), ("AMAP Saint-Herblain Bourg", "Saint-Herblain"),
            ("AMAP du Marais de Goulaine", "Basse-Goulaine"), ("AMAP Côte de Jade", "Pornic"),
            ("AMAP Nazairienne", "Saint-Nazaire"), ("AMAP du Sillon", "Savenay"),
            ("AMAP Erdre et Gesvres", "Treillières"), ("AMAP des Dervallières", "Nantes"),
        ]
        if index < named.count { return (named[index].0, Town.named(named[index].1)) }
        let patterns = ["AMAP de %", "AMAP du Marché de %", "Les Paniers de %", "AMAP % Centre", "AMAP La Courgette de %"]
        let n = index - named.count
        let town = Town.all[n % Town.all.count]
        let pattern = patterns[(n / Town.all.count) % patterns.count]
        var name = pattern.split(separator: "%", omittingEmptySubsequences: false).joined(separator: town.name)
        let round = n / (Town.all.count * patterns.count)
        if round > 0 { name += " \(round + 1)" }
        return (name, town)
    }
}
