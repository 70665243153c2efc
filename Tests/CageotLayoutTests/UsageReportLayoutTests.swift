import CageotCore
@testable import CageotCosts
import CageotDocuments
@testable import CageotLayout
import Foundation
import Testing

struct UsageReportLayoutTests {
    /// `count` AMAPs with growing figures, and a cost shared equally (enough to exercise the pages).
    static func report(groups count: Int, activity: Bool = true, costs: Bool = true) -> UsageReport {
        let period = UsagePeriod.year(2026)
        let groups = (1...count).map { id in
            GroupUsage(groupId: id, name: "AMAP n° \(id) des Coteaux de la Loire", createdOn: LocalDate(year: 2020, month: 1, day: 1),
                       disabled: id == 2 ? "SUSPENDED" : nil,
                       figures: UsageFigures(activeHouseholds: activity ? 10 + id : 0, members: 12 + id, sessionsHeld: activity ? 40 : 0,
                                             baskets: activity ? 400 : 0, orderLines: activity ? 900 + id : 0,
                                             turnover: Money(cents: activity ? Int64(100_000 * id) : 0),
                                             turnoverByVAT: [VATAmount(rate: 5.5, amount: Money(cents: Int64(100_000 * id)))]))
        }
        let months = (1...12).map { MonthUsage(month: LocalDate(year: 2026, month: $0, day: 1), turnover: Money(cents: Int64(50_000 * $0)),
                                                sessionsHeld: activity ? 3 * $0 : 0) }
        let federation = UsageFigures(activeHouseholds: groups.map(\.figures.activeHouseholds).reduce(0, +), orderLines: activity ? 1 : 0)
        let data = UsageReportData(period: period, groups: groups, federation: federation, newGroups: 0, disabledGroups: 1, months: months)
        guard costs else { return UsageReport(federationName: "InterAMAP44", data: data, madeOn: LocalDate(year: 2027, month: 1, day: 15), costs: nil) }
        let file = CostFile(path: "costs.toml", year: 2026, items: [.init(name: "Serveur", amount: Money(cents: 120_000))],
                            weights: .init(fixed: 1, households: 0, sessions: 0, turnover: 0), floor: nil, cap: nil,
                            exemptDisabled: true, firstYearFree: false, exempt: [])
        let each = Money(cents: 120_000 / Int64(count - 1))
        let shares = groups.map { g in
            Allocation.Share(groupId: g.groupId, name: g.name, exemptReason: g.disabled == nil ? nil : "groupe désactivé",
                             parts: [], ideal: each.decimal, bound: nil, adjusted: each.decimal,
                             amount: g.disabled == nil ? each : .zero, roundedUp: false,
                             steps: ["Part fixe : 1 200,00 € ÷ \(count - 1) AMAP", "Part due : \(FrenchFormat.money(each))"])
        }
        let allocation = Allocation(total: file.total, floor: nil, cap: nil,
                                    parts: [.init(part: .fixed, weight: 1, fraction: 1, amount: 1200, metricTotal: Decimal(count - 1), inUse: true)],
                                    shares: shares, steps: [])
        return UsageReport(federationName: "InterAMAP44", data: data, madeOn: LocalDate(year: 2027, month: 1, day: 15),
                           costs: .init(file: file, allocation: allocation))
    }

    static func texts(_ page: Page) -> [String] {
        page.items.compactMap { if case let .text(text, _, _) = $0 { text } else { nil } }
    }

    @Test(arguments: [3, 120])
    func everyAMAPHasItsPageAndNothingLeavesThePage(groups: Int) {
        let layout = UsageReportLayout()
        let pages = layout.layout(Self.report(groups: groups), measurer: FixedWidthMeasurer())
        // Cover, charts (continued for many AMAPs), table (continued), then one page per AMAP.
        let groupPages = pages.filter { Self.texts($0).contains { $0.hasPrefix("Statut : ") } }
        #expect(groupPages.count == groups)
        #expect(pages.count >= groups + 3)
        for (index, page) in pages.enumerated() {
            for item in page.items {
                if case let .text(_, frame, _) = item {
                    #expect(frame.x >= layout.margins.left - 0.01 && frame.maxX <= page.size.width - layout.margins.right + 0.01, "page \(index + 1)")
                    #expect(frame.y >= layout.margins.top - 0.01 && frame.maxY <= page.size.height - layout.margins.bottom + 0.01, "page \(index + 1)")
                }
            }
            #expect(Self.texts(page).contains("InterAMAP44 — Usage de la plateforme — 2026 — page \(index + 1) / \(pages.count)"))
        }
        // Every AMAP is in the chart of households and in the table, exempt ones say why.
        let all = pages.flatMap(Self.texts)
        for id in 1...groups { #expect(all.filter { $0.hasPrefix("AMAP n° \(id) des") }.count >= 3, "AMAP \(id)") }
        #expect(all.contains("Aucune participation : groupe désactivé."))
        #expect(pages.flatMap(\.bookmarks).map(\.title).prefix(3) == ["Synthèse", "Graphiques", "Tableau par AMAP"])
    }

    @Test func aYearWithoutActivityHasNoChartsAndSaysSo() {
        let pages = UsageReportLayout().layout(Self.report(groups: 3, activity: false, costs: false), measurer: FixedWidthMeasurer())
        let all = pages.flatMap(Self.texts)
        #expect(all.contains { $0.hasPrefix("Aucune activité sur la période") })
        #expect(!all.contains { $0.hasPrefix("Chiffre d'affaires TTC par mois") })
        #expect(!all.contains { $0.hasPrefix("Montant à régler") })
    }

    @Test(arguments: [(0.0, 4.0), (3, 4), (36, 40), (12_000, 20_000), (12_345, 20_000), (4, 4), (9, 20), (1.5, 4)])
    func axisMaximumIsFourRoundSteps(value: Double, expected: Double) {
        #expect(Chart.niceMaximum(value) == expected)
    }

    @Test func columnsStayInsideTheirBox() {
        let values = (1...12).map { ChartValue(label: "m\($0)", value: Double($0 * 1000), text: "\($0 * 1000)") }
        let items = Chart.columns("CA", values: values, origin: Point(x: 40, y: 100), width: 500, height: 190,
                                  axisText: { String(Int($0)) }, style: TextStyle(), measurer: FixedWidthMeasurer())
        let fills = items.compactMap { if case let .fill(rect, _) = $0 { rect } else { nil } }
        #expect(fills.count == 12)
        #expect(fills.allSatisfy { $0.x >= 40 && $0.maxX <= 540 && $0.y >= 100 && $0.maxY <= 290 })
        // Heights are proportional to the values: the tallest (12 000 on a 20 000 axis) is 3/5 of the plot.
        #expect(abs(fills[11].height / fills[0].height - 12) < 0.000_1)
    }
}
