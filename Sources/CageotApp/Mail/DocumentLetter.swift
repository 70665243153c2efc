import CageotCore
import CageotDocuments
import CageotMail
import Foundation

/// What a message about one document says and to whom it goes, before the ledger decides whether
/// to send it: the French subject, a short paragraph with the document's key figures, and its audience.
public struct DocumentLetter: Sendable, Hashable {
    public enum Audience: Sendable, Hashable {
        /// The group's main contact (`"Group".userId`) and each contract's coordinator (`"Catalog".userId`).
        case coordinators(groupId: Int, groupName: String, [Coordinator])
        case vendor(id: Int)
        /// The distribution's farmer.
        case distributionVendor(distribution: Int)
        case federation
    }

    public struct Coordinator: Sendable, Hashable {
        public var member: Member
        /// `contact principal`, `référent du contrat Légumes`.
        public var role: String
    }

    public var subject: String
    public var summary: String
    public var audience: Audience
    /// When the session starts (sheets are mailed a configured number of hours before).
    public var start: LocalDateTime?
}

extension DocumentLetter {
    /// `Feuille d'émargement — AMAP de Rezé — jeudi 3 décembre 2026, 18:30 – 19:30`.
    public static func sessionSheet(_ data: SessionSheetData) -> DocumentLetter {
        let sheet = SessionSheet(data)
        var coordinators: [Coordinator] = []
        if let main = data.contacts.mainContact { coordinators.append(Coordinator(member: main, role: "contact principal")) }
        for coordinator in data.contacts.coordinators {
            let role = "référent du contrat \(MailText.oneLine(coordinator.contractName))"
            if let index = coordinators.firstIndex(where: { $0.member.id == coordinator.member.id }) {
                coordinators[index].role += ", \(role)"
            } else {
                coordinators.append(Coordinator(member: coordinator.member, role: role))
            }
        }
        let lines = sheet.households.reduce(0) { $0 + $1.lines.count }
        var summary = "Voici la feuille d'émargement de la distribution du \(sheet.when)"
        if !sheet.place.isEmpty { summary += " (\(sheet.place))" }
        summary += " : \(MailText.count(sheet.households.count, "foyer", "foyers")), "
            + "\(MailText.count(sheet.contracts.count, "contrat", "contrats")), \(MailText.count(lines, "ligne", "lignes")) de commande, "
            + "total \(FrenchFormat.money(sheet.total, currency: sheet.currency))."
        if !sheet.contracts.isEmpty { summary += "\nContrats : \(sheet.contracts.joined(separator: ", "))." }
        summary += "\nImprimez-la avant la distribution : chaque foyer la signe en prenant son panier."
        return DocumentLetter(subject: "Feuille d'émargement — \(sheet.groupName) — \(sheet.when)", summary: summary,
                              audience: .coordinators(groupId: data.session.groupId, groupName: data.session.groupName, coordinators),
                              start: data.session.start)
    }

    /// `Commandes semaine 49 — Ferme de Kervœn`, with the week's figures and one line per distribution.
    public static func vendorWeek(_ data: VendorOrdersData, week: ISOWeek) -> DocumentLetter {
        let orders = VendorOrders(data)
        let households = orders.distributions.reduce(0) { $0 + $1.households.count }
        var summary = "Voici vos commandes de la semaine \(week.week) (du \(FrenchFormat.longDate(week.monday)) "
            + "au \(FrenchFormat.longDate(week.sunday))) : \(MailText.count(orders.distributions.count, "distribution", "distributions")), "
            + "\(MailText.count(households, "foyer", "foyers")), total \(FrenchFormat.money(orders.total)) TTC "
            + "(\(FrenchFormat.money(orders.totalExcludingVAT)) HT)."
        for distribution in orders.distributions {
            summary += "\n- \(FrenchFormat.longDate(distribution.date)), \(MailText.oneLine(distribution.groupName)), "
                + "\(MailText.oneLine(distribution.contractName)) : \(MailText.count(distribution.households.count, "foyer", "foyers")), "
                + "\(FrenchFormat.money(distribution.total))"
        }
        summary += "\nLe classeur joint donne ce qu'il faut préparer par produit, puis chaque distribution foyer par foyer."
        return DocumentLetter(subject: "Commandes semaine \(week.week) — \(data.vendor.name)", summary: summary,
                              audience: .vendor(id: data.vendor.id))
    }

    /// `Commande du jeudi 3 décembre 2026 — AMAP de Rezé — Légumes`: one distribution's grid.
    public static func distributionRecap(_ data: DistributionSheetData) -> DocumentLetter {
        let matrix = DistributionMatrix(data)
        let summary = "Les commandes de la distribution du \(matrix.when) (\(matrix.groupName), contrat \(matrix.contractName)) "
            + "sont closes : \(MailText.count(matrix.households.count, "foyer", "foyers")), "
            + "\(MailText.count(matrix.products.count, "produit", "produits")), "
            + "total \(FrenchFormat.money(matrix.total, currency: matrix.currency)).\n"
            + "La grille jointe donne, foyer par foyer, ce qu'il faut apporter."
        return DocumentLetter(subject: "Commande du \(matrix.date) — \(matrix.groupName) — \(matrix.contractName)", summary: summary,
                              audience: .distributionVendor(distribution: data.distribution.id), start: data.distribution.start)
    }

    /// `Rapport d'usage 2025 — InterAMAP44`, with the federation's figures and the cost shared.
    public static func usageReport(_ report: UsageReport) -> DocumentLetter {
        let figures = report.data.federation
        var summary = "Voici le rapport d'usage \(report.data.period.label) de \(report.federationName) : "
            + "\(MailText.count(report.rows.count, "AMAP", "AMAP")), \(MailText.count(figures.activeHouseholds, "foyer actif", "foyers actifs")), "
            + "\(MailText.count(figures.sessionsHeld, "distribution", "distributions")), "
            + "chiffre d'affaires \(FrenchFormat.money(figures.turnover))."
        if let costs = report.costs {
            summary += "\nCoût d'hébergement partagé : \(FrenchFormat.money(costs.total)), "
                + "réparti entre \(MailText.count(report.rows.filter { ($0.share?.amount.cents ?? 0) > 0 }.count, "AMAP", "AMAP")) "
                + "(total des parts : \(FrenchFormat.money(report.totalShares)))."
        }
        summary += "\nLe PDF joint détaille chaque AMAP ; le classeur joint permet de refaire la répartition."
        return DocumentLetter(subject: "Rapport d'usage \(report.data.period.label) — \(report.federationName)", summary: summary,
                              audience: .federation)
    }
}

enum MailText {
    /// `1 foyer`, `12 foyers`, with the thousands separator.
    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(FrenchFormat.integer(n)) \(n <= 1 ? one : many)"
    }

    /// A name from the database on one line: line breaks and control characters become spaces, so
    /// that no value can start a new header (`Ferme\r\nBcc: …` stays a name).
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isLineBreakOrControl ? " " : $0 }).split(separator: " ").joined(separator: " ")
    }
}
